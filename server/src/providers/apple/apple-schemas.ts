import { z } from 'zod';

/* The parts of Apple Music API answers Muse reads (resource objects: `id`, `type`, `attributes`, `relationships`). */

const artwork = z.object({ url: z.string(), width: z.number().nullish(), height: z.number().nullish() }).nullish();

export const AppleSongAttributes = z.object({
  name: z.string(),
  artistName: z.string().nullish(),
  albumName: z.string().nullish(),
  durationInMillis: z.number().nullish(),
  isrc: z.string().nullish(),
  contentRating: z.string().nullish(),
  previews: z.array(z.object({ url: z.string() })).nullish(),
  artwork,
  url: z.string().nullish(),
  releaseDate: z.string().nullish(),
  playParams: z.object({ id: z.string().nullish(), catalogId: z.string().nullish() }).passthrough().nullish(),
});

const resourceRef = z.object({ id: z.string(), type: z.string().optional() });

const AppleCatalogSong = z.object({ id: z.string(), type: z.string().optional(), attributes: AppleSongAttributes.nullish() });

export const AppleSong = AppleCatalogSong.extend({
  relationships: z
    .object({
      albums: z.object({ data: z.array(resourceRef) }).nullish(),
      /** A library song's catalog song, present with `include=catalog`. */
      catalog: z.object({ data: z.array(AppleCatalogSong) }).nullish(),
    })
    .nullish(),
});
export type AppleSong = z.infer<typeof AppleSong>;

export const list = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), next: z.string().nullish(), meta: z.object({ total: z.number().nullish() }).nullish() });

export const AppleAlbum = z.object({
  id: z.string(),
  attributes: z.object({
    name: z.string(),
    artistName: z.string().nullish(),
    upc: z.string().nullish(),
    releaseDate: z.string().nullish(),
    artwork,
    url: z.string().nullish(),
    trackCount: z.number().nullish(),
  }),
  relationships: z.object({ tracks: list(AppleSong).nullish() }).nullish(),
});
export type AppleAlbum = z.infer<typeof AppleAlbum>;

export const AppleSearch = z.object({
  results: z.object({ songs: list(AppleSong).nullish(), albums: list(AppleAlbum).nullish() }).default({}),
});

export const AppleLibraryPlaylist = z.object({
  id: z.string(),
  attributes: z
    .object({
      name: z.string(),
      description: z.object({ standard: z.string().nullish() }).nullish(),
      canEdit: z.boolean().nullish(),
      artwork,
      trackCount: z.number().nullish(),
      url: z.string().nullish(),
    })
    .nullish(),
});
export type AppleLibraryPlaylist = z.infer<typeof AppleLibraryPlaylist>;

export const AppleStorefront = z.object({ id: z.string(), attributes: z.object({ name: z.string().nullish() }).nullish() });
