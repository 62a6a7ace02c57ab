import type { Request, RequestHandler } from 'express';
import type { Container } from '../container';
import { byIp, rateLimit } from './rate-limit';

/** Keys a limit on the signed-in account, falling back to the address for anonymous callers. */
const byAccount = (req: Request): string => (req.session ? `user:${req.session.userId}` : `ip:${byIp(req)}`);

/**
 * One per-account budget shared by every content write (ratings, reviews, comments, likes,
 * diary entries), so a script behind many addresses still cannot flood one account's output.
 */
export function writeRateLimit(c: Container): RequestHandler {
  return rateLimit(c.rateLimiter, { name: 'write-user', max: c.config.WRITE_RATE_USER_MAX, windowSeconds: c.config.WRITE_RATE_WINDOW_SECONDS, key: byAccount });
}
