import express, { type Express } from 'express';
import helmet, { strictTransportSecurity } from 'helmet';
import cors from 'cors';
import { pinoHttp } from 'pino-http';
import fs from 'node:fs';
import path from 'node:path';
import type { Container } from '../container';
import { createAdminRouter } from '../features/admin/admin.routes';
import { createAuthRouter } from '../features/auth/auth.routes';
import { createChartsRouter } from '../features/charts/charts.routes';
import { createImportsRouter, importsJsonParser } from '../features/imports/imports.routes';
import { createExportsRouter } from '../features/exports/exports.routes';
import { createHealthRouter } from '../features/health/health.routes';
import { createArtistsRouter } from '../features/artists/artists.routes';
import { createSearchRouter } from '../features/search/search.routes';
import { createAlbumsRouter } from '../features/albums/albums.routes';
import { createOpinionsRouter } from '../features/opinions/opinions.routes';
import { createTracksRouter } from '../features/tracks/tracks.routes';
import { createDiaryRouter } from '../features/diary/diary.routes';
import { createRatingsRouter } from '../features/ratings/ratings.routes';
import { createReviewsRouter } from '../features/reviews/reviews.routes';
import { createNotificationsRouter } from '../features/notifications/notifications.routes';
import { createFollowsRouter } from '../features/follows/follows.routes';
import { createBlocksRouter } from '../features/blocks/blocks.routes';
import { createProfilesRouter } from '../features/profiles/profiles.routes';
import { createFeedRouter } from '../features/feed/feed.routes';
import { createMutesRouter } from '../features/mutes/mutes.routes';
import { createRecommendationsRouter } from '../features/recommendations/recommendations.routes';
import { createNotificationPreferencesRouter } from '../features/notifications/notification-preferences.routes';
import { createModerationRouter } from '../features/moderation/moderation.routes';
import { createAggregateTrustRouter } from '../features/aggregate-trust/aggregate-trust.routes';
import { createListenLaterRouter } from '../features/listen-later/listen-later.routes';
import { createPlaylistsRouter } from '../features/playlists/playlists.routes';
import { createPlaylistFilesRouter, PLAYLIST_PREVIEW_PATH, playlistFileBodyParser } from '../features/playlist-files/playlist-files.routes';
import { createArtworkRouter } from '../features/artwork/artwork.routes';
import { createPreviewsRouter } from '../features/previews/previews.routes';
import { createConnectionsRouter } from '../features/connections/connections.routes';
import { createConversionsRouter } from '../features/conversion/conversions.routes';
import { createServiceImportsRouter } from '../features/service-imports/service-imports.routes';
import { createCatalogEnrichmentRouter } from '../features/catalog-enrichment/catalog-enrichment.routes';
import { createPartiesRouter } from '../features/parties/parties.routes';
import { createOpenApiRouter } from './openapi/openapi.routes';
import { redactRequestLog } from './log-redaction';
import { apiRouters } from './api-routers';
import { compressApi } from './compress-api';
import { requireCsrf } from './csrf';
import { apiNotFound, errorHandler } from './error-handler';
import { byIp, rateLimit } from './rate-limit';
import { requestId } from './request-id';
import { runWithRequestId } from '../lib/request-context';
import { loadSession } from './session-middleware';
import { serveWebApp } from './web-app';
import { httpMetrics, recordRouteTemplates } from '../observability/http-metrics';
import { createMetricsRouter } from '../observability/metrics-endpoint';

/** Where the built SPA lives: WEB_DIST_DIR, else web/dist beside the server package. */
export function resolveWebDist(configured?: string): string | null {
  const candidates = configured ? [configured] : [path.resolve(__dirname, '../../web/dist'), path.resolve(__dirname, '../../../web/dist')];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html'))) ?? null;
}

