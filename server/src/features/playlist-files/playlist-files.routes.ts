import express, { Router, type Request, type RequestHandler } from 'express';
import {
  PLAYLIST_FILE_MAX_BYTES,
  PlaylistImportConfirmSchema,
  PlaylistImportPreviewQuerySchema,
  PlaylistImportPreviewSchema,
  PlaylistParamsSchema,
  PlaylistReadQuerySchema,
  PlaylistViewSchema,
} from '@muse/shared';
import type { Container } from '../../container';
import { byIp, rateLimit } from '../../http/rate-limit';
import { createRoutes, createdOrFound } from '../../http/route';
import { writeRateLimit } from '../../http/write-rate-limit';
import type { PlaylistExportFormat } from './playlist-export.service';

/** Where the raw-body parser is mounted (before the JSON parser, which would refuse a 2 MB JSPF). */
export const PLAYLIST_PREVIEW_PATH = '/api/playlist-imports/preview';

const rawFile = express.raw({ type: () => true, limit: PLAYLIST_FILE_MAX_BYTES });

/**
 * Reads a preview's body as bytes, whatever its Content-Type (a .jspf sent as application/json
 * included), up to the file limit; past it, 413. Only signed-in requests are read: anyone else
 * is refused before the server takes in 2 MB.
 */
export const playlistFileBodyParser: RequestHandler = (req, res, next) => (req.session ? rawFile(req, res, next) : next());

const PREVIEWS_PER_HOUR = 30;
const byAccount = (req: Request) => req.session?.userId ?? byIp(req);

const bytesOf = (req: Request): Uint8Array => (Buffer.isBuffer(req.body) ? req.body : new Uint8Array());

/**
 * Playlist files: preview and confirm an import (JSPF, XSPF, M3U/M3U8, CSV), and download a
 * playlist as JSPF or CSV.
 */
export function createPlaylistFilesRouter(c: Container): Router {
  const router = Router();
  const routes = createRoutes(router, c.services.routes);
  const { playlistImports, playlistExports } = c.services;
  const previewLimit = rateLimit(c.rateLimiter, { name: 'playlist-imports', max: PREVIEWS_PER_HOUR, windowSeconds: 3600, key: byAccount });

  routes.post('/playlist-imports/preview', {
    summary: 'Read an uploaded playlist file and match its rows to the catalog; nothing is stored until confirmed.',
    auth: 'signed-in',
    limit: previewLimit,
    query: PlaylistImportPreviewQuerySchema,
    response: PlaylistImportPreviewSchema,
    handle: ({ user, query, req, res }) => {
      res.set('Cache-Control', 'no-store');
      return playlistImports.preview(String(user.id), bytesOf(req), query);
    },
  });

  routes.post('/playlist-imports/confirm', {
    summary: 'Store a preview (kept an hour) as a new playlist; confirming it again answers the same one (200).',
    auth: 'signed-in',
    limit: writeRateLimit(c),
    body: PlaylistImportConfirmSchema,
    // 201 for a new playlist, 200 when the same import was confirmed before.
    status: 201,
    statuses: [200],
    response: PlaylistViewSchema,
    handle: async ({ user, body }) => {
      const { view, created } = await playlistImports.confirm(String(user.id), body);
      return createdOrFound(created, view);
    },
  });

  for (const format of ['jspf', 'csv'] as const satisfies PlaylistExportFormat[]) {
    routes.get(`/playlists/:id/export.${format}`, {
      summary: `Download a playlist you can see as ${format.toUpperCase()} (link-only ones need ?token=).`,
      params: PlaylistParamsSchema,
      query: PlaylistReadQuerySchema,
      produces: format === 'jspf' ? 'application/jspf+json' : 'text/csv',
      handle: async ({ params, query, viewerId, res }) => {
        const file = await playlistExports.exportFile(params.id, viewerId, query.token, format);
        res.set('Cache-Control', 'private, no-store').attachment(file.filename).type(file.contentType).send(file.body);
      },
    });
  }

  return router;
}
