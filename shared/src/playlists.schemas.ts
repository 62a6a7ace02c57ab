import { z } from 'zod';
import { AlbumSummarySchema, IdSchema, UserSummarySchema } from './catalog.schemas';
import { pageOf, pageQuery } from './pagination.schemas';
import { userText } from './text.schemas';
import { PLAYLIST_LIMITS } from './limits';

/** `playlist`: ordered tracks. `list`: ordered albums, Letterboxd-style, ranked or not. */
export const PlaylistKindSchema = z.enum(['playlist', 'list'], { error: 'kind must be "playlist" or "list"' });
export type PlaylistKind = z.infer<typeof PlaylistKindSchema>;

/**
 * Who may open a playlist: `public` (listed and searchable), `followers` (the owner's accepted
 * followers), `people` (the followers the owner picked), `private` (owner and collaborators),
 * `link` (unlisted: anyone holding the link token).
 */
export const PlaylistVisibilitySchema = z.enum(['public', 'followers', 'people', 'private', 'link'], {
  error: 'visibility must be one of public, followers, people, private, link',
});
export type PlaylistVisibility = z.infer<typeof PlaylistVisibilitySchema>;

/** Ids of the same item on the music services, when known. */
export const ServiceIdsSchema = z
  .object({
    spotify: z.string().trim().min(1).max(100).optional(),
    apple: z.string().trim().min(1).max(100).optional(),
  })
  .strict();
export type ServiceIds = z.infer<typeof ServiceIdsSchema>;

/** C0 control characters and DEL; line text (titles, names) may hold none of them. */
const CONTROL = /[\u0000-\u001f\u007f]/;
/** Multi-line text (descriptions, notes) may hold line breaks and tabs, but no other control character. */
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const noControl = (label: string) => [(s: string) => !CONTROL.test(s), `${label} may not contain control characters`] as const;
const onlyLineControls = (label: string) => [(s: string) => !CONTROL_BUT_LINES.test(s), `${label} may not contain control characters`] as const;

const snapshotText = (label: string) =>
  userText(label)
    .refine(...noControl(label))
    .trim()
    .min(1, `${label} is required`)
    .max(PLAYLIST_LIMITS.snapshotText, `${label} must be at most ${PLAYLIST_LIMITS.snapshotText} characters`);

export const IsrcSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/-/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$/, 'isrc must be 12 characters like USRC17607839'));
export const UpcSchema = z
  .string()
  .trim()
  .regex(/^[0-9]{8,14}$/, 'upc must be 8 to 14 digits');

/**
 * What a person needs to recognise an entry without a join: for a track its title, artists,
 * album, duration, ISRC, explicit; for an album its title, artists, year, UPC. Entries that
 * came from a file or a service and match nothing in the catalog carry only this.
 */
export const EntrySnapshotSchema = z
  .object({
    title: snapshotText('Title'),
    artists: z.array(snapshotText('Artist')).max(20, 'at most 20 artists').default([]),
    album: snapshotText('Album').nullable().optional(),
    durationMs: z
      .number({ error: 'durationMs must be a number' })
      .int()
      .min(0)
      .max(24 * 3600 * 1000)
      .nullable()
      .optional(),
    isrc: IsrcSchema.nullable().optional(),
    upc: UpcSchema.nullable().optional(),
    explicit: z.boolean().nullable().optional(),
    releaseYear: z.number().int().min(1000).max(9999).nullable().optional(),
    coverUrl: z.string().url().max(2000).nullable().optional(),
  })
  .strict();
export type EntrySnapshot = z.infer<typeof EntrySnapshotSchema>;

export const EntryNoteSchema = userText('Note')
  .refine(...onlyLineControls('Note'))
  .trim()
  .max(PLAYLIST_LIMITS.note, `Note must be at most ${PLAYLIST_LIMITS.note} characters`);

/**
 * A snapshot as answers carry it: what was stored (already checked and normalised on the way
 * in), so plain fields. `coverUrl` may be a stored cover's path rather than a full URL.
 */
