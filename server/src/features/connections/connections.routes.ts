import { Router, type Request, type Response } from 'express';
import {
  AppleCallbackQuerySchema,
  AppleDeveloperTokenSchema,
  ConnectionListSchema,
  ProviderParamsSchema,
  SessionResponseSchema,
  SpotifyCallbackQuerySchema,
  SpotifyPendingSchema,
  SpotifySignupSchema,
  type ConnectionList,
  type ProviderName,
} from '@muse/shared';
import type { Container } from '../../container';
import { readCookies } from '../../http/cookies';
import { byIp, rateLimit } from '../../http/rate-limit';
import { createRoutes } from '../../http/route';
import { setSessionCookie } from '../../http/session-middleware';
import { spotifyRedirectUrl } from '../../providers/provider-config';
import { presentSession } from '../../http/presenters/auth.presenter';
import { OAUTH_TTL_SECONDS, type CallbackOutcome } from './spotify-sign-in';

const PROVIDERS: ProviderName[] = ['spotify', 'apple'];

/** Cookie names; the __Host- prefix over https pins them to this origin. */
function oauthCookieNames(secure: boolean) {
  const prefix = secure ? '__Host-' : '';
  // One round-trip cookie per service, so connecting Spotify and Apple Music in two tabs at once does not break either.
  return {
    flow: { spotify: `${prefix}muse_oauth_spotify`, apple: `${prefix}muse_oauth_apple` } satisfies Record<ProviderName, string>,
    pending: `${prefix}muse_oauth_pending`,
  };
}

/**
 * Sign in with Spotify (`/api/auth/spotify`, its callback, the handle choice of someone new) and
 * the signed-in user's connections (list, connect Apple Music, disconnect).
 */
export function createConnectionsRouter(c: Container): Router {
  const router = Router();
  const { connections, spotifySignIn } = c.services;
  const routes = createRoutes(router, c.services.routes);
  const names = oauthCookieNames(c.secureCookies);
  const shortCookie = { httpOnly: true, sameSite: 'lax' as const, secure: c.secureCookies, path: '/', maxAge: OAUTH_TTL_SECONDS * 1000 };
  const session = { secure: c.secureCookies, absoluteSeconds: c.config.SESSION_ABSOLUTE_DAYS * 24 * 3600 };
  const authLimit = rateLimit(c.rateLimiter, {
    name: 'auth-ip',
    max: c.config.LOGIN_RATE_IP_MAX,
    windowSeconds: c.config.LOGIN_RATE_WINDOW_SECONDS,
    key: byIp,
  });
  const appOrigin = c.config.PUBLIC_URL ?? spotifyRedirectUrl(c.config);
  const appleCallback = new URL('/api/connections/apple/callback', appOrigin).toString();
  const noStore = (res: Response) => res.set('Cache-Control', 'no-store');

  const finish = (provider: ProviderName, res: Response, outcome: CallbackOutcome) => {
    res.clearCookie(names.flow[provider], { ...shortCookie, maxAge: undefined });
    if (outcome.kind === 'signed-in') setSessionCookie(res, outcome.signedIn.sessionId, session);
    if (outcome.kind === 'signup') res.cookie(names.pending, outcome.pendingSecret, shortCookie);
    noStore(res);
    res.redirect(303, outcome.redirect);
  };

  const startSpotify = async (req: Request, res: Response) => {
    const start = await spotifySignIn.startSpotify(req.session?.userId ?? null);
    res.cookie(names.flow.spotify, start.browserSecret, shortCookie);
    noStore(res);
    res.redirect(303, start.url);
  };

  // 404 when the service is not configured on this server.
  routes.get('/auth/spotify', { limit: authLimit, problems: [404], handle: ({ req, res }) => startSpotify(req, res) });
  routes.get('/connections/spotify/start', {
    auth: 'signed-in',
    limit: authLimit,
    problems: [404],
    handle: ({ req, res }) => startSpotify(req, res),
  });

  routes.get('/auth/spotify/callback', {
    limit: authLimit,
    query: SpotifyCallbackQuerySchema,
    handle: async ({ query, req, res }) => finish('spotify', res, await spotifySignIn.finishSpotify(query, readCookies(req)[names.flow.spotify], req.session)),
  });

  routes.get('/auth/spotify/pending', {
    response: SpotifyPendingSchema,
    handle: async ({ req, res }) => {
      noStore(res);
      return spotifySignIn.pending(readCookies(req)[names.pending]);
    },
  });

  routes.post('/auth/spotify/complete', {
    limit: authLimit,
    body: SpotifySignupSchema,
    status: 201,
    response: SessionResponseSchema,
    handle: async ({ body, req, res }) => {
      const signedIn = await spotifySignIn.completeSignup(readCookies(req)[names.pending], body);
      res.clearCookie(names.pending, { ...shortCookie, maxAge: undefined });
      setSessionCookie(res, signedIn.sessionId, session);
      return presentSession(signedIn.user, signedIn.session.csrfToken);
    },
  });

  routes.get('/connections/apple/start', {
    auth: 'signed-in',
    problems: [404],
    handle: async ({ user, res }) => {
      const start = await spotifySignIn.startApple(String(user.id), appleCallback);
      res.cookie(names.flow.apple, start.browserSecret, shortCookie);
      noStore(res);
      res.redirect(303, start.url);
    },
  });

  // MusicKit JS (the /connect/apple page, with real Apple credentials) needs the app's developer token in
  // the browser to ask the listener for a Music-User-Token; it is app-level and short-lived, never a user's.
  routes.get('/connections/apple/developer-token', {
    auth: 'signed-in',
    problems: [404],
    limit: authLimit,
    response: AppleDeveloperTokenSchema,
    handle: async ({ res }) => {
      noStore(res);
      return spotifySignIn.appleDeveloperToken();
    },
  });

  routes.get('/connections/apple/callback', {
    auth: 'signed-in',
    query: AppleCallbackQuerySchema,
    handle: async ({ query, req, res }) => finish('apple', res, await spotifySignIn.finishApple(query, readCookies(req)[names.flow.apple], req.session)),
  });

  routes.get('/connections', {
    auth: 'signed-in',
    response: ConnectionListSchema,
    handle: async ({ user, res }): Promise<ConnectionList> => {
      noStore(res);
      return { items: await connections.list(String(user.id)), available: PROVIDERS.filter((p) => connections.available(p)) };
    },
  });

  routes.delete('/connections/:provider', {
    auth: 'signed-in',
    params: ProviderParamsSchema,
    handle: async ({ user, params }) => {
      await connections.disconnect(String(user.id), params.provider);
    },
  });

  return router;
}
