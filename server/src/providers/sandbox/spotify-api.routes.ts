import express, { type NextFunction, type Request, type Response, Router } from 'express';
import type { SandboxCatalog, SpotifyTrack } from './sandbox-catalog-types';
import type { SandboxKnobs } from './sandbox-knobs';
import { followedBy, SANDBOX_USERS, spotifyPlaylistLength, type SpotifyPlaylist } from './sandbox-library';
import { base62Id } from './sandbox-random';
import { containsWords, parseSearchQuery, rankByTitle } from './sandbox-search';
import type { AccessGrant, SandboxTokens } from './sandbox-tokens';
import {
  albumJson,
  entriesPageJson,
  pageJson,
  playlistJson,
  simplifiedAlbumJson,
  simplifiedPlaylistJson,
  simplifiedTrackJson,
  snapshotId,
  trackJson,
  type SpotifyContext,
} from './spotify-presenters';

/** Spotify's error body: `{"error":{"status":..,"message":..}}`. */
export function spotifyError(res: Response, status: number, message: string): void {
  res.status(status).json({ error: { status, message } });
}

const SEARCH_TYPES = new Set(['album', 'artist', 'playlist', 'track', 'show', 'episode', 'audiobook']);
const BASE62_ID = /^[0-9A-Za-z]{22}$/;

