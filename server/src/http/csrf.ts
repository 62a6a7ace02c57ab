import type { RequestHandler } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { CSRF_HEADER } from '@muse/shared';
import { AppError } from '../lib/app-error';
import { randomToken } from '../lib/ids';
import { cookieNames, readCookies } from './cookies';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function same(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Requires the CSRF header on every state-changing request: signed in, it must equal the token
 * bound to the session; signed out, it must equal the HttpOnly token cookie that GET /api/csrf set.
 */
export function requireCsrf(secure: boolean): RequestHandler {
  const { csrf: cookieName } = cookieNames(secure);
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const header = req.get(CSRF_HEADER);
    const expected = req.session ? req.session.csrfToken : readCookies(req)[cookieName];
    if (same(header, expected)) return next();
    next(AppError.forbidden('csrf_invalid', 'The CSRF token is missing or stale. Reload the page and try again.'));
  };
}

/** Answers GET /api/csrf: the session's token, or a fresh anonymous one set as a cookie. */
export function issueCsrfToken(secure: boolean): RequestHandler {
  const { csrf: cookieName } = cookieNames(secure);
  return (req, res) => {
    if (req.session) return void res.json({ csrfToken: req.session.csrfToken });
    const existing = readCookies(req)[cookieName];
    const token = existing && /^[A-Za-z0-9_-]{43}$/.test(existing) ? existing : randomToken(32);
    res.cookie(cookieName, token, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
    res.set('Cache-Control', 'no-store').json({ csrfToken: token });
  };
}
