import { PLAYLIST_LIMITS, type ProviderName } from '@muse/shared';
import type { StoredEntry } from '../../docstore/playlist-store.port';
import { AppError } from '../../lib/app-error';
import type { Logger } from '../../lib/logger';
import { type MusicProvider, type ProviderPlaylistSummary, type ProviderTrack, ProviderError } from '../../providers/music-provider.port';
import { streamPages } from '../../providers/page-stream';
import type { AlbumMatch, CatalogMatchQuery, TrackMatch, TrackMatchReadModel } from '../catalog/track-match.read-model';
import type { PlaylistsService } from '../playlists/playlists.service';
import { albumQueryOf, buildEntry, isMatchable, matchQueryOf, SERVICE_NAMES, type EntryKind } from './service-import-entries';
import { failureMessage, partialMessage } from './service-import-failures';
import type { ServiceImportOutcome, ServiceImportRow, ServiceImportsRepo } from './service-imports.repo';

export interface ServiceImportRunningDeps {
  repo: ServiceImportsRepo;
  /** A provider acting for the user (the connections service's `providerFor`). */
  providerFor(userId: string, provider: ProviderName): Promise<MusicProvider>;
  matcher: Pick<TrackMatchReadModel, 'matchTracks' | 'matchAlbumsByTitle'>;
  playlists: Pick<PlaylistsService, 'saveImported'>;
  /** Tells the importing user's browser how far the import has got. */
  announce(userId: string, importId: string): Promise<void>;
  /** How long one call may wait out a service's 429s before the run gives up (the providers' own bound). */
  rateLimitGiveUpMs: number;
  /** Entries a playlist may hold (the document store's limit). */
  maxEntries: number;
  now?: () => Date;
}

/** What a job run tells the work: whether this is its last attempt, and where to log. */
export interface ServiceImportRunOptions {
  finalAttempt: boolean;
  logger: Logger;
}

type Counts = Record<EntryKind, number> & { processed: number; total: number };

const SPOTIFY_ESCAPES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&#x2F;': '/' };

/** A playlist's description as plain text: Spotify sends it HTML-escaped (and may wrap links in tags). */
function plainDescription(text: string | null | undefined): string {
  if (!text) return '';
  const plain = text.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39|#x27|#x2F);/g, (m) => SPOTIFY_ESCAPES[m] ?? m);
  return plain
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .trim()
    .slice(0, PLAYLIST_LIMITS.description.max);
}

