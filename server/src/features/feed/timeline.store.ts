import type { Redis } from 'ioredis';
import { CHANGE_MARK_TTL_SECONDS, feedChangeKey, LUA_NOW_MICROS, markFeedChanged } from './feed-page.cache';

/** How many activity ids one timeline keeps; older pages are read from the document store. */
export const TIMELINE_CAP = 1000;
/** A timeline nobody read for this long expires and is rebuilt on the next read. */
const TIMELINE_TTL_SECONDS = 3 * 24 * 3600;
/** Marks a timeline as built even when it holds no activity yet. */
const BUILT = '~built';

// Adds one activity to every timeline that exists; a missing one stays missing, so users who
// never read their feed cost nothing and a partial timeline can never pass for a whole one.
// KEYS come in pairs (timeline, feed change mark): a follower whose timeline took the activity
// is marked changed, so a kept page of their feed is read anew.
const PUSH_SCRIPT = `
${LUA_NOW_MICROS}
local n = 0
for i = 1, #KEYS, 2 do
  if redis.call('EXISTS', KEYS[i]) == 1 then
    redis.call('ZADD', KEYS[i], ARGV[1], ARGV[2])
    redis.call('ZREMRANGEBYRANK', KEYS[i], 0, -(tonumber(ARGV[3]) + 1))
    redis.call('SET', KEYS[i + 1], now, 'EX', ARGV[4])
    n = n + 1
  end
end
return n`;

/** The millisecond time inside a UUIDv7 activity id. */
export function idTime(id: string): number {
  return parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}

export interface TimelinePage {
  ids: string[];
  exhausted: boolean;
}

// Ids of the same millisecond share a score: read a few extra and drop those not older than `before`.
const SAME_MS_SLACK = 16;

function maxScore(before: string | undefined): string {
  return before ? String(idTime(before)) : '+inf';
}

function toPage(members: string[], before: string | undefined, count: number): TimelinePage {
  const ids = members.filter((m) => m !== BUILT && (!before || m < before));
  return { ids: ids.slice(0, count), exhausted: members.length < count + SAME_MS_SLACK && ids.length <= count };
}

export interface TimelineEntry {
  id: string;
  time: number;
}

/**
 * Per-user Redis timelines of activity ids (ZSET `${prefix}timeline:<userId>`, score = time).
 * Ids order like their times, so score then member order is the feed's order.
 */
export class TimelineStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  key(userId: string): string {
    return `${this.prefix}timeline:${userId}`;
  }

  /** Pushes one activity into the timelines of these users that exist; answers how many took it. */
  async push(userIds: string[], entry: TimelineEntry): Promise<number> {
    let pushed = 0;
    for (let i = 0; i < userIds.length; i += 500) {
      const keys = userIds.slice(i, i + 500).flatMap((u) => [this.key(u), feedChangeKey(this.prefix, u)]);
      pushed += Number(await this.redis.eval(PUSH_SCRIPT, keys.length, ...keys, entry.time, entry.id, TIMELINE_CAP, CHANGE_MARK_TTL_SECONDS));
    }
    return pushed;
  }

  /**
   * The first `page` of a feed read and the follow-graph fingerprint the timeline was built
   * for, refreshing both expiries in the same round trip; null when the timeline does not exist
   * (never built, or expired).
   */
  async touchAndPage(userId: string, before: string | undefined, count: number): Promise<{ page: TimelinePage; graph: string | null } | null> {
    const key = this.key(userId);
    const result = await this.redis
      .multi()
      .expire(key, TIMELINE_TTL_SECONDS)
      .zrevrangebyscore(key, maxScore(before), '(-inf', 'LIMIT', 0, count + SAME_MS_SLACK)
      .getex(`${key}:graph`, 'EX', TIMELINE_TTL_SECONDS)
      .exec();
    const [[, existed], [, members], [, graph]] = result as [[Error | null, number], [Error | null, string[]], [Error | null, string | null]];
    return existed === 1 ? { page: toPage(members, before, count), graph } : null;
  }

  /**
   * Makes the timeline exist before it is filled, so fan-outs that run while it is rebuilt
   * land in it; `fill` then adds what the document store already held.
   */
  async open(userId: string, graph: string): Promise<void> {
    const key = this.key(userId);
    await this.redis.multi().zadd(key, '-inf', BUILT).expire(key, TIMELINE_TTL_SECONDS).set(`${key}:graph`, graph, 'EX', TIMELINE_TTL_SECONDS).exec();
  }

  async fill(userId: string, entries: TimelineEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const args = entries.flatMap((e) => [e.time, e.id]);
    await this.redis
      .multi()
      .zadd(this.key(userId), ...args)
      .zremrangebyrank(this.key(userId), 0, -(TIMELINE_CAP + 1))
      .exec();
  }

  /**
   * Up to `count` ids older than `before` (from the newest when absent), newest first;
   * `exhausted` says the timeline holds nothing older than these.
   */
  async page(userId: string, before: string | undefined, count: number): Promise<TimelinePage> {
    const members = await this.redis.zrevrangebyscore(this.key(userId), maxScore(before), '(-inf', 'LIMIT', 0, count + SAME_MS_SLACK);
    return toPage(members, before, count);
  }

  /** Drops a user's timeline (tests and account deletion); the next read rebuilds it. */
  async drop(userId: string): Promise<void> {
    await this.redis.del(this.key(userId), `${this.key(userId)}:graph`);
    await markFeedChanged(this.redis, this.prefix, [userId]);
  }
}