/** Builds the Express app: security headers, logging, sessions, CSRF, API routes, SPA. */
export function createApp(c: Container): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', c.config.TRUST_PROXY);
  app.set('query parser', 'simple');
  recordRouteTemplates(app);
  app.use(httpMetrics(c.metrics));

  app.use(
    pinoHttp({
      logger: c.logger,
      genReqId: requestId,
      // OAuth callbacks carry codes and Music-User-Tokens in their query.
      serializers: { req: redactRequestLog },
      // A 4xx is the client's business (a signed-out GET /api/me is normal); only 5xx are errors.
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    }),
  );
  app.use((req, _res, next) => runWithRequestId(String(req.id), next));
  // With real Apple credentials the /connect/apple page runs MusicKit JS from Apple's CDN, which talks to Apple's API.
  const musicKit = c.providers.setup.apple?.mode === 'real';
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'", ...(musicKit ? ['https://js-cdn.music.apple.com'] : [])],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'https:'],
          // howler releases a finished clip's audio element by pointing it at a tiny data: WAV.
          'media-src': ["'self'", 'https:', 'blob:', 'data:'],
          'connect-src': ["'self'", ...(musicKit ? ['https://*.apple.com'] : [])],
          'frame-src': ["'self'", ...(musicKit ? ['https://*.apple.com'] : [])],
          'font-src': ["'self'", 'data:'],
          // No page of Muse is meant to be shown inside another site's frame (clickjacking).
          'frame-ancestors': ["'none'"],
          'upgrade-insecure-requests': c.secureCookies ? [] : null,
        },
      },
      xFrameOptions: { action: 'deny' },
      strictTransportSecurity: false,
    }),
  );
  // HSTS whenever the browser reached Muse over https: PUBLIC_URL says so, or a trusted proxy (TRUST_PROXY) does.
  const hsts = strictTransportSecurity();
  app.use((req, res, next) => (c.secureCookies || req.secure ? hsts(req, res, next) : next()));
  app.use(
    '/api',
    cors({
      origin: (origin, cb) => cb(null, !origin || c.config.CORS_ORIGINS.includes(origin)),
      credentials: true,
    }),
  );

  app.use(createHealthRouter(c));
  app.use(createMetricsRouter(c.metrics, c.config.METRICS_TOKEN));
  app.use('/api', compressApi());

  app.use('/api', rateLimit(c.rateLimiter, { name: 'api-ip', max: c.config.API_RATE_IP_MAX, windowSeconds: c.config.API_RATE_WINDOW_SECONDS, key: byIp }));
  // Covers are public and immutable: served before sessions are loaded, so an image costs no session read.
  app.use('/api/artwork', createArtworkRouter(c));
  app.use('/api', loadSession(c.sessions, c.secureCookies));
  // Preview clips (GET only) right after the session: a playing clip's range requests skip every other router.
  app.use('/api', createPreviewsRouter(c));
  // Only signed-in users may make the server read a large import body.
  app.use('/api/imports', (req, res, next) => (req.session ? importsJsonParser(req, res, next) : next()));
  app.use(PLAYLIST_PREVIEW_PATH, playlistFileBodyParser);
  app.use('/api', express.json({ limit: c.config.BODY_LIMIT, strict: true }));
  app.use('/api', requireCsrf(c.secureCookies));
  // Every feature router, in the order Express would try them; a request walks only those that
  // have a route for its first path segment (see api-routers.ts).
  app.use(
    '/api',
    apiRouters([
      ['', createAuthRouter(c)],
      ['', createConnectionsRouter(c)],
      ['', createServiceImportsRouter(c)],
      ['/notifications', createNotificationsRouter(c)],
      ['/me/notification-preferences', createNotificationPreferencesRouter(c)],
      ['', createModerationRouter(c)],
      ['', createAggregateTrustRouter(c)],
      ['/admin', createAdminRouter(c)],
      ['/charts', createChartsRouter(c)],
      ['/imports', createImportsRouter(c)],
      ['/conversions', createConversionsRouter(c)],
      ['', createExportsRouter(c)],
      ['', createAlbumsRouter(c)],
      ['', createOpinionsRouter(c)],
      ['', createTracksRouter(c)],
      ['', createRatingsRouter(c)],
      ['', createReviewsRouter(c)],
      ['', createDiaryRouter(c)],
      ['', createFeedRouter(c)],
      ['', createMutesRouter(c)],
      ['', createRecommendationsRouter(c)],
      ['/search', createSearchRouter(c)],
      ['', createCatalogEnrichmentRouter(c)],
      ['', createFollowsRouter(c)],
      ['', createBlocksRouter(c)],
      ['', createProfilesRouter(c)],
      ['', createListenLaterRouter(c)],
      ['', createPlaylistsRouter(c)],
      ['', createPlaylistFilesRouter(c)],
      ['/artists', createArtistsRouter(c)],
      ['', createPartiesRouter(c)],
      ['', createOpenApiRouter(c)],
    ]),
  );
  app.use('/api', apiNotFound);

  const webDist = resolveWebDist(c.config.WEB_DIST_DIR);
  if (webDist) {
    app.use(serveWebApp(webDist));
  } else {
    c.logger.warn('web/dist not found: the API runs without the web app (run `npm run build -w web`)');
  }

  app.use(errorHandler);
  return app;
}