export const EntrySnapshotViewSchema = z.object({
  title: z.string(),
  artists: z.array(z.string()),
  album: z.string().nullable().optional(),
  durationMs: z.number().int().nullable().optional(),
  isrc: z.string().nullable().optional(),
  upc: z.string().nullable().optional(),
  explicit: z.boolean().nullable().optional(),
  releaseYear: z.number().int().nullable().optional(),
  coverUrl: z.string().nullable().optional(),
});

/** Service ids as answers carry them. */
export const ServiceIdsViewSchema = z.object({ spotify: z.string().optional(), apple: z.string().optional() });

/** One entry as the document stores it. `trackId`/`albumId` are catalog ids, null for snapshot-only entries. */
export const PlaylistEntrySchema = z.object({
  id: z.string(),
  trackId: z.string().nullable(),
  albumId: z.string().nullable(),
  snapshot: EntrySnapshotViewSchema,
  serviceIds: ServiceIdsViewSchema,
  note: z.string().nullable(),
  /** The id of whoever added it. */
  addedBy: z.string(),
  addedAt: z.string(),
});
export type PlaylistEntry = z.infer<typeof PlaylistEntrySchema>;

export const PlaylistTitleSchema = userText('Title', { error: 'Title is required' })
  .refine(...noControl('Title'))
  .trim()
  .min(PLAYLIST_LIMITS.title.min, 'Title is required')
  .max(PLAYLIST_LIMITS.title.max, `Title must be at most ${PLAYLIST_LIMITS.title.max} characters`);

/** Plain text, no markdown rendering; line breaks are kept. */
export const PlaylistDescriptionSchema = userText('Description')
  .refine(...onlyLineControls('Description'))
  .trim()
  .max(PLAYLIST_LIMITS.description.max, `Description must be at most ${PLAYLIST_LIMITS.description.max.toLocaleString('en')} characters`);

export const PlaylistCreateSchema = z
  .object({
    title: PlaylistTitleSchema,
    kind: PlaylistKindSchema,
    visibility: PlaylistVisibilitySchema.default('public'),
    description: PlaylistDescriptionSchema.optional(),
    /** Lists only: numbered entries. */
    ranked: z.boolean({ error: 'ranked must be true or false' }).optional(),
    /** For `people`: the followers it is shared with. */
    sharedWith: z.array(IdSchema).max(PLAYLIST_LIMITS.sharedWith).optional(),
  })
  .strict();
export type PlaylistCreateInput = z.infer<typeof PlaylistCreateSchema>;

/** Owner-only edits; `version` is the one the edit was based on (stale → 409 playlist_version_conflict). */
export const PlaylistUpdateSchema = z
  .object({
    version: z.number({ error: 'version is required' }).int().min(1),
    title: PlaylistTitleSchema.optional(),
    description: PlaylistDescriptionSchema.optional(),
    visibility: PlaylistVisibilitySchema.optional(),
    ranked: z.boolean().optional(),
    sharedWith: z.array(IdSchema).max(PLAYLIST_LIMITS.sharedWith).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).some((k) => k !== 'version'), 'Nothing to change');
export type PlaylistUpdateInput = z.infer<typeof PlaylistUpdateSchema>;

/** One new entry: a catalog track, a catalog album (lists), or a snapshot-only entry. */
export const EntryInputSchema = z.union(
  [
    z.object({ trackId: IdSchema, note: EntryNoteSchema.optional() }).strict(),
    z.object({ albumId: IdSchema, note: EntryNoteSchema.optional() }).strict(),
    z
      .object({
        snapshot: EntrySnapshotSchema,
        serviceIds: ServiceIdsSchema.optional(),
        note: EntryNoteSchema.optional(),
      })
      .strict(),
  ],
  { error: 'An entry needs a trackId, an albumId, or a snapshot with at least a title' },
);
export type EntryInput = z.infer<typeof EntryInputSchema>;

