import { AppError } from '../../lib/app-error';
import { sha256 } from '../../lib/ids';
import type { RateLimiter } from '../../lib/rate-limiter';

/**
 * Whose failures a sign-in attempt counts against: the resolved account when the identifier
 * names one (so its handle and its email share one budget), else the identifier as the lookup
 * normalises it (trimmed, case-folded).
 */
export type LoginSubject = { userId: string } | { identifier: string };

/**
 * Failed sign-ins counted per account *and* address. Keying on both means an attacker who
 * hammers an account slows only themselves: the owner, elsewhere, can still sign in, so the
 * limit cannot be used to lock anyone out. Guessing from many addresses is bounded by the
 * per-address limit on every attempt and by refusing common passwords.
 */
export class LoginThrottle {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly max: number,
    private readonly windowSeconds: number,
  ) {}

  private key(subject: LoginSubject, ip: string): string {
    const who = 'userId' in subject ? `user:${subject.userId}` : `name:${subject.identifier.trim().toLowerCase()}`;
    return `login-fail:${sha256(`${who}|${ip}`)}`;
  }

  /** Throws 429 when this account has seen too many failures from this address. */
  async assertAllowed(subject: LoginSubject, ip: string): Promise<void> {
    const state = await this.limiter.peek(this.key(subject, ip), this.max);
    if (!state.allowed) throw AppError.rateLimited(state.retryAfterSeconds);
  }

  /** Counts one failed sign-in against the account from this address. */
  async recordFailure(subject: LoginSubject, ip: string): Promise<void> {
    await this.limiter.hit(this.key(subject, ip), this.max, this.windowSeconds);
  }

  /** Forgets the failures after a successful sign-in. */
  async reset(subject: LoginSubject, ip: string): Promise<void> {
    await this.limiter.reset(this.key(subject, ip));
  }
}
