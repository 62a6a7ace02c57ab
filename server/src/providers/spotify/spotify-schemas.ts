import { z } from 'zod';

/*
 * The parts of Spotify Web API answers Muse reads (shapes from Spotify's OpenAPI description, 2026:
 * playlist entries carry `item`, formerly `track`; playlists carry `items`, formerly `tracks`).
 * Unknown fields pass through; missing optional ones are tolerated, wrong types are a bad response.
 */

const image = z.object({ url: z.string(), width: z.number().nullish(), height: z.number().nullish() });
const artist = z.object({ id: z.string().nullish(), name: z.string() });
const externalUrls = z.object({ spotify: z.string().optional() }).nullish();

export const SpotifySimplifiedAlbum = z.object({
  id: z.string().nullish(),
  name: z.string(),
  artists: z.array(artist).default([]),
  release_date: z.string().nullish(),
  images: z.array(image).nullish(),
  total_tracks: z.number().nullish(),
  external_urls: externalUrls,
  external_ids: z.object({ upc: z.string().nullish() }).nullish(),
});

export const SpotifyTrack = z.object({
  id: z.string().nullish(),
  uri: z.string().nullish(),
  type: z.string().optional(),
  name: z.string(),
  artists: z.array(artist).default([]),
  album: SpotifySimplifiedAlbum.nullish(),
  duration_ms: z.number().nullish(),
  explicit: z.boolean().nullish(),
  is_local: z.boolean().nullish(),
  is_playable: z.boolean().nullish(),
  restrictions: z.object({ reason: z.string().optional() }).nullish(),
  external_ids: z.object({ isrc: z.string().nullish() }).nullish(),
  external_urls: externalUrls,
  preview_url: z.string().nullish(),
});
export type SpotifyTrack = z.infer<typeof SpotifyTrack>;

export const paging = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), next: z.string().nullish(), total: z.number().nullish(), offset: z.number().nullish(), limit: z.number().nullish() });

export const SpotifyUser = z.object({ id: z.string(), display_name: z.string().nullish(), email: z.string().nullish(), country: z.string().nullish() });

export const SpotifyPlaylist = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullish(),
  owner: z.object({ id: z.string(), display_name: z.string().nullish() }),
  images: z.array(image).nullish(),
  external_urls: externalUrls,
  items: z.object({ total: z.number().nullish() }).nullish(),
  tracks: z.object({ total: z.number().nullish() }).nullish(),
});
export type SpotifyPlaylist = z.infer<typeof SpotifyPlaylist>;

export const SpotifyPlaylistEntry = z.object({
  is_local: z.boolean().nullish(),
  item: SpotifyTrack.nullish(),
  track: SpotifyTrack.nullish(),
});

export const SpotifyAlbum = SpotifySimplifiedAlbum.extend({
  id: z.string(),
  tracks: paging(SpotifyTrack),
});

export const SpotifySearch = z.object({
  tracks: paging(SpotifyTrack).optional(),
  albums: paging(SpotifySimplifiedAlbum.extend({ id: z.string() })).optional(),
});

export const SpotifyTokenAnswer = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number(),
  refresh_token: z.string().nullish(),
  scope: z.string().nullish(),
});
export type SpotifyTokenAnswer = z.infer<typeof SpotifyTokenAnswer>;