/**
 * POST /api/playlists/:id/entries: one entry (the body is the entry), or several
 * (`{entries: [...]}`, e.g. every track of an album), appended at the end or inserted at `position`
 * (0-based). Appending needs no version: two people adding at once both keep their entries.
 */
export const EntriesAddSchema = z.union([
  EntryInputSchema.and(z.object({ position: z.number().int().min(0).optional() })),
  z
    .object({
      entries: z
        .array(EntryInputSchema)
        .min(1, 'entries is empty')
        .max(PLAYLIST_LIMITS.entriesPerAdd, `at most ${PLAYLIST_LIMITS.entriesPerAdd} entries at once`),
      position: z.number().int().min(0).optional(),
    })
    .strict(),
]);
export type EntriesAddInput = z.infer<typeof EntriesAddSchema>;

/** PATCH an entry's note (null clears it), based on `version`. */
export const EntryUpdateSchema = z
  .object({
    version: z.number({ error: 'version is required' }).int().min(1),
    note: EntryNoteSchema.nullable(),
  })
  .strict();
export type EntryUpdateInput = z.infer<typeof EntryUpdateSchema>;

/** POST /api/playlists/:id/entries/:entryId/move: to a 0-based position, based on `version`. */
export const EntryMoveSchema = z
  .object({
    version: z.number({ error: 'version is required' }).int().min(1),
    position: z.number({ error: 'position must be a number' }).int().min(0),
  })
  .strict();
export type EntryMoveInput = z.infer<typeof EntryMoveSchema>;

export const EntryIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,40}$/, 'entryId is malformed');
export const PlaylistIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,40}$/, 'playlist id is malformed');
export const PlaylistParamsSchema = z.object({ id: PlaylistIdSchema });
export const PlaylistEntryParamsSchema = z.object({ id: PlaylistIdSchema, entryId: EntryIdSchema });

/** An unguessable 128-bit token, base64url (22 characters). */
export const LinkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'link token is malformed');
/** Any read of a `link` playlist carries `?token=`. */
export const PlaylistReadQuerySchema = z.object({ token: LinkTokenSchema.optional() });

/** GET /api/playlists/:id/entries: the entries from `offset`, at most `limit` of them. */
export const PlaylistEntriesQuerySchema = PlaylistReadQuerySchema.extend({
  offset: z.coerce
    .number({ error: 'offset must be a number' })
    .int('offset must be a whole number')
    .min(0, 'offset must be at least 0')
    .max(PLAYLIST_LIMITS.entries, `offset must be at most ${PLAYLIST_LIMITS.entries}`),
  limit: z.coerce
    .number({ error: 'limit must be a number' })
    .int('limit must be a whole number')
    .min(1, 'limit must be at least 1')
    .max(500, 'limit must be at most 500')
    .default(PLAYLIST_LIMITS.entriesPage),
});
export type PlaylistEntriesQuery = z.infer<typeof PlaylistEntriesQuerySchema>;

export const CollaboratorInviteSchema = z.object({ userId: IdSchema }).strict();

/** A new share link asks for nothing: no body, or an empty object. */
export const PlaylistLinkRenewSchema = z.object({}).strict().optional();

export const PlaylistCloneSchema = z
  .object({
    title: PlaylistTitleSchema.optional(),
    token: LinkTokenSchema.optional(),
  })
  .strict();

/** GET /api/playlists: the signed-in user's playlists. */
export const PlaylistListQuerySchema = pageQuery({ default: 30, max: 100 }).extend({
  /** `invited`: invitations to collaborate not yet accepted. */
  filter: z.enum(['mine', 'collaborating', 'invited', 'shared', 'liked']).default('mine'),
  kind: PlaylistKindSchema.optional(),
});
export type PlaylistListQuery = z.infer<typeof PlaylistListQuerySchema>;

/** GET /api/users/:handle/playlists. */
export const UserPlaylistListQuerySchema = pageQuery({ default: 30, max: 100 }).extend({ kind: PlaylistKindSchema.optional() });
export type UserPlaylistListQuery = z.infer<typeof UserPlaylistListQuerySchema>;

