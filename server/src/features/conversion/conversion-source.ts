import type { ConversionReportRow } from '@muse/shared';
import type { PlaylistDocument, StoredEntry } from '../../docstore/playlist-store.port';
import { normaliseIsrc } from '../../lib/isrc';
import { foldText } from '../../lib/music-text';
import type { MusicProvider, ProviderName, ProviderTrack } from '../../providers/music-provider.port';

/** What is known of a source track (the matcher's `SourceTrack`). */
export type SourceTrack = ConversionReportRow['source'];

/** One source track as the job handles it: what it is, its identity for remembered rules, and why it is skipped (if it is). */
export interface SourceItem {
  track: SourceTrack;
  /** Service id when the source has one, else ISRC, else normalised artist + title. */
  key: string;
  skip: string | null;
  /** The track's ids on the services, when the source knows them (for matching into Muse's catalog). */
  serviceIds: { spotify?: string; apple?: string };
}

/** One page of a source playlist. `next` is null after the last page. */
export interface SourcePage {
  title: string | null;
  items: SourceItem[];
  next: string | null;
  total: number | null;
}

/** A playlist read page by page; a page is dropped before the next is read. */
export interface SourceReader {
  /** Provider calls the fewest reads of one page take (0 for a Muse playlist). */
  readonly callsPerPage: number;
  readPage(cursor: string | null): Promise<SourcePage>;
}

/** A source track's identity for the user's rules: the service id when there is one, else the ISRC, else artist + title. */
export function sourceTrackKey(track: SourceTrack, serviceId: { provider: ProviderName | 'muse'; id: string } | null): string {
  if (serviceId) return `${serviceId.provider}:${serviceId.id}`;
  const isrc = normaliseIsrc(track.isrc);
  if (isrc) return `isrc:${isrc}`;
  return `text:${foldText(track.artists.join(' & '))}|${foldText(track.title)}`.slice(0, 600);
}

function fromProviderTrack(t: ProviderTrack): SourceTrack {
  return {
    title: t.title,
    artists: t.artists,
    album: t.album?.title ?? null,
    durationMs: t.durationMs,
    isrc: normaliseIsrc(t.isrc),
    explicit: t.explicit,
  };
}

function providerItem(provider: ProviderName, t: ProviderTrack): SourceItem {
  const track = fromProviderTrack(t);
  const skip = t.isLocal
    ? 'A local file: it exists only on the device it was added from, not in any catalog.'
    : !t.available
      ? 'Unavailable in your country or storefront on the source service.'
      : null;
  return { track, key: sourceTrackKey(track, t.isLocal ? null : { provider, id: t.id }), skip, serviceIds: t.isLocal ? {} : { [provider]: t.id } };
}

/** A playlist on a connected service, read through its provider one page at a time. */
export function serviceSource(provider: MusicProvider, playlistId: string): SourceReader {
  return {
    callsPerPage: 1,
    async readPage(cursor) {
      const { playlist, tracks } = await provider.readPlaylist(playlistId, cursor);
      return {
        title: playlist.name,
        items: tracks.items.map((t) => providerItem(provider.name, t)),
        next: tracks.next,
        total: tracks.total ?? playlist.trackCount,
      };
    },
  };
}

const MUSE_PAGE = 100;

function museItem(e: StoredEntry): SourceItem {
  const s = e.snapshot;
  const track: SourceTrack = {
    title: s.title,
    artists: s.artists ?? [],
    album: s.album ?? null,
    durationMs: s.durationMs ?? null,
    isrc: normaliseIsrc(s.isrc),
    explicit: s.explicit ?? null,
  };
  const serviceId = e.trackId
    ? { provider: 'muse' as const, id: e.trackId }
    : e.serviceIds.spotify
      ? { provider: 'spotify' as const, id: e.serviceIds.spotify }
      : e.serviceIds.apple
        ? { provider: 'apple' as const, id: e.serviceIds.apple }
        : null;
  return { track, key: sourceTrackKey(track, serviceId), skip: null, serviceIds: { ...e.serviceIds } };
}

/**
 * A Muse playlist, read once per run (a document holds at most 10,000 entries) and handed out in
 * pages of 100 by offset, so a resumed job continues where its checkpoint says.
 */
export function museSource(load: () => Promise<PlaylistDocument>): SourceReader {
  let doc: Promise<PlaylistDocument> | null = null;
  return {
    callsPerPage: 0,
    async readPage(cursor) {
      doc ??= load();
      const d = await doc;
      const offset = cursor ? Number(cursor) || 0 : 0;
      const entries = d.entries.slice(offset, offset + MUSE_PAGE);
      const next = offset + MUSE_PAGE < d.entries.length ? String(offset + MUSE_PAGE) : null;
      return { title: d.title, items: entries.map(museItem), next, total: d.entries.length };
    },
  };
}
