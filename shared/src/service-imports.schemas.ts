import { z } from 'zod';
import { ProviderNameSchema, type ProviderName } from './connections.schemas';

/** Spotify playlist ids are base62; the sandbox's and the real service's alike. */
const SPOTIFY_PLAYLIST_ID = /^[A-Za-z0-9]{1,64}$/;
/** Apple Music: `p.…` for a library playlist, `pl.…` (letters, digits, dashes) for a catalog one. */
const APPLE_PLAYLIST_ID = /^(p\.[A-Za-z0-9]{1,100}|pl\.[A-Za-z0-9-]{1,100})$/;

/** Whether `id` is shaped like a playlist id of the service. */
export function isServicePlaylistId(provider: ProviderName, id: string): boolean {
  return (provider === 'spotify' ? SPOTIFY_PLAYLIST_ID : APPLE_PLAYLIST_ID).test(id);
}

/** What a pasted playlist link names, or why it names nothing importable (`code` is the problem's code). */
export type PlaylistUrlReading =
  | { ok: true; provider: ProviderName; playlistId: string }
  | { ok: false; code: 'playlist_url_malformed' | 'playlist_url_foreign' | 'playlist_url_not_playlist'; message: string };

const EXPECTED = 'Paste a Spotify link (open.spotify.com/playlist/…) or an Apple Music link (music.apple.com/…/playlist/…).';
const malformed = (message: string): PlaylistUrlReading => ({ ok: false, code: 'playlist_url_malformed', message });
const notPlaylist = (service: string, kind: string): PlaylistUrlReading => ({
  ok: false,
  code: 'playlist_url_not_playlist',
  message: `This ${service} link is to ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}, not a playlist.`,
});

function spotifyPath(segments: string[]): PlaylistUrlReading {
  // open.spotify.com/intl-de/playlist/<id> is the same page in another language.
  const parts = segments[0]?.startsWith('intl-') ? segments.slice(1) : segments;
  const [kind, id] = parts;
  if (!kind) return malformed(`This Spotify link names no playlist. ${EXPECTED}`);
  if (kind !== 'playlist') return notPlaylist('Spotify', kind);
  if (!id || !SPOTIFY_PLAYLIST_ID.test(id)) return malformed('This Spotify link has no valid playlist id after /playlist/.');
  return { ok: true, provider: 'spotify', playlistId: id };
}

function applePath(segments: string[]): PlaylistUrlReading {
  // music.apple.com/<storefront>/playlist/<name>/pl.…, music.apple.com/library/playlist/p.…
  const at = segments.indexOf('playlist');
  if (at < 0) {
    const kind = segments.find((s) => ['album', 'song', 'artist', 'station', 'music-video'].includes(s));
    return kind ? notPlaylist('Apple Music', kind.replace('-', ' ')) : malformed(`This Apple Music link names no playlist. ${EXPECTED}`);
  }
  const id = segments.slice(at + 1).find((s) => /^p[l]?\./.test(s));
  if (!id || !APPLE_PLAYLIST_ID.test(id)) return malformed('This Apple Music link has no valid playlist id (pl.… or p.…) at its end.');
  return { ok: true, provider: 'apple', playlistId: id };
}

/**
 * Reads a pasted playlist link: `https://open.spotify.com/playlist/<id>` (with or without `?si=`),
 * `spotify:playlist:<id>`, `https://music.apple.com/<sf>/playlist/<name>/pl.…`, an Apple library
 * link or a bare Apple playlist id (`p.…`, `pl.…`). Anything else says what is wrong with it.
 */