/** GET /api/playlists/discover. */
export const PlaylistDiscoverQuerySchema = pageQuery({ default: 30, max: 100 }).extend({
  section: z.enum(['newest', 'popular', 'following']).default('newest'),
  kind: PlaylistKindSchema.optional(),
});
export type PlaylistDiscoverQuery = z.infer<typeof PlaylistDiscoverQuerySchema>;

export const CollaboratorStatusSchema = z.enum(['invited', 'accepted']);
export type CollaboratorStatus = z.infer<typeof CollaboratorStatusSchema>;

export const CollaboratorViewSchema = z.object({
  user: UserSummarySchema,
  status: CollaboratorStatusSchema,
  invitedAt: z.string(),
});
export type CollaboratorView = z.infer<typeof CollaboratorViewSchema>;

/** What the viewer may do with this playlist. */
export const PlaylistPermissionsSchema = z.object({
  edit: z.boolean(),
  editEntries: z.boolean(),
  delete: z.boolean(),
  clone: z.boolean(),
  like: z.boolean(),
});
export type PlaylistPermissions = z.infer<typeof PlaylistPermissionsSchema>;

/** An entry as the API shows it: the stored entry with the catalog's current view and ratings. */
export const PlaylistEntryViewSchema = PlaylistEntrySchema.extend({
  /** 1-based rank on ranked lists, else null. */
  rank: z.number().int().nullable(),
  album: AlbumSummarySchema.nullable(),
  /** The catalog track's community mean (stars) and count, or the album's, when it points at one. */
  stats: z.object({ count: z.number().int().min(0), mean: z.number().nullable() }).nullable(),
  /** The viewer's own rating (stars) of the track or album, or null. */
  viewerRating: z.number().nullable(),
  /** Who added it, or null when their account is gone. */
  addedByUser: UserSummarySchema.nullable(),
});
export type PlaylistEntryView = z.infer<typeof PlaylistEntryViewSchema>;

