import { z } from 'zod';

/**
 * Apple Music API resource objects as Apple documents them (Song, Album, LibraryPlaylist,
 * LibrarySong, Storefront, the errors body and paged and search responses), strict so the
 * sandbox cannot send a field Apple does not.
 */
const Artwork = z
  .object({
    width: z.number().int(),
    height: z.number().int(),
    url: z.string().includes('{w}x{h}'),
    bgColor: z.string().optional(),
    textColor1: z.string().optional(),
    textColor2: z.string().optional(),
    textColor3: z.string().optional(),
    textColor4: z.string().optional(),
  })
  .strict();
const Ref = (type: string) => z.object({ id: z.string(), type: z.literal(type), href: z.string().startsWith('/v1/') }).strict();
const Relationship = (type: string) => z.object({ href: z.string().startsWith('/v1/'), next: z.string().optional(), data: z.array(Ref(type)) }).strict();
const ContentRating = z.enum(['clean', 'explicit']).optional();
const Date = z.string().regex(/^\d{4}(-\d{2}-\d{2})?$/);

export const AppleSongSchema = z
  .object({
    id: z.string().regex(/^\d+$/),
    type: z.literal('songs'),
    href: z.string().startsWith('/v1/catalog/'),
    attributes: z
      .object({
        albumName: z.string(),
        artistName: z.string(),
        artwork: Artwork,
        composerName: z.string().optional(),
        contentRating: ContentRating,
        discNumber: z.number().int().optional(),
        durationInMillis: z.number().int().positive(),
        genreNames: z.array(z.string()),
        hasLyrics: z.boolean(),
        isAppleDigitalMaster: z.boolean(),
        isrc: z.string().regex(/^[A-Z]{2}[A-Z0-9]{3}\d{7}$/),
        name: z.string(),
        playParams: z
          .object({ id: z.string(), kind: z.literal('song') })
          .strict()
          .optional(),
        previews: z.array(z.object({ url: z.string().url() }).strict()),
        releaseDate: Date.optional(),
        trackNumber: z.number().int().optional(),
        url: z.string().url(),
      })
      .strict(),
    relationships: z
      .object({ albums: Relationship('albums'), artists: Relationship('artists') })
      .strict()
      .optional(),
  })
  .strict();

const AlbumAttributes = z
  .object({
    artistName: z.string(),
    artwork: Artwork,
    contentRating: ContentRating,
    copyright: z.string().optional(),
    genreNames: z.array(z.string()),
    isCompilation: z.boolean(),
    isComplete: z.boolean(),
    isMasteredForItunes: z.boolean(),
    isSingle: z.boolean(),
    name: z.string(),
    playParams: z
      .object({ id: z.string(), kind: z.literal('album') })
      .strict()
      .optional(),
    recordLabel: z.string().optional(),
    releaseDate: Date.optional(),
    trackCount: z.number().int(),
    upc: z
      .string()
      .regex(/^\d{12,13}$/)
      .optional(),
    url: z.string().url(),
  })
  .strict();

export const AppleAlbumSchema = z
  .object({
    id: z.string().regex(/^\d+$/),
    type: z.literal('albums'),
    href: z.string().startsWith('/v1/catalog/'),
    attributes: AlbumAttributes,
    relationships: z
      .object({
        artists: Relationship('artists'),
        tracks: z.object({ href: z.string(), next: z.string().optional(), data: z.array(AppleSongSchema) }).strict(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const LibraryPlaylistSchema = z
  .object({
    id: z.string().startsWith('p.'),
    type: z.literal('library-playlists'),
    href: z.string().startsWith('/v1/me/library/playlists/'),
    attributes: z
      .object({
        canEdit: z.boolean(),
        dateAdded: z.string().datetime().optional(),
        description: z.object({ standard: z.string() }).strict().optional(),
        hasCatalog: z.boolean(),
        isPublic: z.boolean(),
        name: z.string(),
        playParams: z
          .object({ id: z.string(), kind: z.literal('playlist'), isLibrary: z.literal(true) })
          .strict()
          .optional(),
      })
      .strict(),
  })
  .strict();

export const LibrarySongSchema = z
  .object({
    id: z.string().startsWith('i.'),
    type: z.literal('library-songs'),
    href: z.string().startsWith('/v1/me/library/songs/'),
    attributes: z
      .object({
        albumName: z.string().optional(),
        artistName: z.string(),
        artwork: Artwork.optional(),
        contentRating: ContentRating,
        discNumber: z.number().int().optional(),
        durationInMillis: z.number().int().optional(),
        genreNames: z.array(z.string()),
        hasLyrics: z.boolean(),
        name: z.string(),
        playParams: z
          .object({ id: z.string(), kind: z.literal('song'), isLibrary: z.literal(true), reporting: z.boolean(), catalogId: z.string().optional() })
          .strict()
          .optional(),
        releaseDate: Date.optional(),
        trackNumber: z.number().int().optional(),
      })
      .strict(),
    relationships: z
      .object({ catalog: z.object({ href: z.string(), data: z.array(AppleSongSchema) }).strict() })
      .strict()
      .optional(),
  })
  .strict();

export const StorefrontSchema = z
  .object({
    id: z.string(),
    type: z.literal('storefronts'),
    href: z.string(),
    attributes: z
      .object({ defaultLanguageTag: z.string(), explicitContentPolicy: z.string(), name: z.string(), supportedLanguageTags: z.array(z.string()) })
      .strict(),
  })
  .strict();

export const ErrorsSchema = z
  .object({
    errors: z
      .array(
        z
          .object({
            id: z.string(),
            title: z.string(),
            detail: z.string(),
            status: z.string().regex(/^\d{3}$/),
            code: z.string().regex(/^\d{5}$/),
            source: z.object({ parameter: z.string() }).strict().optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

/** `{data, next?, meta?}`: a page of resources. */
export const paged = <T extends z.ZodTypeAny>(item: T) =>
  z
    .object({
      data: z.array(item),
      next: z.string().startsWith('/v1/').optional(),
      meta: z.object({ total: z.number().int() }).strict().optional(),
    })
    .strict();

export const SongsByIsrcSchema = z
  .object({ data: z.array(AppleSongSchema), meta: z.object({ filters: z.object({ isrc: z.record(z.string(), z.array(Ref('songs'))) }).strict() }).strict() })
  .strict();

const SearchGroup = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ href: z.string().startsWith('/v1/'), next: z.string().startsWith('/v1/').optional(), data: z.array(item) }).strict();
export const SearchSchema = z
  .object({
    results: z.object({ songs: SearchGroup(AppleSongSchema).optional(), albums: SearchGroup(AppleAlbumSchema).optional() }).strict(),
    meta: z.object({ results: z.object({ order: z.array(z.string()), rawOrder: z.array(z.string()) }).strict() }).strict(),
  })
  .strict();
