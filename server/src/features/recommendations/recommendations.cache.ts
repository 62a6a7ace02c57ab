import type { Redis } from 'ioredis';
import type { RecItemKind } from './recommendations.repo';

/** Where a pick came from: the collaborative/content model, or the popular list (new accounts). */
export type PickSource = 'model' | 'similar' | 'popular';

/** One cached pick: item id, score, the user's own items behind it (ids, best first), and its source. */
export interface CachedPick {
  id: string;
  score: number;
  because: string[];
  source: PickSource;
}

/** A user's cached list of one kind. */
export interface CachedList {
  /** The rebuild that made it (or `refresh` / `cold` for one user's own computation). */
  version: string;
  computedAt: string;
  picks: CachedPick[];
}

/** How a list is stored: short keys and one tuple per pick (100k users' lists stay around 150 MB). */
interface StoredList {
  v: string;
  at: string;
  p: [id: string, because: string[], source: 'm' | 's' | 'p'][];
}

const SOURCE_CODE = { model: 'm', similar: 's', popular: 'p' } as const;
const SOURCE_OF = { m: 'model', s: 'similar', p: 'popular' } as const;

function encodeList(list: CachedList): string {
  const stored: StoredList = { v: list.version, at: list.computedAt, p: list.picks.map((pick) => [pick.id, pick.because, SOURCE_CODE[pick.source]]) };
  return JSON.stringify(stored);
}

function decodeList(raw: string): CachedList {
  const stored = JSON.parse(raw) as StoredList;
  // Scores are not stored: the order of the list is what the reader needs.
  return {
    version: stored.v,
    computedAt: stored.at,
    picks: stored.p.map(([id, because, source], n) => ({ id, score: stored.p.length - n, because, source: SOURCE_OF[source] })),
  };
}

/** How long one kind's part of the last full rebuild took: training (reading included), then scoring and writing every list. */
export interface RebuildPhase {
  kind: RecItemKind;
  users: number;
  items: number;
  trainSeconds: number;
  listsSeconds: number;
}

/** Lists are kept a week: a rebuild rewrites them well before, a user gone quiet loses theirs. */
const LIST_TTL_SECONDS = 7 * 24 * 3600;

/**
 * Recommendations in Redis: each user's lists (albums and tracks), each album's similar albums,
 * the popular lists and the version of the last full rebuild. Values are JSON strings.
 */
export class RecommendationsCache {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private listKey(userId: string, kind: RecItemKind): string {
    return `${this.prefix}recs:user:${userId}:${kind}`;
  }

  private similarKey(albumId: string): string {
    return `${this.prefix}recs:similar:${albumId}`;
  }

  private popularKey(kind: RecItemKind): string {
    return `${this.prefix}recs:popular:${kind}`;
  }

  private versionKey(): string {
    return `${this.prefix}recs:version`;
  }

  private rebuildKey(): string {
    return `${this.prefix}recs:rebuild`;
  }

  async getList(userId: string, kind: RecItemKind): Promise<CachedList | null> {
    const raw = await this.redis.get(this.listKey(userId, kind));
    return raw ? decodeList(raw) : null;
  }

  async setList(userId: string, kind: RecItemKind, list: CachedList): Promise<void> {
    await this.redis.set(this.listKey(userId, kind), encodeList(list), 'EX', LIST_TTL_SECONDS);
  }

  /** Writes many lists in one round trip. */
  async setLists(entries: { userId: string; kind: RecItemKind; list: CachedList }[]): Promise<void> {
    if (!entries.length) return;
    const pipeline = this.redis.pipeline();
    for (const e of entries) pipeline.set(this.listKey(e.userId, e.kind), encodeList(e.list), 'EX', LIST_TTL_SECONDS);
    await pipeline.exec();
  }

  /** Several users' lists of one kind at once (null where none). */
  async getLists(userIds: string[], kind: RecItemKind): Promise<(CachedList | null)[]> {
    if (!userIds.length) return [];
    const raws = await this.redis.mget(userIds.map((u) => this.listKey(u, kind)));
    return raws.map((raw) => (raw ? decodeList(raw) : null));
  }

  async getSimilar(albumId: string): Promise<string[] | null> {
    const raw = await this.redis.get(this.similarKey(albumId));
    return raw ? (JSON.parse(raw) as string[]) : null;
  }

  async getSimilarMany(albumIds: string[]): Promise<(string[] | null)[]> {
    if (!albumIds.length) return [];
    const raws = await this.redis.mget(albumIds.map((a) => this.similarKey(a)));
    return raws.map((raw) => (raw ? (JSON.parse(raw) as string[]) : null));
  }

  async setSimilarMany(entries: { albumId: string; similar: string[] }[]): Promise<void> {
    if (!entries.length) return;
    const pipeline = this.redis.pipeline();
    for (const e of entries) pipeline.set(this.similarKey(e.albumId), JSON.stringify(e.similar), 'EX', LIST_TTL_SECONDS);
    await pipeline.exec();
  }

  async getPopular(kind: RecItemKind): Promise<string[] | null> {
    const raw = await this.redis.get(this.popularKey(kind));
    return raw ? (JSON.parse(raw) as string[]) : null;
  }

  async setPopular(kind: RecItemKind, ids: string[]): Promise<void> {
    await this.redis.set(this.popularKey(kind), JSON.stringify(ids), 'EX', LIST_TTL_SECONDS);
  }

  async version(): Promise<string | null> {
    return this.redis.get(this.versionKey());
  }

  async setVersion(version: string): Promise<void> {
    await this.redis.set(this.versionKey(), version);
  }

  /** The phases of the last full rebuild (written just before its version), or null before any. */
  async rebuildPhases(): Promise<RebuildPhase[] | null> {
    const raw = await this.redis.get(this.rebuildKey());
    return raw ? (JSON.parse(raw) as RebuildPhase[]) : null;
  }

  async setRebuildPhases(phases: RebuildPhase[]): Promise<void> {
    await this.redis.set(this.rebuildKey(), JSON.stringify(phases));
  }
}
