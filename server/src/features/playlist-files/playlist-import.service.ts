import {
  PLAYLIST_LIMITS,
  type PlaylistImportConfirmInput,
  type PlaylistImportPreview,
  type PlaylistImportPreviewQuery,
  type PlaylistImportRowView,
  type PlaylistKind,
  type PlaylistView,
} from '@muse/shared';
import type { StoredEntry } from '../../docstore/playlist-store.port';
import { AppError } from '../../lib/app-error';
import { randomToken } from '../../lib/ids';
import type { AlbumMatch, CatalogFacts, TrackMatch, TrackMatchReadModel } from '../catalog/track-match.read-model';
import type { PlaylistMeta } from '../playlists/playlists.service';
import { parsePlaylistFile, type ParsedEntry } from './parse-playlist-file';
import type { PlaylistImportPreviews, PreviewEntry } from './playlist-import-previews.store';

/** The playlists service's one call an import makes: create with entries, idempotently. */
export interface PlaylistCreator {
  createWithEntries(ownerId: string, meta: PlaylistMeta, entries: StoredEntry[], idempotencyKey?: string): Promise<{ view: PlaylistView; created: boolean }>;
}

export interface PlaylistImportDeps {
  matcher: Pick<TrackMatchReadModel, 'matchTracks' | 'matchAlbums'>;
  previews: PlaylistImportPreviews;
  playlists: PlaylistCreator;
  /** Entries a playlist may hold (the document store's limit). */
  maxEntries: number;
  now?: () => Date;
}

const newEntryId = () => randomToken(9);

/** "Summer 2024.m3u8" → "Summer 2024": a title when the file has none. */
function titleFromFilename(filename: string | undefined): string | null {
  const name = filename
    ?.split(/[/\\]/)
    .pop()
    ?.replace(/\.[a-z0-9]{1,5}$/i, '')
    .trim();
  return name ? name : null;
}

const clipTo = (text: string | null, max: number) => (text && text.length > max ? text.slice(0, max).trim() : text);

/** The entry as it will be stored: the file's values first, the catalog's where the file says nothing. */
function withFacts(entry: ParsedEntry, facts: CatalogFacts | null): Pick<PreviewEntry, 'snapshot' | 'serviceIds'> {
  if (!facts) return { snapshot: entry.snapshot, serviceIds: entry.serviceIds };
  const given = Object.fromEntries(Object.entries(entry.snapshot).filter(([, v]) => v !== undefined && v !== null));
  return {
    snapshot: { ...facts.snapshot, ...given } as PreviewEntry['snapshot'],
    serviceIds: { ...facts.serviceIds, ...entry.serviceIds },
  };
}

/** A match of either kind, as the preview uses it. */
type Outcome =
  ({ found: true; trackId: string | null; albumId: string; title: string; artistCredit: string } & CatalogFacts) | { found: false; reason: string };

function outcomeOf(m: TrackMatch | AlbumMatch): Outcome {
  if ('reason' in m) return { found: false, reason: m.reason };
  return 'trackId' in m ? { found: true, ...m } : { found: true, trackId: null, ...m };
}

/**
 * Playlist files in: a preview reads the file, matches its entries to the catalog and keeps the
 * result for an hour; nothing is stored as a playlist until the preview is confirmed, and a
 * preview confirmed twice makes one playlist (its id is the creation's idempotency key).
 */
export class PlaylistImportService {
  private readonly now: () => Date;

  constructor(private readonly deps: PlaylistImportDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /**
   * Reads an uploaded file and matches its entries: tracks for a playlist, albums for a list
   * (`kind`, else the kind a Muse export names, else a playlist). Every row comes back matched,
   * unmatched (kept as a snapshot-only entry) or invalid, with the reason.
   */
  async preview(userId: string, file: Uint8Array, query: PlaylistImportPreviewQuery): Promise<PlaylistImportPreview> {
    const parsed = parsePlaylistFile(file, { filename: query.filename, maxEntries: this.deps.maxEntries });
    const kind: PlaylistKind = query.kind ?? parsed.kind ?? 'playlist';
    const valid = parsed.rows.flatMap((row) => (row.entry ? [row.entry] : []));
    const matches: (TrackMatch | AlbumMatch)[] = kind === 'list' ? await this.deps.matcher.matchAlbums(valid) : await this.deps.matcher.matchTracks(valid);

    const outcomes = matches.map(outcomeOf);
    const entries: PreviewEntry[] = [];
    const counts = { matched: 0, unmatched: 0, invalid: 0 };
    const rows = parsed.rows.map((row): PlaylistImportRowView => {
      if (!row.entry) {
        counts.invalid += 1;
        return { line: row.line, status: 'invalid', reason: row.error };
      }
      const outcome = outcomes[entries.length]!;
      const entry: PreviewEntry = {
        ...withFacts(row.entry, outcome.found ? outcome : null),
        note: row.entry.note,
        trackId: outcome.found ? outcome.trackId : null,
        albumId: outcome.found ? outcome.albumId : null,
      };
      entries.push(entry);
      const shown = { snapshot: entry.snapshot, serviceIds: entry.serviceIds, note: entry.note };
      if (!outcome.found) {
        counts.unmatched += 1;
        return { line: row.line, status: 'unmatched', reason: outcome.reason, entry: shown };
      }
      counts.matched += 1;
      const { title, artistCredit } = outcome;
      const match = outcome.trackId ? { trackId: outcome.trackId, title, artistCredit } : { albumId: outcome.albumId, title, artistCredit };
      return { line: row.line, status: 'matched', entry: shown, match };
    });

    const previewId = randomToken(16);
    const title = clipTo(parsed.title ?? titleFromFilename(query.filename), PLAYLIST_LIMITS.title.max);
    await this.deps.previews.save(userId, previewId, {
      format: parsed.format,
      kind,
      title,
      description: clipTo(parsed.description, PLAYLIST_LIMITS.description.max),
      ranked: kind === 'list' && parsed.ranked === true,
      entries,
    });
    return { previewId, format: parsed.format, kind, title: parsed.title, counts, rows };
  }

  /**
   * Stores a previewed file as a new playlist owned by the user: the matched and unmatched
   * entries in file order, the invalid rows left out. Confirming the same preview again answers
   * the playlist the first confirmation made (`created: false`).
   */
  async confirm(userId: string, input: PlaylistImportConfirmInput): Promise<{ view: PlaylistView; created: boolean }> {
    const preview = await this.deps.previews.get(userId, input.previewId);
    if (!preview) throw new AppError(404, 'not_found', 'This preview has expired or does not exist. Upload the file again.');
    if (input.kind !== preview.kind) {
      throw AppError.badRequest(
        'preview_kind_mismatch',
        preview.kind === 'list'
          ? 'This file was previewed as a list of albums. Preview it again as a playlist to import its tracks.'
          : 'This file was previewed as a playlist of tracks. Preview it again as a list to import albums.',
      );
    }
    if (!preview.entries.length) throw AppError.badRequest('nothing_to_import', 'The file has no entries to import: every row is invalid.');
    const addedAt = this.now();
    const entries: StoredEntry[] = preview.entries.map((e) => ({ ...e, id: newEntryId(), addedBy: userId, addedAt }));
    const meta: PlaylistMeta = {
      title: input.title ?? preview.title ?? 'Imported playlist',
      kind: preview.kind,
      visibility: input.visibility,
      description: input.description ?? preview.description ?? undefined,
      ranked: preview.ranked,
    };
    return this.deps.playlists.createWithEntries(userId, meta, entries, input.previewId);
  }
}
