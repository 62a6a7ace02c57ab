import { Router, type Response } from 'express';
import { ChangePasswordSchema, CsrfResponseSchema, DeleteAccountSchema, LoginSchema, RegisterSchema, SessionResponseSchema } from '@muse/shared';
import type { Container } from '../../container';
import { byIp, rateLimit } from '../../http/rate-limit';
import { createRoutes } from '../../http/route';
import { setSessionCookie } from '../../http/session-middleware';
import { issueCsrfToken } from '../../http/csrf';
import { presentSession } from '../../http/presenters/auth.presenter';
import type { SignedIn } from './auth.service';

/** Sign-up, sign-in, sign-out and the signed-in user's own account. */
export function createAuthRouter(c: Container): Router {
  const router = Router();
  const { auth } = c.services;
  const routes = createRoutes(router, c.services.routes);
  const cookie = { secure: c.secureCookies, absoluteSeconds: c.config.SESSION_ABSOLUTE_DAYS * 24 * 3600 };
  // Every route that runs argon2 shares one per-address budget.
  const authLimit = rateLimit(c.rateLimiter, {
    name: 'auth-ip',
    max: c.config.LOGIN_RATE_IP_MAX,
    windowSeconds: c.config.LOGIN_RATE_WINDOW_SECONDS,
    key: byIp,
  });
  const signIn = (res: Response, result: SignedIn) => {
    setSessionCookie(res, result.sessionId, cookie);
    return presentSession(result.user, result.session.csrfToken);
  };

  const csrfToken = issueCsrfToken(c.secureCookies);
  routes.get('/csrf', {
    summary: "The CSRF token writes carry: the session's, or signed out a fresh one also set as a cookie",
    response: CsrfResponseSchema,
    handle: ({ req, res }) => void csrfToken(req, res, () => undefined),
  });

  routes.post('/auth/register', {
    summary: 'Create an account with a password and sign in; answers the session (201).',
    limit: authLimit,
    body: RegisterSchema,
    status: 201,
    response: SessionResponseSchema,
    handle: async ({ body, res }) => signIn(res, await auth.register(body)),
  });

  routes.post('/auth/login', {
    summary: 'Sign in by handle or email and password; a suspended account gets 403, a previous session ends.',
    limit: authLimit,
    body: LoginSchema,
    response: SessionResponseSchema,
    problems: [401],
    handle: async ({ body, req, res }) => signIn(res, await auth.login(body, req.session, byIp(req))),
  });

  routes.post('/auth/logout', {
    summary: 'Sign out: ends this session, if any, and clears its cookie (204 either way).',
    status: 204,
    handle: async ({ req, res }) => {
      if (req.session) await auth.logout(req.session);
      setSessionCookie(res, null, cookie);
    },
  });

  routes.get('/me', {
    summary: "The signed-in account and its session's CSRF token.",
    auth: 'signed-in',
    response: SessionResponseSchema,
    handle: ({ user, req, res }) => {
      res.set('Cache-Control', 'no-store');
      return presentSession(user, req.session!.csrfToken);
    },
  });

  routes.post('/me/password', {
    summary:
      'Change the password (the current one required), or set the first one of an account made by Sign in with Spotify; every session ends and this browser gets a new one.',
    auth: 'signed-in',
    limit: authLimit,
    body: ChangePasswordSchema,
    response: SessionResponseSchema,
    handle: async ({ user, body, req, res }) => signIn(res, await auth.changePassword(user, req.session!, body)),
  });

  routes.delete('/me', {
    summary: 'Delete the account and everything of it (its password required, or its handle when it has none), and sign out.',
    auth: 'signed-in',
    limit: authLimit,
    body: DeleteAccountSchema,
    status: 204,
    handle: async ({ user, body, res }) => {
      await auth.deleteAccount(user, body);
      setSessionCookie(res, null, cookie);
    },
  });

  return router;
}
