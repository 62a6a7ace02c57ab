import { Router, type Response } from 'express';
import { ChangePasswordSchema, DeleteAccountSchema, LoginSchema, RegisterSchema } from '@muse/shared';
import type { ChangePasswordInput, DeleteAccountInput, LoginInput, RegisterInput } from '@muse/shared';
import type { Container } from '../../container';
import { byIp, rateLimit } from '../../http/rate-limit';
import { requireAuth, setSessionCookie } from '../../http/session-middleware';
import { validate, validBody } from '../../http/validate';
import { issueCsrfToken } from '../../http/csrf';
import { presentSession } from './auth.presenter';
import type { SignedIn } from './auth.service';

/** Sign-up, sign-in, sign-out and the signed-in user's own account. */
export function createAuthRouter(c: Container): Router {
  const router = Router();
  const { auth } = c.services;
  const cookie = { secure: c.secureCookies, absoluteSeconds: c.config.SESSION_ABSOLUTE_DAYS * 24 * 3600 };
  // Every route that runs argon2 shares one per-address budget.
  const authLimit = rateLimit(c.rateLimiter, { name: 'auth-ip', max: c.config.LOGIN_RATE_IP_MAX, windowSeconds: c.config.LOGIN_RATE_WINDOW_SECONDS, key: byIp });
  const signedIn = requireAuth((session) => auth.currentUser(session));
  const respond = (res: Response, status: number, result: SignedIn) => {
    setSessionCookie(res, result.sessionId, cookie);
    res.status(status).json(presentSession(result.user, result.session.csrfToken));
  };

  router.get('/csrf', issueCsrfToken(c.secureCookies));

  router.post('/auth/register', authLimit, validate({ body: RegisterSchema }), async (req, res) => {
    respond(res, 201, await auth.register(validBody<RegisterInput>(req)));
  });

  router.post('/auth/login', authLimit, validate({ body: LoginSchema }), async (req, res) => {
    respond(res, 200, await auth.login(validBody<LoginInput>(req), req.session, byIp(req)));
  });

  router.post('/auth/logout', async (req, res) => {
    if (req.session) await auth.logout(req.session);
    setSessionCookie(res, null, cookie);
    res.status(204).end();
  });

  router.get('/me', signedIn, (req, res) => {
    res.set('Cache-Control', 'no-store').json(presentSession(req.user!, req.session!.csrfToken));
  });

  router.post('/me/password', authLimit, signedIn, validate({ body: ChangePasswordSchema }), async (req, res) => {
    respond(res, 200, await auth.changePassword(req.user!, req.session!, validBody<ChangePasswordInput>(req)));
  });

  router.delete('/me', authLimit, signedIn, validate({ body: DeleteAccountSchema }), async (req, res) => {
    await auth.deleteAccount(req.user!, validBody<DeleteAccountInput>(req).password);
    setSessionCookie(res, null, cookie);
    res.status(204).end();
  });

  return router;
}
