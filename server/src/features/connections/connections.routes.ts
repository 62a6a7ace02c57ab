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
import { writeRateLimit } from '../../http/write-rate-limit';
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
  routes.get('/auth/spotify', {
    summary: 'Sign in with Spotify: redirects (303) to Spotify; someone signed in connects Spotify instead.',
    limit: authLimit,
    problems: [404],
    status: 303,
    handle: ({ req, res }) => startSpotify(req, res),
  });
  routes.get('/connections/spotify/start', {
    summary: "Connect Spotify to your account: redirects (303) to Spotify's consent page.",
    auth: 'signed-in',
    limit: authLimit,
    problems: [404],
    status: 303,
    handle: ({ req, res }) => startSpotify(req, res),
  });

  routes.get('/auth/spotify/callback', {
    summary: "Spotify's return: signs in the linked account, links a Connect, or sends someone new to pick a handle.",
    limit: authLimit,
    query: SpotifyCallbackQuerySchema,
    status: 303,
    handle: async ({ query, req, res }) => finish('spotify', res, await spotifySignIn.finishSpotify(query, readCookies(req)[names.flow.spotify], req.session)),
  });

  routes.get('/auth/spotify/pending', {
    summary: 'The Spotify identity waiting for a handle (from its cookie): its name and a suggested handle.',
    response: SpotifyPendingSchema,
    handle: async ({ req, res }) => {
      noStore(res);
      return spotifySignIn.pending(readCookies(req)[names.pending]);
    },
  });

  routes.post('/auth/spotify/complete', {
    summary: 'Create the account for the pending Spotify identity with the chosen handle, linked and signed in.',
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
    summary: 'Connect Apple Music to your account: redirects (303) to the MusicKit authorization page.',
    auth: 'signed-in',
    problems: [404],
    status: 303,
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
    summary: "The app's short-lived MusicKit developer token and storefront, for the Apple Music connect page.",
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
    summary: "Apple Music's return: stores the Music-User-Token for whoever started, then redirects (303) to settings.",
    auth: 'signed-in',
    query: AppleCallbackQuerySchema,
    status: 303,
    handle: async ({ query, req, res }) => finish('apple', res, await spotifySignIn.finishApple(query, readCookies(req)[names.flow.apple], req.session)),
  });

  routes.get('/connections', {
    summary: 'Your connected music services, and which services this server offers.',
    auth: 'signed-in',
    response: ConnectionListSchema,
    handle: async ({ user, res }): Promise<ConnectionList> => {
      noStore(res);
      return { items: await connections.list(String(user.id)), available: PROVIDERS.filter((p) => connections.available(p)) };
    },
  });

  routes.delete('/connections/:provider', {
    summary: 'Disconnect a service and forget its tokens; 404 when it was not connected, 409 for Spotify while it is how a password-less account signs in.',
    auth: 'signed-in',
    limit: writeRateLimit(c),
    params: ProviderParamsSchema,
    status: 204,
    problems: [409],
    handle: async ({ user, params }) => {
      await connections.disconnect({ id: String(user.id), hasPassword: user.password_set }, params.provider);
    },
  });

  return router;
}
