import type { Request, RequestHandler } from 'express';
import { AppError } from '../lib/app-error';
import type { RateLimiter } from '../lib/rate-limiter';

export interface RateLimitRule {
  name: string;
  max: number;
  windowSeconds: number;
  key: (req: Request) => string;
}

/** Counts each request against a Redis fixed-window rule; over the limit answers 429 + Retry-After. */
export function rateLimit(limiter: RateLimiter, rule: RateLimitRule): RequestHandler {
  return async (req, _res, next) => {
    try {
      const result = await limiter.hit(`${rule.name}:${rule.key(req)}`, rule.max, rule.windowSeconds);
      next(result.allowed ? undefined : AppError.rateLimited(result.retryAfterSeconds));
    } catch (err) {
      next(err);
    }
  };
}

/** The client address as Express resolved it (honouring TRUST_PROXY). */
export const byIp = (req: Request): string => req.ip ?? 'unknown';
