import crypto from 'node:crypto';
import express, { type NextFunction, type Request, type Response, Router } from 'express';
import { developerTokenProblem, type AppleKeyPair } from './apple-developer-token';
import { albumJson, albumRefJson, inStorefront, libraryPlaylistJson, libraryTracksPage, songJson, songRef, type AppleContext } from './apple-presenters';
import { APPLE_STOREFRONTS, type AppleSong, type SandboxCatalog } from './sandbox-catalog-types';
import type { SandboxKnobs } from './sandbox-knobs';
import { libraryIdOf, type AppleLibraryEntry, type AppleLibraryPlaylist } from './sandbox-library';
import { base62Id } from './sandbox-random';
import { containsWords, rankByTitle } from './sandbox-search';
import type { SandboxTokens } from './sandbox-tokens';

const STATUS_TITLES: Record<number, string> = {
  400: 'Invalid Parameter Value',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Resource Not Found',
  405: 'Method Not Allowed',
  429: 'API Capacity Exceeded',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** Apple's error body: `{"errors":[{id,title,detail,status,code}]}` (status as text, code = status + two digits). */
export function appleError(res: Response, status: number, detail: string, extra: { code?: string; parameter?: string } = {}): void {
  res.status(status).json({
    errors: [
      {
        id: crypto.randomUUID().toUpperCase(),
        title: STATUS_TITLES[status] ?? 'Error',
        detail,
        status: String(status),
        code: extra.code ?? `${status}00`,
        ...(extra.parameter ? { source: { parameter: extra.parameter } } : {}),
      },
    ],
  });
}

function intParam(raw: unknown, fallback: number, min: number, max: number): number | undefined {
  if (raw === undefined) return fallback;
  if (typeof raw !== 'string' || !/^\d{1,7}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= min && n <= max ? n : undefined;
}

export interface AppleState {
  playlists: Map<string, AppleLibraryPlaylist>;
}

/** The Apple Music API under `/v1`: catalog songs, search, albums, storefront and the library playlists. */
export function appleApiRouter(catalog: SandboxCatalog, state: AppleState, tokens: SandboxTokens, knobs: SandboxKnobs, keys: AppleKeyPair): Router {
  const router = Router();
  const origin = (req: Request) => `${req.protocol}://${req.get('host')}`;

  router.use((req: Request, res: Response, next: NextFunction) => {
    const header = req.get('authorization');
    const problem = header?.startsWith('Bearer ') ? developerTokenProblem(header.slice(7).trim(), keys) : 'no developer token';
    // Apple answers a bad developer token with a bare 401 and no body.
    if (problem || knobs.get('apple').expireTokens)
      return res
        .status(401)
        .set('x-sandbox-reason', problem ?? 'expired (knob)')
        .end();
    next();
  });

  const catalogRoutes = Router({ mergeParams: true });
  router.use(
    '/catalog/:sf',
    (req, res, next) => {
      const sf = String(req.params.sf);
      if (!(APPLE_STOREFRONTS as readonly string[]).includes(sf)) return appleError(res, 404, `No storefront with id '${sf.slice(0, 20)}'`);
      res.locals.ctx = { origin: origin(req), storefront: sf, catalog } satisfies AppleContext;
      next();
    },
    catalogRoutes,
  );
  const ctxOf = (res: Response) => res.locals.ctx as AppleContext;

  catalogRoutes.get('/songs/:id', (req, res) => {
    const ctx = ctxOf(res);
    const song = catalog.apple.songById.get(String(req.params.id));
    if (!song || !inStorefront(ctx, song)) return appleError(res, 404, 'Resource with requested id was not found');
    res.json({ data: [songJson(ctx, song)] });
  });

  catalogRoutes.get('/songs', (req, res) => {
    const ctx = ctxOf(res);
    const isrcParam = req.query['filter[isrc]'];
    const idsParam = req.query.ids;
    if (typeof isrcParam === 'string') {
      const isrcs = [
        ...new Set(
          isrcParam
            .split(',')
            .map((s) => s.trim().toUpperCase())
            .filter(Boolean),
        ),
      ];
      if (!isrcs.length) return appleError(res, 400, 'Value of filter[isrc] must not be empty', { parameter: 'filter[isrc]', code: '40005' });
      if (isrcs.length > 25) return appleError(res, 400, 'Too many values in filter[isrc]: at most 25', { parameter: 'filter[isrc]', code: '40005' });
      const data: ReturnType<typeof songJson>[] = [];
      const filters: Record<string, ReturnType<typeof songRef>[]> = {};
      for (const isrc of isrcs) {
        const songs = (catalog.apple.songsByIsrc.get(isrc) ?? []).filter((s) => inStorefront(ctx, s));
        filters[isrc] = songs.map((s) => songRef(ctx, s));
        data.push(...songs.map((s) => songJson(ctx, s)));
      }
      return res.json({ data, meta: { filters: { isrc: filters } } });
    }
    if (typeof idsParam === 'string') {
      const ids = idsParam.split(',').filter(Boolean);
      if (!ids.length || ids.length > 300) return appleError(res, 400, 'ids must list 1 to 300 ids', { parameter: 'ids', code: '40005' });
      const songs = ids.map((id) => catalog.apple.songById.get(id)).filter((s): s is AppleSong => !!s && inStorefront(ctx, s));
      return res.json({ data: songs.map((s) => songJson(ctx, s)) });
    }
    appleError(res, 400, 'One of ids or filter[isrc] is required', { code: '40004' });
  });

  catalogRoutes.get('/albums/:id', (req, res) => {
    const ctx = ctxOf(res);
    const album = catalog.apple.albumById.get(String(req.params.id));
    if (!album) return appleError(res, 404, 'Resource with requested id was not found');
    res.json({ data: [albumJson(ctx, album)] });
  });

  catalogRoutes.get('/albums/:id/tracks', (req, res) => {
    const ctx = ctxOf(res);
    const limit = intParam(req.query.limit, 300, 1, 300);
    const offset = intParam(req.query.offset, 0, 0, 10_000);
    if (limit === undefined) return appleError(res, 400, 'Value of limit must be an integer from 1 to 300', { parameter: 'limit', code: '40005' });
    if (offset === undefined) return appleError(res, 400, 'Value of offset must be a non-negative integer', { parameter: 'offset', code: '40005' });
    const album = catalog.apple.albumById.get(String(req.params.id));
    if (!album) return appleError(res, 404, 'Resource with requested id was not found');
    const songs = album.songIds.slice(offset, offset + limit).map((id) => songJson(ctx, catalog.apple.songById.get(id)!, false));
    const next = offset + limit < album.songIds.length ? { next: `/v1/catalog/${ctx.storefront}/albums/${album.id}/tracks?offset=${offset + limit}` } : {};
    res.json({ data: songs, ...next, meta: { total: album.songIds.length } });
  });

  catalogRoutes.get('/search', (req, res) => {
    const ctx = ctxOf(res);
    const term = typeof req.query.term === 'string' ? req.query.term.replace(/\+/g, ' ').trim() : '';
    if (!term) return appleError(res, 400, 'Parameter term is required', { parameter: 'term', code: '40005' });
    if (typeof req.query.types !== 'string' || !req.query.types)
      return appleError(res, 400, 'Parameter types is required', { parameter: 'types', code: '40005' });
    const types = req.query.types.split(',');
    const known = ['activities', 'albums', 'apple-curators', 'artists', 'curators', 'music-videos', 'playlists', 'record-labels', 'songs', 'stations'];
    if (!types.every((t) => known.includes(t))) return appleError(res, 400, 'Invalid type in types', { parameter: 'types', code: '40005' });
    const limit = intParam(req.query.limit, 5, 1, 25);
    const offset = intParam(req.query.offset, 0, 0, 10_000);
    if (limit === undefined) return appleError(res, 400, 'Value of limit must be an integer from 1 to 25', { parameter: 'limit', code: '40005' });
    if (offset === undefined) return appleError(res, 400, 'Value of offset must be a non-negative integer', { parameter: 'offset', code: '40005' });
    const results: Record<string, unknown> = {};
    const order: string[] = [];
    const pageOf = <T>(type: string, hits: T[], present: (hit: T) => unknown) => {
      const href = (o: number) =>
        `/v1/catalog/${ctx.storefront}/search?limit=${limit}&offset=${o}&term=${encodeURIComponent(term).replace(/%20/g, '+')}&types=${type}`;
      return {
        href: href(offset),
        ...(offset + limit < hits.length ? { next: href(offset + limit) } : {}),
        data: hits.slice(offset, offset + limit).map(present),
      };
    };
    if (types.includes('songs')) {
      const matches = catalog.apple.songs.filter((s) => inStorefront(ctx, s) && containsWords(`${s.name} ${s.artistName} ${s.albumName}`, term));
      const hits = rankByTitle(matches, (s) => s.name, term);
      if (hits.length) {
        results.songs = pageOf('songs', hits, (s) => songJson(ctx, s, false));
        order.push('songs');
      }
    }
    if (types.includes('albums')) {
      const hits = rankByTitle(
        catalog.apple.albums.filter((a) => containsWords(`${a.name} ${a.artistName}`, term)),
        (a) => a.name,
        term,
      );
      if (hits.length) {
        results.albums = pageOf('albums', hits, (a) => albumRefJson(ctx, a));
        order.push('albums');
      }
    }
    res.json({ results, meta: { results: { order, rawOrder: order } } });
  });

  const me = Router();
  router.use(
    '/me',
    (req, res, next) => {
      const token = req.get('music-user-token');
      const userId = token ? tokens.findMusicUser(token) : null;
      if (!userId) return appleError(res, 403, token ? 'Invalid or revoked Music-User-Token' : 'Music-User-Token header is required', { code: '40300' });
      res.locals.userId = userId;
      res.locals.ctx = { origin: origin(req), storefront: 'us', catalog } satisfies AppleContext;
      next();
    },
    me,
  );

  me.get('/storefront', (_req, res) => {
    res.json({
      data: [
        {
          id: 'us',
          type: 'storefronts',
          href: '/v1/storefronts/us',
          attributes: { defaultLanguageTag: 'en-US', explicitContentPolicy: 'allowed', name: 'United States', supportedLanguageTags: ['en-US', 'es-MX'] },
        },
      ],
    });
  });

  const ownPlaylists = (res: Response) => [...state.playlists.values()].filter((p) => p.ownerId === res.locals.userId);

  me.get('/library/playlists', (req, res) => {
    const limit = intParam(req.query.limit, 25, 1, 100);
    const offset = intParam(req.query.offset, 0, 0, 100_000);
    if (limit === undefined) return appleError(res, 400, 'Value of limit must be an integer from 1 to 100', { parameter: 'limit', code: '40005' });
    if (offset === undefined) return appleError(res, 400, 'Value of offset must be a non-negative integer', { parameter: 'offset', code: '40005' });
    const all = ownPlaylists(res);
    const next = offset + limit < all.length ? { next: `/v1/me/library/playlists?offset=${offset + limit}` } : {};
    res.json({ data: all.slice(offset, offset + limit).map(libraryPlaylistJson), ...next, meta: { total: all.length } });
  });

  let byLibraryId: Map<string, AppleSong> | null = null;
  const songByLibraryId = (id: string) => {
    byLibraryId ??= new Map(catalog.apple.songs.map((s) => [libraryIdOf(s), s]));
    return byLibraryId.get(id);
  };
  const resolveTracks = (ctx: AppleContext, raw: unknown): AppleLibraryEntry[] | string => {
    if (!Array.isArray(raw) || !raw.length) return 'data must list at least one track';
    if (raw.length > 1000) return 'at most 1000 tracks per request';
    const entries: AppleLibraryEntry[] = [];
    for (const item of raw as unknown[]) {
      const { id, type } = (item ?? {}) as Record<string, unknown>;
      if (typeof id !== 'string' || (type !== 'songs' && type !== 'library-songs')) return 'each track needs an id and a type of songs or library-songs';
      const song = type === 'songs' ? catalog.apple.songById.get(id) : songByLibraryId(id);
      if (!song || !inStorefront(ctx, song)) return `Unknown song: ${id.slice(0, 40)}`;
      entries.push({ libraryId: libraryIdOf(song), song, upload: null });
    }
    return entries;
  };

  me.post('/library/playlists', express.json({ limit: '256kb' }), (req, res) => {
    const body = (req.body ?? {}) as { attributes?: { name?: unknown; description?: unknown }; relationships?: { tracks?: { data?: unknown } } };
    const name = body.attributes?.name;
    if (typeof name !== 'string' || !name.trim()) return appleError(res, 400, 'attributes.name is required', { code: '40005' });
    const description = typeof body.attributes?.description === 'string' ? body.attributes.description : '';
    const initial = body.relationships?.tracks?.data;
    const entries = initial === undefined ? [] : resolveTracks(ctxOf(res), initial);
    if (typeof entries === 'string') return appleError(res, 400, entries, { code: '40005' });
    const playlist: AppleLibraryPlaylist = {
      id: `p.${base62Id(`created:${Date.now()}:${Math.random()}`, 15)}`,
      ownerId: res.locals.userId as string,
      name: name.slice(0, 500),
      description: description.slice(0, 2000),
      dateAdded: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      generated: 0,
      appended: entries,
    };
    state.playlists.set(playlist.id, playlist);
    res.status(201).json({ data: [libraryPlaylistJson(playlist)] });
  });

  const findOwn = (req: Request, res: Response): AppleLibraryPlaylist | null => {
    const p = state.playlists.get(String(req.params.id));
    if (!p || p.ownerId !== res.locals.userId) {
      appleError(res, 404, 'Resource with requested id was not found');
      return null;
    }
    return p;
  };

  me.get('/library/playlists/:id', (req, res) => {
    const p = findOwn(req, res);
    if (p) res.json({ data: [libraryPlaylistJson(p)] });
  });

  me.get('/library/playlists/:id/tracks', (req, res) => {
    const limit = intParam(req.query.limit, 100, 1, 100);
    const offset = intParam(req.query.offset, 0, 0, 1_000_000);
    if (limit === undefined) return appleError(res, 400, 'Value of limit must be an integer from 1 to 100', { parameter: 'limit', code: '40005' });
    if (offset === undefined) return appleError(res, 400, 'Value of offset must be a non-negative integer', { parameter: 'offset', code: '40005' });
    const p = findOwn(req, res);
    if (!p) return;
    if (p.generated + p.appended.length === 0) return appleError(res, 404, 'Resource with requested id was not found');
    const include = typeof req.query.include === 'string' && req.query.include.split(',').includes('catalog');
    res.json(libraryTracksPage(ctxOf(res), p, offset, limit, include));
  });

  me.post('/library/playlists/:id/tracks', express.json({ limit: '256kb' }), (req, res) => {
    const p = findOwn(req, res);
    if (!p) return;
    const entries = resolveTracks(ctxOf(res), ((req.body ?? {}) as { data?: unknown }).data);
    if (typeof entries === 'string') return appleError(res, 400, entries, { code: '40005' });
    p.appended.push(...entries);
    res.status(204).end();
  });

  // Library playlists can be created and appended to, never edited or deleted through the API.
  me.put('/library/playlists/:id/tracks', (_req, res) => appleError(res, 403, 'Replacing the tracks of a library playlist is not allowed'));
  me.patch('/library/playlists/:id', (_req, res) => appleError(res, 403, 'Editing a library playlist is not allowed'));
  me.delete('/library/playlists/:id', (_req, res) => appleError(res, 405, 'Deleting a library playlist is not supported'));
  me.delete('/library/playlists/:id/tracks', (_req, res) => appleError(res, 405, 'Removing tracks from a library playlist is not supported'));

  router.use((_req: Request, res: Response) => appleError(res, 404, 'Resource Not Found'));
  return router;
}
