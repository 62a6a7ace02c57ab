import { z } from 'zod';
import {
  EntrySnapshotViewSchema,
  PlaylistDescriptionSchema,
  PlaylistKindSchema,
  PlaylistTitleSchema,
  PlaylistVisibilitySchema,
  ServiceIdsViewSchema,
} from './playlists.schemas';
import { userText } from './text.schemas';

/** Files Muse reads and writes: JSPF (ListenBrainz), XSPF (VLC and others), M3U/M3U8, CSV with a header. */
export const PlaylistFileFormatSchema = z.enum(['jspf', 'xspf', 'm3u', 'csv']);
export type PlaylistFileFormat = z.infer<typeof PlaylistFileFormatSchema>;

/** A preview's id: 128 random bits, base64url (22 characters). */
export const PlaylistImportPreviewIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'previewId is malformed');

/**
 * `POST /api/playlist-imports/preview?filename=&kind=`: the file is the raw body. The file name's
 * extension only helps when the content does not say which format it is. `kind` decides what
 * entries are matched against (tracks for a playlist, albums for a list); without it, a Muse
 * export's own kind, else `playlist`.
 */
export const PlaylistImportPreviewQuerySchema = z.object({
  filename: userText('filename').max(255, 'filename must be at most 255 characters').optional(),
  kind: PlaylistKindSchema.optional(),
});
export type PlaylistImportPreviewQuery = z.infer<typeof PlaylistImportPreviewQuerySchema>;

/**
 * `POST /api/playlist-imports/confirm`: stores the previewed entries as a new playlist. Without a
 * title, the file's own title (or its name) is used. `kind` must be the preview's (a playlist's
 * entries were matched as tracks, a list's as albums).
 */
export const PlaylistImportConfirmSchema = z
  .object({
    previewId: PlaylistImportPreviewIdSchema,
    title: PlaylistTitleSchema.optional(),
    kind: PlaylistKindSchema,
    visibility: PlaylistVisibilitySchema,
    description: PlaylistDescriptionSchema.optional(),
  })
  .strict();
export type PlaylistImportConfirmInput = z.infer<typeof PlaylistImportConfirmSchema>;

/** What a file row becomes: an entry snapshot with its service ids and note. */
export const PlaylistImportEntrySchema = z.object({
  snapshot: EntrySnapshotViewSchema,
  serviceIds: ServiceIdsViewSchema,
  note: z.string().nullable(),
});
export type PlaylistImportEntry = z.infer<typeof PlaylistImportEntrySchema>;

/** The catalog item a row matched: a track for playlists (`trackId`), an album for lists (`albumId`); never both. */
export const PlaylistImportMatchSchema = z
  .object({ trackId: z.string().optional(), albumId: z.string().optional(), title: z.string(), artistCredit: z.string() })
  .refine((m) => (m.trackId === undefined) !== (m.albumId === undefined), 'A match names a track or an album');
export type PlaylistImportMatch = z.infer<typeof PlaylistImportMatchSchema>;

/**
 * One row of the file: `matched` (stored pointing at the catalog item), `unmatched` (stored as a
 * snapshot-only entry; `reason` says why nothing matched) or `invalid` (not stored; `reason` says
 * why). `line` is the row's line in text formats (CSV, M3U, XSPF) and its 1-based position in
 * `playlist.track` for JSPF.
 */
export const PlaylistImportRowViewSchema = z.object({
  line: z.number().int(),
  status: z.enum(['matched', 'unmatched', 'invalid']),
  reason: z.string().optional(),
  entry: PlaylistImportEntrySchema.optional(),
  match: PlaylistImportMatchSchema.optional(),
});
export type PlaylistImportRowView = z.infer<typeof PlaylistImportRowViewSchema>;

/** The answer of a preview: nothing is stored until it is confirmed (within an hour). */
export const PlaylistImportPreviewSchema = z.object({
  previewId: z.string(),
  format: PlaylistFileFormatSchema,
  kind: PlaylistKindSchema,
  /** The file's own title, if it has one. */
  title: z.string().nullable(),
  counts: z.object({ matched: z.number().int().min(0), unmatched: z.number().int().min(0), invalid: z.number().int().min(0) }),
  rows: z.array(PlaylistImportRowViewSchema),
});
export type PlaylistImportPreview = z.infer<typeof PlaylistImportPreviewSchema>;
