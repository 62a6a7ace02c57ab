import type { TrackSearchHit } from '@muse/shared';
import type { ProviderTrack } from '../../providers/music-provider.port';
import type { TrackMatch, TrackMatchReadModel } from '../catalog/track-match.read-model';
import type { PlaylistsService } from '../playlists/playlists.service';
import type { SearchService } from '../search/search.service';
import { fromRule, skipped, type TrackDecision } from './conversion-decision';
import { SERVICE_NAMES, type ConversionTargetWriter } from './conversion-target';

export interface MuseTargetDeps {
  playlists: Pick<PlaylistsService, 'createWithEntries' | 'addEntries' | 'getForViewer'>;
  matcher: Pick<TrackMatchReadModel, 'matchTracks'>;
  search: Pick<SearchService, 'search'>;
}

const APPEND_BATCH = 100;
/** Confidence shown for a catalog match: identifiers are exact, text matching is strict but not proof. */
const CONFIDENCE = { byId: 1, byText: 0.9 } as const;

function hitAsTrack(h: TrackSearchHit): ProviderTrack {
  return {
    id: h.id,
    title: h.title,
    artists: [h.artistCredit],
    album: { id: h.album.id, title: h.album.title, releaseYear: h.album.releaseYear, artworkUrl: h.album.coverUrl },
    durationMs: h.durationMs,
    isrc: null,
    explicit: null,
    available: true,
    isLocal: false,
  };
}

function fromCatalog(m: TrackMatch): TrackDecision {
  if (m.trackId === null)
    return { outcome: 'not_found', reason: m.reason, method: null, confidence: null, chosen: null, alternatives: [], notOnService: false };
  const confidence = m.method === 'text' ? CONFIDENCE.byText : CONFIDENCE.byId;
  return {
    outcome: 'matched',
    reason: null,
    method: m.method === 'text' ? 'search' : 'isrc',
    confidence,
    chosen: {
      id: m.trackId,
      title: m.title,
      artists: [m.artistCredit],
      album: m.snapshot.album ?? null,
      durationMs: m.snapshot.durationMs ?? null,
      isrc: m.snapshot.isrc ?? null,
      explicit: null,
      confidence,
      url: `/albums/${m.albumId}`,
    },
    alternatives: [],
    notOnService: false,
  };
}

/**
 * A Muse playlist of the user's as the target: tracks are matched to Muse's catalog (service
 * ids, ISRC, then strict text, a page in two queries), and written as catalog entries. Creation
 * carries the conversion's id as its idempotency key, so a retried job never makes two playlists.
 */
export function museTarget(deps: MuseTargetDeps, userId: string, conversionId: string): ConversionTargetWriter {
  return {
    serviceName: SERVICE_NAMES.muse,
    // Writing to Muse makes no provider call, so it adds nothing to the minimum.
    appendBatch: Number.POSITIVE_INFINITY,
    async create(name) {
      const { view } = await deps.playlists.createWithEntries(
        userId,
        { kind: 'playlist', title: name, visibility: 'private', description: 'Converted by Muse' },
        [],
        `conversion:${conversionId}`,
      );
      return { id: view.id, url: `/playlists/${view.id}` };
    },
    async append(playlistId, ids) {
      for (let i = 0; i < ids.length; i += APPEND_BATCH)
        await deps.playlists.addEntries(userId, playlistId, { entries: ids.slice(i, i + APPEND_BATCH).map((trackId) => ({ trackId })) });
    },
    async *readIds(playlistId) {
      const doc = await deps.playlists.getForViewer(playlistId, userId);
      yield doc.entries.flatMap((e) => (e.trackId ? [e.trackId] : []));
    },
    async decide(items, rules) {
      const open = items.flatMap((item, i) => (!item.skip && !rules.has(item.key) ? [i] : []));
      const matches = await deps.matcher.matchTracks(
        open.map((i) => {
          const t = items[i]!.track;
          return { snapshot: { title: t.title, artists: t.artists, album: t.album, durationMs: t.durationMs, isrc: t.isrc }, serviceIds: items[i]!.serviceIds };
        }),
      );
      const byIndex = new Map(open.map((i, k) => [i, matches[k]!]));
      const decisions = items.map((item, i) => {
        if (item.skip) return skipped(item.skip);
        const rule = rules.get(item.key);
        if (rule) return fromRule(rule, SERVICE_NAMES.muse);
        return fromCatalog(byIndex.get(i)!);
      });
      return { decisions, isrcCalls: 0 };
    },
    async search(query) {
      const q = query.length >= 2 ? query : `${query} `;
      const results = await deps.search.search({ q, type: 'track', limit: 10 });
      return results.tracks.map(hitAsTrack);
    },
  };
}
