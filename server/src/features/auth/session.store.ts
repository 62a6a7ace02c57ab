import type { Redis } from 'ioredis';
import { randomToken, sha256 } from '../../lib/ids';

export interface Session {
  /** sha256 of the cookie value; the raw id never reaches Redis or logs. */
  hash: string;
  userId: string;
  csrfToken: string;
  createdAt: number;
  absoluteExpiresAt: number;
}

export interface SessionStoreOptions {
  prefix: string;
  idleSeconds: number;
  absoluteSeconds: number;
}

/**
 * Server-side sessions in Redis: 256-bit random ids, idle expiry (sliding TTL) and absolute
 * expiry, plus a per-user index so that every session of a user can be ended at once.
 */
export class SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly options: SessionStoreOptions,
  ) {}

  /** Creates a session and returns the raw id for the cookie. */
  async create(userId: string): Promise<{ id: string; session: Session }> {
    const id = randomToken(32);
    const now = Date.now();
    const session: Session = {
      hash: sha256(id),
      userId,
      csrfToken: randomToken(32),
      createdAt: now,
      absoluteExpiresAt: now + this.options.absoluteSeconds * 1000,
    };
    await this.redis
      .multi()
      .set(this.key(session.hash), JSON.stringify(session), 'EX', this.ttlFor(session, now))
      .sadd(this.userKey(userId), session.hash)
      .expire(this.userKey(userId), this.options.absoluteSeconds)
      .exec();
    return { id, session };
  }

  /** Finds a live session by the raw cookie value and slides its idle expiry. */
  async get(id: string): Promise<Session | null> {
    if (!id || id.length > 128) return null;
    const hash = sha256(id);
    // Read and slide the idle expiry in one round trip; the absolute limit is checked after.
    const raw = await this.redis.getex(this.key(hash), 'EX', this.options.idleSeconds);
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    const now = Date.now();
    if (now >= session.absoluteExpiresAt) {
      await this.destroyByHash(session.userId, hash);
      return null;
    }
    const ttl = this.ttlFor(session, now);
    if (ttl < this.options.idleSeconds) await this.redis.expire(this.key(hash), ttl);
    return session;
  }

  async destroyByHash(userId: string, hash: string): Promise<void> {
    await this.redis.multi().del(this.key(hash)).srem(this.userKey(userId), hash).exec();
  }

  /** Ends every session of a user except, optionally, one; returns the hashes ended. */
  async destroyAllForUser(userId: string, exceptHash?: string): Promise<string[]> {
    const hashes = (await this.redis.smembers(this.userKey(userId))).filter((h) => h !== exceptHash);
    if (hashes.length) {
      await this.redis
        .multi()
        .del(...hashes.map((h) => this.key(h)))
        .srem(this.userKey(userId), ...hashes)
        .exec();
    }
    return hashes;
  }

  private ttlFor(session: Session, now: number): number {
    const absoluteLeft = Math.ceil((session.absoluteExpiresAt - now) / 1000);
    return Math.max(1, Math.min(this.options.idleSeconds, absoluteLeft));
  }

  private key(hash: string): string {
    return `${this.options.prefix}session:${hash}`;
  }

  private userKey(userId: string): string {
    return `${this.options.prefix}user-sessions:${userId}`;
  }
}