export function readPlaylistUrl(input: string): PlaylistUrlReading {
  const text = input.trim();
  if (!text) return malformed(`The link is empty. ${EXPECTED}`);
  if (APPLE_PLAYLIST_ID.test(text)) return { ok: true, provider: 'apple', playlistId: text };
  const uri = /^spotify:([a-z]+):(.*)$/i.exec(text);
  if (uri) {
    if (uri[1]!.toLowerCase() !== 'playlist') return notPlaylist('Spotify', uri[1]!.toLowerCase());
    return SPOTIFY_PLAYLIST_ID.test(uri[2]!) ? { ok: true, provider: 'spotify', playlistId: uri[2]! } : malformed('This Spotify URI has no valid playlist id.');
  }
  // Read by hand: the shared package runs without the DOM or Node, so without URL.
  const link = /^(?:([a-z][a-z0-9+.-]*):\/\/)?([^/?#\s]+)(\/[^?#\s]*)?(?:[?#]\S*)?$/i.exec(text);
  if (!link) return malformed(`This is not a link. ${EXPECTED}`);
  const protocol = (link[1] ?? 'https').toLowerCase();
  if (protocol !== 'https' && protocol !== 'http') return malformed(`This is not a web link. ${EXPECTED}`);
  const host = link[2]!.toLowerCase().replace(/:\d+$/, '');
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)) return malformed(`This is not a link. ${EXPECTED}`);
  const segments = (link[3] ?? '').split('/').filter(Boolean);
  if (host === 'open.spotify.com' || host === 'play.spotify.com') return spotifyPath(segments);
  if (host === 'music.apple.com' || host === 'itunes.apple.com') return applePath(segments);
  return { ok: false, code: 'playlist_url_foreign', message: `Links from ${host} cannot be imported: only Spotify and Apple Music playlists can.` };
}

/** Start an import: a playlist picked from a connected service's list, or a pasted link. */
export const ServiceImportCreateSchema = z.union([
  z.object({ provider: ProviderNameSchema, playlistId: z.string().trim().min(1, 'Playlist id is required').max(200) }).strict(),
  z.object({ url: z.string({ error: 'url must be text' }).trim().min(1, 'The link is empty').max(2000, 'The link is longer than 2,000 characters') }).strict(),
]);
export type ServiceImportCreateInput = z.infer<typeof ServiceImportCreateSchema>;

/** `queued` → `importing` → `done`, `partial` (the service stopped answering; what was read is kept) or `failed`. */
export const ServiceImportStatusSchema = z.enum(['queued', 'importing', 'done', 'partial', 'failed']);
export type ServiceImportStatus = z.infer<typeof ServiceImportStatusSchema>;

/** One import from a service as its owner sees it. */
export const ServiceImportViewSchema = z.object({
  id: z.string(),
  provider: ProviderNameSchema,
  sourcePlaylistId: z.string(),
  /** The playlist's name on the service, once read. */
  sourceName: z.string().nullable(),
  status: ServiceImportStatusSchema,
  /** Tracks read so far, and how many the service says there are (0 until known). */
  processed: z.number().int().min(0),
  total: z.number().int().min(0),
  /** Entries linked to Muse's catalog, and entries kept as snapshot only (local files, unavailable tracks). */
  linked: z.number().int().min(0),
  localFiles: z.number().int().min(0),
  unavailable: z.number().int().min(0),
  /** The Muse playlist it made or updated, once stored. */
  playlistId: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ServiceImportView = z.infer<typeof ServiceImportViewSchema>;

/** `GET /api/service-imports`: the user's imports. */
export const ServiceImportListSchema = z.object({ items: z.array(ServiceImportViewSchema) });
export type ServiceImportList = z.infer<typeof ServiceImportListSchema>;

/** The live progress event `service-import:progress`. */
export const ServiceImportProgressSchema = z.object({
  importId: z.string(),
  status: ServiceImportStatusSchema,
  processed: z.number().int().min(0),
  total: z.number().int().min(0),
  /** Only once the import has stored its playlist. */
  playlistId: z.string().optional(),
});
export type ServiceImportProgress = z.infer<typeof ServiceImportProgressSchema>;

/** A playlist in the user's library on a service, as the import page lists it. */
export const ServicePlaylistSchema = z.object({
  id: z.string(),
  name: z.string(),
  ownerName: z.string().nullable(),
  trackCount: z.number().int().min(0),
  ownedByUser: z.boolean(),
});
export type ServicePlaylist = z.infer<typeof ServicePlaylistSchema>;

/** One page of the user's playlists on a service; pass `next` back as `cursor` for the following one. */
export const ServicePlaylistPageSchema = z.object({
  items: z.array(ServicePlaylistSchema),
  next: z.string().nullable(),
  /** How many playlists the service says there are, when it says. */
  total: z.number().int().min(0).nullable(),
});
export type ServicePlaylistPage = z.infer<typeof ServicePlaylistPageSchema>;

export const ServicePlaylistsQuerySchema = z.object({
  cursor: z
    .string()
    .regex(/^\d{1,7}$/, 'cursor must be the `next` of a page this list gave')
    .optional(),
});
