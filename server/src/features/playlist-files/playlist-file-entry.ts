import { EntryNoteSchema, EntrySnapshotSchema, IdSchema, ServiceIdsSchema, type EntrySnapshot, type ServiceIds } from '@muse/shared';
import type { ZodError } from 'zod';
import { cleanLine, cleanNote } from './playlist-file-text';

/**
 * One entry read from a file. `trackId`/`albumId` are the catalog ids a Muse export names: hints
 * the matcher checks against the snapshot, never trusted as they are (the file may come from
 * another Muse, or have been edited).
 */
export interface ParsedEntry {
  snapshot: EntrySnapshot;
  serviceIds: ServiceIds;
  note: string | null;
  trackId: string | null;
  albumId: string | null;
}

/**
 * One row of a file: an entry, or why there is none. `line` is the row's line in text formats
 * and its 1-based position in `playlist.track` for JSPF.
 */
export interface ParsedRow {
  line: number;
  entry?: ParsedEntry;
  error?: string;
}

/** What a format reader found for one row, before cleaning and validation. */
export interface RawEntry {
  title?: string | null;
  artists?: (string | null | undefined)[];
  album?: string | null;
  durationMs?: number | null;
  isrc?: string | null;
  upc?: string | null;
  explicit?: boolean | null;
  releaseYear?: number | null;
  coverUrl?: string | null;
  spotify?: string | null;
  apple?: string | null;
  note?: string | null;
  trackId?: string | null;
  albumId?: string | null;
}

/** A value in a row that cannot be read; the row becomes invalid with this message. */
export class RowError extends Error {}

const LABELS: Record<string, string> = {
  title: 'Title',
  artists: 'Artist',
  album: 'Album',
  durationMs: 'Duration',
  isrc: 'ISRC',
  upc: 'UPC',
  explicit: 'Explicit',
  releaseYear: 'Year',
  coverUrl: 'Image',
  spotify: 'Spotify id',
  apple: 'Apple Music id',
};

/** The first issue of a failed validation, naming the field when the message does not. */
function describe(error: ZodError): string {
  const issue = error.issues[0]!;
  const label = LABELS[String(issue.path[0])] ?? String(issue.path[0] ?? 'Value');
  return issue.message.toLowerCase().includes(label.toLowerCase()) ? issue.message : `${label}: ${issue.message}`;
}

const text = (value: string | null | undefined): string | undefined => {
  if (value === null || value === undefined) return undefined;
  const cleaned = cleanLine(value);
  return cleaned === '' ? undefined : cleaned;
};

/**
 * Builds a row from what a reader found: text cleaned (controls removed, unicode kept), empty
 * values read as absent, then every field checked with the same schemas the API uses, so what
 * an import stores is what `POST /entries` would accept. Unknown values are left out, never null.
 */
export function toRow(line: number, raw: RawEntry): ParsedRow {
  const title = text(raw.title);
  if (!title) return { line, error: 'The row has no title.' };
  const candidate: Record<string, unknown> = {
    title,
    artists: (raw.artists ?? []).map(text).filter((a): a is string => a !== undefined),
    album: text(raw.album),
    durationMs: raw.durationMs ?? undefined,
    isrc: text(raw.isrc),
    upc: text(raw.upc),
    explicit: raw.explicit ?? undefined,
    releaseYear: raw.releaseYear ?? undefined,
    coverUrl: text(raw.coverUrl),
  };
  for (const key of Object.keys(candidate)) if (candidate[key] === undefined) delete candidate[key];
  const snapshot = EntrySnapshotSchema.safeParse(candidate);
  if (!snapshot.success) return { line, error: describe(snapshot.error) };

  const ids: Record<string, string> = {};
  const spotify = text(raw.spotify);
  const apple = text(raw.apple);
  if (spotify) ids.spotify = spotify;
  if (apple) ids.apple = apple;
  const serviceIds = ServiceIdsSchema.safeParse(ids);
  if (!serviceIds.success) return { line, error: describe(serviceIds.error) };

  let note: string | null = null;
  if (raw.note !== null && raw.note !== undefined) {
    const parsed = EntryNoteSchema.safeParse(cleanNote(raw.note));
    if (!parsed.success) return { line, error: parsed.error.issues[0]!.message };
    note = parsed.data === '' ? null : parsed.data;
  }
  return {
    line,
    entry: { snapshot: snapshot.data, serviceIds: serviceIds.data, note, trackId: catalogId(raw.trackId), albumId: catalogId(raw.albumId) },
  };
}

const catalogId = (value: string | null | undefined): string | null => (value && IdSchema.safeParse(value).success ? value : null);

/** Runs a reader over one row, turning a `RowError` into an invalid row. */
export function readRow(line: number, read: () => RawEntry): ParsedRow {
  try {
    return toRow(line, read());
  } catch (err) {
    if (err instanceof RowError) return { line, error: err.message };
    throw err;
  }
}