/** Reads an integer query parameter within bounds; undefined when it is out of them. */
function intParam(raw: unknown, fallback: number, min: number, max: number): number | undefined {
  if (raw === undefined) return fallback;
  if (typeof raw !== 'string' || !/^\d{1,7}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= min && n <= max ? n : undefined;
}

function grantOf(res: Response): AccessGrant {
  return res.locals.grant as AccessGrant;
}

/** The request's own URL on the sandbox (paging links keep every other query parameter). */
function selfUrl(req: Request, ctx: SpotifyContext): string {
  return `${ctx.origin}${req.baseUrl}${req.path}${req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : ''}`;
}

export interface SpotifyState {
  playlists: Map<string, SpotifyPlaylist>;
}

/** The Spotify Web API under `/v1`: the endpoints Muse uses, with the real limits and errors. */
export function spotifyApiRouter(catalog: SandboxCatalog, state: SpotifyState, tokens: SandboxTokens, knobs: SandboxKnobs): Router {
  const router = Router();
  const ctxOf = (req: Request): SpotifyContext => ({ origin: `${req.protocol}://${req.get('host')}`, catalog });

  router.use((req: Request, res: Response, next: NextFunction) => {
    const header = req.get('authorization');
    if (!header) return spotifyError(res, 401, 'No token provided');
    if (!header.startsWith('Bearer ')) return spotifyError(res, 400, 'Only valid bearer authentication supported');
    const grant = tokens.checkAccess(header.slice(7).trim(), knobs.get('spotify').expireTokens);
    if (grant === 'expired') return spotifyError(res, 401, 'The access token expired');
    if (grant === 'invalid') return spotifyError(res, 401, 'Invalid access token');
    res.locals.grant = grant;
    next();
  });
  const userOnly = (_req: Request, res: Response, next: NextFunction) => {
    if (grantOf(res).userId === null) return spotifyError(res, 401, 'Valid user authentication required');
    next();
  };
  const canRead = (userId: string | null, p: SpotifyPlaylist) => p.public || (userId !== null && (p.ownerId === userId || p.collaborators.includes(userId)));
  const findPlaylist = (req: Request, res: Response): SpotifyPlaylist | null => {
    const p = state.playlists.get(String(req.params.id));
    if (!p || !canRead(grantOf(res).userId, p)) {
      spotifyError(res, 404, 'Resource not found');
      return null;
    }
    return p;
  };
  const ownsOrCollaborates = (userId: string | null, p: SpotifyPlaylist) => userId !== null && (p.ownerId === userId || p.collaborators.includes(userId));

  router.get('/me', userOnly, (req, res) => {
    const grant = grantOf(res);
    const user = SANDBOX_USERS.find((u) => u.id === grant.userId)!;
    const ctx = ctxOf(req);
    res.json({
      country: user.country,
      display_name: user.displayName,
      ...(grant.scopes.includes('user-read-email') ? { email: user.email } : {}),
      explicit_content: { filter_enabled: false, filter_locked: false },
      external_urls: { spotify: `https://open.spotify.com/user/${user.id}` },
      followers: { href: null, total: 0 },
      href: `${ctx.origin}/spotify/v1/users/${user.id}`,
      id: user.id,
      images: [],
      product: 'premium',
      type: 'user',
      uri: `spotify:user:${user.id}`,
    });
  });

  router.get('/me/playlists', userOnly, (req, res) => {
    const limit = intParam(req.query.limit, 20, 1, 50);
    const offset = intParam(req.query.offset, 0, 0, 100_000);
    if (limit === undefined) return spotifyError(res, 400, 'Invalid limit');
    if (offset === undefined) return spotifyError(res, 400, 'Invalid offset');
    const grant = grantOf(res);
    const seesPrivate = grant.scopes.includes('playlist-read-private') || grant.scopes.includes('playlist-read-collaborative');
    const mine = [...state.playlists.values()].filter((p) => followedBy(grant.userId!, p) && (p.public || seesPrivate));
    const ctx = ctxOf(req);
    const items = mine.slice(offset, offset + limit).map((p) => simplifiedPlaylistJson(ctx, p));
    res.json(pageJson(`${ctx.origin}/spotify/v1/me/playlists`, items, offset, limit, mine.length));
  });

  router.post('/me/playlists', userOnly, express.json({ limit: '64kb' }), (req, res) => {
    const body: unknown = req.body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return spotifyError(res, 400, 'Error parsing JSON.');
    const { name, description, public: isPublic, collaborative } = body as Record<string, unknown>;
    if (typeof name !== 'string' || !name.trim()) return spotifyError(res, 400, 'Missing required field: name');
    if (description !== undefined && typeof description !== 'string') return spotifyError(res, 400, 'Invalid description');
    if ((isPublic !== undefined && typeof isPublic !== 'boolean') || (collaborative !== undefined && typeof collaborative !== 'boolean'))
      return spotifyError(res, 400, 'Invalid request');
    const wantsPublic = isPublic !== false;
    const grant = grantOf(res);
    if (!grant.scopes.includes(wantsPublic ? 'playlist-modify-public' : 'playlist-modify-private')) return spotifyError(res, 403, 'Insufficient client scope');
    if (collaborative === true && wantsPublic) return spotifyError(res, 400, 'Collaborative playlists cannot be public');
    const id = base62Id(`created:${state.playlists.size}:${Date.now()}:${Math.random()}`);
    const playlist: SpotifyPlaylist = {
      id,
      name: name.slice(0, 1000),
      description: typeof description === 'string' ? description.slice(0, 300) : '',
      ownerId: grant.userId!,
      public: wantsPublic,
      collaborative: collaborative === true,
      collaborators: [],
      followers: [],
      generated: 0,
      appended: [],
      version: 1,
    };
    state.playlists.set(id, playlist);
    res.status(201).json(playlistJson(ctxOf(req), playlist, true));
  });

  router.get('/playlists/:id', (req, res) => {
    const p = findPlaylist(req, res);
    if (!p) return;
    const hidden = knobs.get('spotify').devMode403 && !ownsOrCollaborates(grantOf(res).userId, p);
    res.json(playlistJson(ctxOf(req), p, !hidden));
  });

  router.get('/playlists/:id/items', (req, res) => {
    const limit = intParam(req.query.limit, 100, 1, 100);
    const offset = intParam(req.query.offset, 0, 0, 10_000_000);
    if (limit === undefined) return spotifyError(res, 400, 'Invalid limit');
    if (offset === undefined) return spotifyError(res, 400, 'Invalid offset');
    const p = findPlaylist(req, res);
    if (!p) return;
    if (knobs.get('spotify').devMode403 && !ownsOrCollaborates(grantOf(res).userId, p)) return spotifyError(res, 403, 'Forbidden');
    const ctx = ctxOf(req);
    res.json(entriesPageJson(ctx, p, selfUrl(req, ctx), offset, limit));
  });

  router.post('/playlists/:id/items', userOnly, express.json({ limit: '256kb' }), (req, res) => {
    const p = state.playlists.get(String(req.params.id));
    const grant = grantOf(res);
    if (!p || !canRead(grant.userId, p)) return spotifyError(res, 404, 'Resource not found');
    if (!ownsOrCollaborates(grant.userId, p)) return spotifyError(res, 403, 'You cannot add tracks to a playlist you don’t own.');
    if (!grant.scopes.includes(p.public ? 'playlist-modify-public' : 'playlist-modify-private')) return spotifyError(res, 403, 'Insufficient client scope');
    const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
    const fromQuery = typeof req.query.uris === 'string' ? req.query.uris.split(',').filter(Boolean) : null;
    const uris = fromQuery ?? body.uris;
    if (!Array.isArray(uris) || !uris.length || !uris.every((u): u is string => typeof u === 'string')) return spotifyError(res, 400, 'No uris provided');
    if (uris.length > 100) return spotifyError(res, 400, 'You can add a maximum of 100 tracks per request.');
    const rawPosition = typeof req.query.position === 'string' ? Number(req.query.position) : body.position;
    const length = spotifyPlaylistLength(p);
    if (rawPosition !== undefined && (typeof rawPosition !== 'number' || !Number.isInteger(rawPosition) || rawPosition < 0 || rawPosition > length))
      return spotifyError(res, 400, 'Index out of bounds');
    // The generated part of a demo playlist is computed, not stored: inserting inside it is not offered.
    if (rawPosition !== undefined && rawPosition < p.generated) return spotifyError(res, 400, 'The sandbox inserts only after its generated entries');
    const tracks: SpotifyTrack[] = [];
    for (const uri of uris) {
      const match = /^spotify:track:([0-9A-Za-z]{22})$/.exec(uri);
      if (!match) return spotifyError(res, 400, `Invalid track uri: ${uri.slice(0, 100)}`);
      const track = catalog.spotify.trackById.get(match[1]!);
      if (!track) return spotifyError(res, 400, 'Payload contains a non-existing ID');
      tracks.push(track);
    }
    const addedAt = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const entries = tracks.map((item) => ({ item, addedAt, addedBy: grant.userId! }));
    const at = rawPosition === undefined ? p.appended.length : (rawPosition as number) - p.generated;
    p.appended.splice(at, 0, ...entries);
    p.version += 1;
    res.status(201).json({ snapshot_id: snapshotId(p) });
  });

  router.get('/search', (req, res) => {
    const q = typeof req.query.q === 'string' ? req.query.q.trim() : '';
    if (!q) return spotifyError(res, 400, 'No search query');
    if (typeof req.query.type !== 'string' || !req.query.type) return spotifyError(res, 400, 'Missing parameter type');
    const types = req.query.type.split(',');
    if (!types.every((t) => SEARCH_TYPES.has(t))) return spotifyError(res, 400, 'Bad search type field');
    const limit = intParam(req.query.limit, 5, 1, 10);
    const offset = intParam(req.query.offset, 0, 0, 1000);
    if (limit === undefined) return spotifyError(res, 400, 'Invalid limit');
    if (offset === undefined) return spotifyError(res, 400, 'Invalid offset');
    const query = parseSearchQuery(q);
    const ctx = ctxOf(req);
    const url = selfUrl(req, ctx);
    const body: Record<string, unknown> = {};
    if (types.includes('track')) {
      const { isrc, track: title, artist, album, year } = query.fields;
      const matches = catalog.spotify.tracks.filter((t) => {
        const a = catalog.spotify.albumById.get(t.albumId)!;
        if (isrc && t.isrc !== isrc.toUpperCase()) return false;
        if (title && !containsWords(t.name, title)) return false;
        if (artist && !t.artists.some((x) => containsWords(x.name, artist))) return false;
        if (album && !containsWords(a.name, album)) return false;
        if (year && !a.releaseDate.startsWith(year)) return false;
        return !query.words.length || containsWords(`${t.name} ${t.artists.map((x) => x.name).join(' ')} ${a.name}`, query.words.join(' '));
      });
      const hits = rankByTitle(matches, (t) => t.name, query.fields.track ?? query.words.join(' '));
      body.tracks = pageJson(
        url,
        hits.slice(offset, offset + limit).map((t) => trackJson(ctx, t)),
        offset,
        limit,
        hits.length,
      );
    }
    if (types.includes('album')) {
      const { upc, album: title, artist, year } = query.fields;
      const matches = catalog.spotify.albums.filter((a) => {
        if (upc && a.upc !== upc) return false;
        if (title && !containsWords(a.name, title)) return false;
        if (artist && !a.artists.some((x) => containsWords(x.name, artist))) return false;
        if (year && !a.releaseDate.startsWith(year)) return false;
        return !query.words.length || containsWords(`${a.name} ${a.artists.map((x) => x.name).join(' ')}`, query.words.join(' '));
      });
      const hits = rankByTitle(matches, (a) => a.name, query.fields.album ?? query.words.join(' '));
      body.albums = pageJson(
        url,
        hits.slice(offset, offset + limit).map((a) => simplifiedAlbumJson(ctx, a)),
        offset,
        limit,
        hits.length,
      );
    }
    res.json(body);
  });

  router.get('/tracks/:id', (req, res) => {
    if (!BASE62_ID.test(String(req.params.id))) return spotifyError(res, 400, 'Invalid base62 id');
    const track = catalog.spotify.trackById.get(String(req.params.id));
    if (!track) return spotifyError(res, 404, 'Resource not found');
    res.json(trackJson(ctxOf(req), track));
  });

  router.get('/albums/:id', (req, res) => {
    if (!BASE62_ID.test(String(req.params.id))) return spotifyError(res, 400, 'Invalid base62 id');
    const album = catalog.spotify.albumById.get(String(req.params.id));
    if (!album) return spotifyError(res, 404, 'Resource not found');
    res.json(albumJson(ctxOf(req), album));
  });

  router.get('/albums/:id/tracks', (req, res) => {
    if (!BASE62_ID.test(String(req.params.id))) return spotifyError(res, 400, 'Invalid base62 id');
    const album = catalog.spotify.albumById.get(String(req.params.id));
    if (!album) return spotifyError(res, 404, 'Resource not found');
    const limit = intParam(req.query.limit, 20, 1, 50);
    const offset = intParam(req.query.offset, 0, 0, 10_000);
    if (limit === undefined) return spotifyError(res, 400, 'Invalid limit');
    if (offset === undefined) return spotifyError(res, 400, 'Invalid offset');
    const ctx = ctxOf(req);
    const tracks = album.trackIds.slice(offset, offset + limit).map((id) => simplifiedTrackJson(ctx, catalog.spotify.trackById.get(id)!));
    res.json(pageJson(selfUrl(req, ctx), tracks, offset, limit, album.trackIds.length));
  });

  router.use((_req: Request, res: Response) => spotifyError(res, 404, 'Service not found'));
  return router;
}
