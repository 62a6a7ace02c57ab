import fc from 'fast-check';
import type { Activity } from '../../docstore/document-store.port';
import { uuidv7 } from '../../lib/ids';
import { mergeSources, type CandidateSource } from './feed-sources';
import { FeedGrouper, GROUP_MAX } from './feed-grouping';
import type { ActivityView } from '@muse/shared';

function activity(at: number, actor = '1'): Activity {
  return { id: uuidv7(at), actorId: actor, type: 'rated', visibility: 'public', subject: null, data: {}, createdAt: new Date(at) };
}

/** A source over a fixed newest-first list; `holes` are ids it covers but cannot resolve. */
function listSource(items: Activity[], holes: Set<string> = new Set()): CandidateSource {
  return {
    async next(before, count) {
      const older = items.filter((a) => before === undefined || a.id < before);
      const page = older.slice(0, count);
      return { activities: page.filter((a) => !holes.has(a.id)), covered: page[page.length - 1]?.id ?? before, exhausted: older.length <= count };
    },
  };
}

describe('mergeSources', () => {
  it('when several sources are paged through with any page size, then every activity comes once, newest first', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 50 }), fc.boolean()), { maxLength: 60 }),
        fc.integer({ min: 1, max: 7 }),
        async (spec, count) => {
          const base = Date.UTC(2026, 10, 1);
          const all = spec.map(([source, ms, hole]) => ({ source, hole, a: activity(base + ms) }));
          const sources = [0, 1, 2].map((s) => {
            const mine = all.filter((x) => x.source === s).sort((x, y) => (x.a.id < y.a.id ? 1 : -1));
            return listSource(
              mine.map((x) => x.a),
              new Set(mine.filter((x) => x.hole).map((x) => x.a.id)),
            );
          });
          const merged = mergeSources(sources);
          const seen: string[] = [];
          let before: string | undefined;
          for (let guard = 0; guard < 200; guard++) {
            const page = await merged.next(before, count);
            seen.push(...page.activities.map((a) => a.id));
            if (page.exhausted) break;
            before = page.covered;
          }
          const expected = all
            .filter((x) => !x.hole)
            .map((x) => x.a.id)
            .sort()
            .reverse();
          expect(seen).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('FeedGrouper', () => {
  const view = (id: string, actor: string, type: ActivityView['type'], at: number): ActivityView => ({
    id,
    type,
    actor: { id: actor, handle: `u${actor}`, displayName: `U${actor}`, avatarUrl: null },
    visibility: 'public',
    createdAt: new Date(at).toISOString(),
    album: null,
    albumArtists: [],
    rating: null,
    review: null,
    targetUser: null,
  });

  it('when one actor does the same thing again and again, then groups hold at most the maximum and nothing is lost', () => {
    const grouper = new FeedGrouper();
    const t = Date.UTC(2026, 10, 20);
    for (let i = 0; i < GROUP_MAX * 2 + 3; i++) grouper.add(view(String(i), '1', 'rated', t - i * 1000));
    expect(grouper.items.map((g) => g.activities.length)).toEqual([GROUP_MAX, GROUP_MAX, 3]);
  });

  it('when actor or type changes in between, then the run is not grouped across it', () => {
    const grouper = new FeedGrouper();
    const t = Date.UTC(2026, 10, 20);
    grouper.add(view('a', '1', 'rated', t));
    grouper.add(view('b', '2', 'rated', t - 1));
    grouper.add(view('c', '1', 'rated', t - 2));
    grouper.add(view('d', '1', 'listened', t - 3));
    expect(grouper.items.map((g) => g.activities.map((a) => a.id))).toEqual([['a'], ['b'], ['c'], ['d']]);
  });
});
