import type { CookieOptions, RequestHandler, Response } from 'express';
import type { Session, SessionStore } from '../features/auth/session.store';
import type { UserRow } from '../features/auth/users.repo';
import { AppError } from '../lib/app-error';
import { cookieNames, readCookies } from './cookies';

declare module 'express-serve-static-core' {
  interface Request {
    session: Session | null;
    user?: UserRow;
  }
}

export interface SessionCookieOptions {
  secure: boolean;
  absoluteSeconds: number;
}

/** Cookie settings for the session: HttpOnly, SameSite=Lax, Secure and __Host- over https. */
export function sessionCookieOptions(opts: SessionCookieOptions): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: opts.secure, path: '/', maxAge: opts.absoluteSeconds * 1000 };
}

/** Sets or clears the session cookie on a response. */
export function setSessionCookie(res: Response, id: string | null, opts: SessionCookieOptions): void {
  const { session } = cookieNames(opts.secure);
  if (id) res.cookie(session, id, sessionCookieOptions(opts));
  else res.clearCookie(session, { ...sessionCookieOptions(opts), maxAge: undefined });
}

/** Attaches the live session (or null) to every request. */
export function loadSession(store: SessionStore, secure: boolean): RequestHandler {
  const { session: name } = cookieNames(secure);
  return async (req, _res, next) => {
    try {
      const id = readCookies(req)[name];
      req.session = id ? await store.get(id) : null;
      next();
    } catch (err) {
      next(err);
    }
  };
}

/** Lets the request through only with a live session whose account still exists. */
export function requireAuth(findUser: (session: Session) => Promise<UserRow | null>): RequestHandler {
  return async (req, _res, next) => {
    try {
      if (!req.session) throw AppError.unauthenticated();
      const user = await findUser(req.session);
      if (!user) throw AppError.unauthenticated('Your session has ended. Sign in again.');
      req.user = user;
      next();
    } catch (err) {
      next(err);
    }
  };
}

/** Lets only admins through (after requireAuth). */
export const requireAdmin: RequestHandler = (req, _res, next) => {
  next(req.user?.role === 'admin' ? undefined : AppError.forbidden('admin_only', 'Only administrators can do that.'));
};
