import { AppError } from '../../lib/app-error';
import { sha256 } from '../../lib/ids';
import type { RateLimiter } from '../../lib/rate-limiter';

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

  private key(identifier: string, ip: string): string {
    return `login-fail:${sha256(`${identifier.trim().toLowerCase()}|${ip}`)}`;
  }

  /** Throws 429 when this account has seen too many failures from this address. */
  async assertAllowed(identifier: string, ip: string): Promise<void> {
    const state = await this.limiter.peek(this.key(identifier, ip), this.max);
    if (!state.allowed) throw AppError.rateLimited(state.retryAfterSeconds);
  }

  async recordFailure(identifier: string, ip: string): Promise<void> {
    await this.limiter.hit(this.key(identifier, ip), this.max, this.windowSeconds);
  }

  async reset(identifier: string, ip: string): Promise<void> {
    await this.limiter.reset(this.key(identifier, ip));
  }
}
