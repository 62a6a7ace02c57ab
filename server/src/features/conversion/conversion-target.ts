import type { ConversionCandidate } from '@muse/shared';
import type { MusicProvider, ProviderName, ProviderTrack } from '../../providers/music-provider.port';
import { APPLE_ISRC_BATCH } from '../../providers/apple/apple-provider';
import { SPOTIFY_APPEND_BATCH } from '../../providers/spotify/spotify-provider';
import { streamPages } from '../../providers/page-stream';
import { candidateOf, fromKnown, fromMatch, fromRule, skipped, type TrackDecision } from './conversion-decision';
import type { CounterpartMemory } from './counterpart-memory';
import type { Counterpart } from './track-counterparts.repo';
import type { SourceItem } from './conversion-source';
import type { RuleRow } from './conversions.repo';
import { decideMatch, normaliseIsrc, searchQueries } from '../../lib/track-matching';

/** The decisions of one page, and the fewest calls the ISRC lookups of it could take. */
export interface PageDecisions {
  decisions: TrackDecision[];
  isrcCalls: number;
}

/** Where a conversion writes: create a playlist, append, read what is in it, find tracks. */
export interface ConversionTargetWriter {
  readonly serviceName: string;
  /** Tracks per append call (for the fewest provider calls the writes take; infinite when writes are no provider call). */
  readonly appendBatch: number;
  create(name: string): Promise<{ id: string; url: string | null }>;
  append(playlistId: string, trackIds: string[]): Promise<void>;
  /** Every track id in the playlist, a page at a time. */
  readIds(playlistId: string): AsyncGenerator<string[], void, undefined>;
  /** Decides a page of source tracks (rules first, then the service). `onTrack` names the track being matched. */
  decide(items: SourceItem[], rules: Map<string, RuleRow>, onTrack?: (item: SourceItem) => void): Promise<PageDecisions>;
  /** The target's search, for fixing a row by hand. */
  search(query: string): Promise<ProviderTrack[]>;
}

export const SERVICE_NAMES: Record<ProviderName | 'muse', string> = { spotify: 'Spotify', apple: 'Apple Music', muse: 'Muse' };

/** ISRCs asked per lookup call, as each adapter batches them (Spotify searches one ISRC a call). */
const ISRC_BATCH: Record<ProviderName, number> = { spotify: 1, apple: APPLE_ISRC_BATCH };
/** Searches in flight at once for one page (the connection's token bucket paces them anyway). */
const SEARCH_CONCURRENCY = 4;

/** Runs `work` over items with at most `n` at once, keeping order of results. */
async function mapLimited<T, R>(items: T[], n: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i]!);
      }
    }),
  );
  return out;
}

/**
 * A Spotify or Apple Music playlist of the user's as the target. Each page: remembered rules,
 * then what earlier conversions found for the same service tracks (`memory`), then one batched
 * ISRC lookup for the rest of the page, then text search only for tracks the ISRC lookup found
 * nothing acceptable for, query by query, stopping at the first query that returns anything.
 * The service's verdicts go back into the memory.
 */
export function serviceTarget(provider: MusicProvider, memory?: CounterpartMemory): ConversionTargetWriter {
  const serviceName = SERVICE_NAMES[provider.name];
  return {
    serviceName,
    appendBatch: SPOTIFY_APPEND_BATCH,
    create: async (name) => {
      const p = await provider.createPlaylist(name, 'Converted by Muse');
      return { id: p.id, url: p.url };
    },
    append: (playlistId, ids) => provider.appendTracks(playlistId, ids),
    async *readIds(playlistId) {
      for await (const tracks of streamPages((cursor) => provider.readPlaylist(playlistId, cursor).then((r) => r.tracks))) yield tracks.map((t) => t.id);
    },
    async decide(items, rules, onTrack) {
      // Sources may carry ISRCs lower-cased, padded or hyphenated; the services answer by the canonical form.
      const open = items.filter((item) => !item.skip && !rules.has(item.key));
      const known = memory ? await memory.known(open) : new Map<SourceItem, Counterpart>();
      const isrcOf = new Map(items.map((item) => [item, normaliseIsrc(item.track.isrc)]));
      const isrcs = [...new Set(open.flatMap((item) => (!known.has(item) ? (isrcOf.get(item) ?? []) : [])))];
      const byIsrc = isrcs.length ? await provider.tracksByIsrc(isrcs) : new Map<string, ProviderTrack[]>();
      const decisions = await mapLimited(items, SEARCH_CONCURRENCY, async (item) => {
        if (item.skip) return skipped(item.skip);
        const rule = rules.get(item.key);
        if (rule) return fromRule(rule, serviceName);
        const earlier = known.get(item);
        if (earlier) return fromKnown(earlier, serviceName);
        const candidates: Array<{ track: ProviderTrack; via: 'isrc' | 'search' }> = (byIsrc.get(isrcOf.get(item) ?? '') ?? []).map((track) => ({
          track,
          via: 'isrc' as const,
        }));
        let decision = decideMatch(item.track, candidates);
        // The service knows the recording by its ISRC: a search would only add other versions of it.
        if (decision.outcome === 'matched' || (candidates.length > 0 && decision.outcome === 'needs_review')) return fromMatch(decision);
        onTrack?.(item);
        const seen = new Set(candidates.map((c) => c.track.id));
        for (const query of searchQueries(item.track)) {
          const hits = await provider.searchTracks(query);
          for (const track of hits) {
            if (seen.has(track.id)) continue;
            seen.add(track.id);
            candidates.push({ track, via: 'search' });
          }
          decision = decideMatch(item.track, candidates);
          // Broader queries only when this one found nothing at all: each is another call.
          if (decision.outcome === 'matched' || hits.length > 0) break;
        }
        return fromMatch(decision);
      });
      // Only the service's own verdicts are kept (rules, earlier verdicts and skips carry other methods).
      await memory?.remember(items.map((item, k) => ({ item, decision: decisions[k]! })));
      return { decisions, isrcCalls: Math.ceil(isrcs.length / ISRC_BATCH[provider.name]) };
    },
    search: (query) => provider.searchTracks(query),
  };
}

export type { ConversionCandidate };
export { candidateOf };
