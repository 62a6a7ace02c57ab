import type { ActivityView } from '@muse/shared';
import type { Activity } from '../../docstore/document-store.port';
import { batchSize, collectActivityPage } from './activity-pager';
import type { CandidateSource } from './feed-sources';

/** A newest-first stream of `total` activities by one actor on one playlist (they group into one item), counting what each read asked for. */
function denseStream(total: number) {
  const ids = Array.from({ length: total }, (_, i) => `00000000-0000-7000-8000-${String(total - i).padStart(12, '0')}`);
  const asked: number[] = [];
  const source: CandidateSource = {
    async next(before, count) {
      asked.push(count);
      const from = before === undefined ? 0 : ids.indexOf(before) + 1;
      const slice = ids.slice(from, from + count);
      const activities = slice.map(
        (id) =>
          ({
            id,
            actorId: '7',
            type: 'added_to_playlist',
            visibility: 'public',
            subject: { kind: 'playlist', id: 'p' },
            data: {},
            createdAt: new Date(0),
          }) as Activity,
      );
      return { activities, covered: slice[slice.length - 1] ?? before, exhausted: from + count >= ids.length };
    },
  };
  return { source, asked };
}

const present = async (activities: Activity[]) =>
  activities.map(
    (a) =>
      ({
        id: a.id,
        type: a.type,
        actor: { id: a.actorId, handle: 'curator', displayName: 'Curator', avatarUrl: null },
        visibility: 'public',
        createdAt: '2026-12-01T10:00:00.000Z',
        album: null,
        albumArtists: [],
        track: null,
        rating: null,
        review: null,
        targetUser: null,
        playlist: { id: 'p', title: 'Mix', kind: 'playlist', entryCount: 1, covers: [], owner: { id: '7', handle: 'curator', displayName: 'Curator' } },
        count: 1,
      }) as unknown as ActivityView,
  );

describe('collectActivityPage', () => {
  it('when a round does not fill the page, then the next round reads twice as many candidates, up to 200', async () => {
    // Groups hold 20 activities, so a page of 20 items needs 401 of them: four growing rounds, where
    // rounds of a fixed size would stop at the round limit with a short page.
    const { source, asked } = denseStream(1_000);
    const page = await collectActivityPage({ source, present, before: undefined, limit: 20 });
    const first = batchSize(20);
    expect(asked).toEqual([first, first * 2, first * 4, 200]);
    expect(page.items).toHaveLength(20);
    expect(page.items.every((item) => item.activities.length === 20)).toBe(true);
    expect(page.nextCursor).not.toBeNull();
  });

  it('when the stream is dense, then every activity shows exactly once and the page says there is no more', async () => {
    const { source } = denseStream(120);
    const page = await collectActivityPage({ source, present, before: undefined, limit: 20 });
    expect(page.items).toHaveLength(6);
    expect(new Set(page.items.flatMap((item) => item.activities.map((a) => a.id))).size).toBe(120);
    expect(page.nextCursor).toBeNull();
  });
});