/** A playlist in lists (no entries). */
export const PlaylistSummarySchema = z.object({
  id: z.string(),
  kind: PlaylistKindSchema,
  title: z.string(),
  description: z.string(),
  visibility: PlaylistVisibilitySchema,
  ranked: z.boolean(),
  owner: UserSummarySchema,
  entryCount: z.number().int().min(0),
  /** Up to 4 cover URLs of the first entries, for the mosaic. */
  covers: z.array(z.string()),
  likeCount: z.number().int().min(0),
  cloneCount: z.number().int().min(0),
  likedByViewer: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PlaylistSummary = z.infer<typeof PlaylistSummarySchema>;

/** A page of playlists: the signed-in user's, someone's, or a discover section. */
export const PlaylistPageSchema = pageOf(PlaylistSummarySchema);

/** GET /api/playlists/:id. */
export const PlaylistViewSchema = PlaylistSummarySchema.extend({
  /** The first `PLAYLIST_LIMITS.entriesPage` entries (all of them in a shorter playlist). */
  entries: z.array(PlaylistEntryViewSchema),
  /** Offset of the entries after `entries` (ask /entries?offset=), or null when `entries` holds them all. */
  entriesNext: z.number().int().nullable(),
  collaborators: z.array(CollaboratorViewSchema),
  /** Only for the owner. */
  sharedWith: z.array(UserSummarySchema).nullable(),
  /** Only for the owner of a `link` playlist. */
  linkToken: z.string().nullable(),
  clonedFrom: z.object({ id: z.string(), title: z.string(), owner: UserSummarySchema }).nullable(),
  permissions: PlaylistPermissionsSchema,
});
export type PlaylistView = z.infer<typeof PlaylistViewSchema>;

/** GET /api/playlists/:id/entries: a page of entries at one version of the playlist. */
export const PlaylistEntriesPageSchema = z.object({
  version: z.number().int(),
  entryCount: z.number().int().min(0),
  offset: z.number().int().min(0),
  entries: z.array(PlaylistEntryViewSchema),
  /** Offset of the next page, or null at the end. */
  next: z.number().int().nullable(),
});
export type PlaylistEntriesPage = z.infer<typeof PlaylistEntriesPageSchema>;

/** What an entry write (add, edit, move, remove) answers: the new version and size, and the entries it added or changed. */
export const PlaylistEntriesWriteSchema = z.object({
  version: z.number().int(),
  entryCount: z.number().int().min(0),
  entries: z.array(PlaylistEntryViewSchema),
});
export type PlaylistEntriesWrite = z.infer<typeof PlaylistEntriesWriteSchema>;

/** `PUT` and `DELETE /api/playlists/:id/like`: whether the viewer likes it now, and its like count. */
export const PlaylistLikeSchema = z.object({ liked: z.boolean(), likeCount: z.number().int().min(0) });
export type PlaylistLike = z.infer<typeof PlaylistLikeSchema>;

/** `POST /api/playlists/:id/link`: the new link token. */
export const PlaylistLinkSchema = z.object({ linkToken: z.string() });
export type PlaylistLink = z.infer<typeof PlaylistLinkSchema>;

/** Body of a 409 playlist_version_conflict: the problem plus the current document. */
export const PlaylistVersionConflictSchema = z.object({ current: PlaylistViewSchema });
export type PlaylistVersionConflict = z.infer<typeof PlaylistVersionConflictSchema>;

/** At most this many albums wait on one user's "listen later" queue. */
export const LISTEN_LATER_MAX = 5_000;

/** `PUT`, `PATCH` and `DELETE /api/me/listen-later/:albumId`: the album in the path. */
export const ListenLaterParamsSchema = z.object({ albumId: IdSchema });

/**
 * `PUT /api/me/listen-later/:albumId`: queues the album ("listen later", Letterboxd's watchlist).
 * `keep` keeps it queued after the album is rated or logged; left out, a queued album keeps its flag.
 */
export const ListenLaterAddSchema = z
  .object({
    keep: z.boolean({ error: 'keep must be true or false' }).optional(),
  })
  .strict();
export type ListenLaterAddInput = z.infer<typeof ListenLaterAddSchema>;

/** `added`: latest added first. `release`: newest release first, undated albums last. */
export const ListenLaterSortSchema = z.enum(['added', 'release'], { error: 'sort must be "added" or "release"' });
export type ListenLaterSort = z.infer<typeof ListenLaterSortSchema>;

export const ListenLaterQuerySchema = pageQuery({ default: 30, max: 100 }).extend({
  sort: ListenLaterSortSchema.default('added'),
});
export type ListenLaterQuery = z.infer<typeof ListenLaterQuerySchema>;

/** `PATCH /api/me/listen-later/:albumId`. */
export const ListenLaterUpdateSchema = z.object({ keep: z.boolean({ error: 'keep must be true or false' }) }).strict();
export type ListenLaterUpdateInput = z.infer<typeof ListenLaterUpdateSchema>;

/** One queued album; only its owner ever sees it. */
export const ListenLaterItemSchema = z.object({
  album: AlbumSummarySchema,
  addedAt: z.string(),
  /** Stays queued after the album is rated or logged. */
  keep: z.boolean(),
});
export type ListenLaterItem = z.infer<typeof ListenLaterItemSchema>;

/** `GET /api/me/listen-later`: a page of the queue. */
export const ListenLaterPageSchema = pageOf(ListenLaterItemSchema);

/**
 * `GET /api/me/listen-later/ids`: every queued album id (at most LISTEN_LATER_MAX), so that any
 * album card or page can show its button pressed from one cached answer instead of one request each.
 */
export const ListenLaterIndexSchema = z.object({
  albumIds: z.array(z.string()),
  /** The queued albums that stay after being rated or logged (a subset of `albumIds`). */
  keptAlbumIds: z.array(z.string()),
});
export type ListenLaterIndex = z.infer<typeof ListenLaterIndexSchema>;