function titleOf(provider: ProviderName, source: ProviderPlaylistSummary | null): string {
  const name = (source?.name ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return (name || `Imported from ${SERVICE_NAMES[provider]}`).slice(0, PLAYLIST_LIMITS.title.max).trim();
}

/**
 * The import job's work: read the playlist a page at a time (only the page being read is held,
 * plus the small entries made so far), link each page's tracks to the catalog in one batch, tell
 * the browser after every page, and store the result as one Muse playlist: new, or the earlier
 * import of the same source updated in place. A service that keeps answering 429 ends the run as
 * `partial` with what was read; other service failures end it as `failed` with a plain message.
 */
export class ServiceImportRunning {
  private readonly now: () => Date;

  constructor(private readonly deps: ServiceImportRunningDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async run(importId: string, options: ServiceImportRunOptions): Promise<void> {
    const { repo } = this.deps;
    const row = await repo.find(importId);
    if (!row || !(await repo.start(importId))) return;
    await this.deps.announce(row.user_id, importId);
    const counts: Counts = { processed: 0, total: 0, linked: 0, local: 0, unavailable: 0, unlinked: 0 };
    const entries: StoredEntry[] = [];
    // Set by the page reader: the playlist as the latest page described it.
    const seen: { source: ProviderPlaylistSummary | null } = { source: null };
    try {
      const provider = await this.deps.providerFor(row.user_id, row.provider);
      const added = { by: row.user_id, at: this.now() };
      const pages = streamPages(async (cursor) => {
        const read = await provider.readPlaylist(row.source_playlist_id, cursor);
        seen.source = read.playlist;
        return read.tracks;
      });
      for await (const tracks of pages) {
        const room = this.deps.maxEntries - entries.length;
        await this.addPage(row.provider, tracks.slice(0, room), added, entries, counts);
        counts.processed += tracks.length;
        counts.total = Math.max(seen.source?.trackCount ?? 0, counts.processed);
        await repo.setProgress(importId, { processed: counts.processed, total: counts.total, sourceName: titleOf(row.provider, seen.source) });
        await this.deps.announce(row.user_id, importId);
        if (tracks.length > room) break;
      }
      const overLimit = counts.processed > entries.length;
      const playlistId = await this.save(row, seen.source, entries);
      await this.finish(row, {
        ...this.outcome(counts, playlistId),
        status: overLimit ? 'partial' : 'done',
        error: overLimit ? `The playlist has more than ${this.deps.maxEntries.toLocaleString('en')} tracks; the first ones were imported.` : null,
      });
    } catch (err) {
      if (err instanceof ProviderError || (err instanceof AppError && err.status < 500)) {
        await this.fail(row, err, seen.source, entries, counts);
        return;
      }
      if (options.finalAttempt) {
        options.logger.error({ err, importId }, 'service import failed for good');
        await this.finish(row, { ...this.outcome(counts, null), status: 'failed', error: 'Something went wrong while importing. Try again later.' });
      }
      throw err;
    }
  }

  /** Links one page's tracks to the catalog in one batch (their albums in a second, for tracks it lacks) and appends their entries. */
  private async addPage(provider: ProviderName, tracks: ProviderTrack[], added: { by: string; at: Date }, entries: StoredEntry[], counts: Counts) {
    const asked = tracks.filter((t) => isMatchable(provider, t));
    const matches = await this.deps.matcher.matchTracks(asked.map((t) => matchQueryOf(provider, t)));
    const byTrack = new Map<ProviderTrack, TrackMatch>(asked.map((t, i) => [t, matches[i]!]));
    const albums = await this.albumsOf(
      provider,
      asked.filter((t) => byTrack.get(t)!.trackId === null),
    );
    for (const track of tracks) {
      const { entry, kind } = buildEntry(provider, track, byTrack.get(track) ?? null, added, albums.get(track) ?? null);
      entries.push(entry);
      counts[kind] += 1;
    }
  }

  /** The catalog albums of tracks the catalog lacks, each album asked once. */
  private async albumsOf(provider: ProviderName, tracks: ProviderTrack[]): Promise<Map<ProviderTrack, AlbumMatch>> {
    const queries = new Map<string, CatalogMatchQuery>();
    const keyOf = new Map<ProviderTrack, string>();
    for (const track of tracks) {
      const query = albumQueryOf(provider, track);
      if (!query) continue;
      const key = JSON.stringify(query);
      queries.set(key, query);
      keyOf.set(track, key);
    }
    if (!queries.size) return new Map();
    const matches = await this.deps.matcher.matchAlbumsByTitle([...queries.values()]);
    const byKey = new Map([...queries.keys()].map((key, i) => [key, matches[i]!]));
    return new Map([...keyOf].map(([track, key]) => [track, byKey.get(key)!]));
  }

  private async save(row: ServiceImportRow, source: ProviderPlaylistSummary | null, entries: StoredEntry[]): Promise<string> {
    const existingId = await this.deps.repo.previousPlaylistId(row.user_id, row.provider, row.source_playlist_id);
    const meta = {
      title: titleOf(row.provider, source),
      description: plainDescription(source?.description),
      kind: 'playlist' as const,
      visibility: 'private' as const,
    };
    const { id } = await this.deps.playlists.saveImported(row.user_id, meta, entries, {
      sourceKey: `service-import:${row.provider}:${row.source_playlist_id}`,
      existingId,
    });
    return id;
  }

  /** A service failure: 429s after some tracks keep them (`partial`); anything else fails with what the user can do. */
  private async fail(row: ServiceImportRow, err: ProviderError | AppError, source: ProviderPlaylistSummary | null, entries: StoredEntry[], counts: Counts) {
    const giveUpMs = this.deps.rateLimitGiveUpMs;
    if (err instanceof ProviderError && err.kind === 'rate_limited' && entries.length > 0) {
      const playlistId = await this.save(row, source, entries);
      await this.finish(row, {
        ...this.outcome(counts, playlistId),
        status: 'partial',
        error: partialMessage(row.provider, entries.length, counts.total, giveUpMs),
      });
      return;
    }
    const error = failureMessage(row.provider, err, { playlistId: row.source_playlist_id, giveUpMs });
    await this.finish(row, { ...this.outcome(counts, null), status: 'failed', error });
  }

  private outcome(counts: Counts, playlistId: string | null): Omit<ServiceImportOutcome, 'status' | 'error'> {
    return {
      processed: counts.processed,
      total: counts.total,
      linked: counts.linked,
      localFiles: counts.local,
      unavailable: counts.unavailable,
      playlistId,
    };
  }

  private async finish(row: ServiceImportRow, outcome: ServiceImportOutcome): Promise<void> {
    if (await this.deps.repo.finish(row.id, outcome)) await this.deps.announce(row.user_id, row.id);
  }
}
