import type { Redis } from 'ioredis';
import { ACTIVITY_ALBUMS_TTL_MS } from './activity-lookups.read-model';

/**
 * How long a computed feed page is served when nothing it depends on changed: no longer than an
 * album card is kept (`ACTIVITY_ALBUMS_TTL_MS`), so a catalog correction still reaches feeds
 * within a minute.
 */
export const FEED_PAGE_TTL_SECONDS = ACTIVITY_ALBUMS_TTL_MS / 1000;
/** Pages that merge big accounts' activity on read are kept shorter: a fan-out marks the account, not its followers. */
export const FEED_PAGE_PULLED_TTL_SECONDS = 30;
/** A change mark outlives every page it could make stale. */
export const CHANGE_MARK_TTL_SECONDS = FEED_PAGE_TTL_SECONDS + 60;

/** Lua: Redis' clock in microseconds, as a decimal string (exact in a Lua number up to 2^53). */
export const LUA_NOW_MICROS = `local t = redis.call('TIME')
local now = t[1] .. string.format('%06d', tonumber(t[2]))`;

/** The key holding when something about this user last changed, in Redis microseconds. */
export function feedChangeKey(prefix: string, userId: string): string {
  return `${prefix}feed:changed:${userId}`;
}

/** Marks these users changed at Redis' own clock (one clock for every process). */
const MARK_SCRIPT = `
${LUA_NOW_MICROS}
for i, key in ipairs(KEYS) do redis.call('SET', key, now, 'EX', ARGV[1]) end
return now`;

// A page is stored as "<start>\\n<user ids, comma-separated>\\n<born at (ms)> <ttl (s)> <json>":
// start is when its reading began on Redis' clock, the ids are everyone whose change could alter
// it. It holds while none of them changed at or after its start (and, checked by the caller on
// its own clock, while it is younger than its time to live). Change keys are named by prefix and id inside the scripts: Muse uses one
// Redis (or a replicated primary), not a cluster.
const READ_SCRIPT = `
local v = redis.call('GET', KEYS[1])
${LUA_NOW_MICROS}
if not v then return {0, now} end
local a = string.find(v, '\\n', 1, true)
local b = string.find(v, '\\n', a + 1, true)
local start = tonumber(string.sub(v, 1, a - 1))
for id in string.gmatch(string.sub(v, a + 1, b - 1), '[^,]+') do
  local c = redis.call('GET', ARGV[1] .. id)
  if c and tonumber(c) >= start then return {0, now} end
end
return {1, now, string.sub(v, b + 1)}`;

const STORE_SCRIPT = `
local start = tonumber(ARGV[1])
for id in string.gmatch(ARGV[3], '[^,]+') do
  local c = redis.call('GET', ARGV[4] .. id)
  if c and tonumber(c) >= start then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1] .. '\\n' .. ARGV[3] .. '\\n' .. ARGV[5], 'EX', ARGV[2])
return 1`;

/** Marks these users changed: every kept feed page that depends on one of them is read anew. */
export async function markFeedChanged(redis: Redis, prefix: string, userIds: readonly string[]): Promise<void> {
  const ids = [...new Set(userIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const keys = ids.slice(i, i + 500).map((id) => feedChangeKey(prefix, id));
    await redis.eval(MARK_SCRIPT, keys.length, ...keys, CHANGE_MARK_TTL_SECONDS);
  }
}

export type FeedPageRead = { hit: true; json: Buffer } | { hit: false; start: string };

const READ_COMMAND = 'museFeedPageRead';
/** ioredis adds a variant of every defined command that answers bytes. */
const READ_BYTES = 'museFeedPageReadBuffer';
const STORE_COMMAND = 'museFeedPageStore';
type RedisWithPages = Redis & {
  [READ_BYTES](key: string, changePrefix: string): Promise<[number, Buffer, Buffer?]>;
  [STORE_COMMAND](key: string, start: string, ttlSeconds: number, ids: string, changePrefix: string, value: string): Promise<number>;
};
const SPACE = 0x20;

/** Anything whose change must reach feed pages at once: a user's content, follows, blocks, mutes or settings. */
export interface FeedChangeMarks {
  changed(userIds: readonly string[]): Promise<void>;
}

/**
 * Computed feed pages in Redis, one key per viewer and cursor, served until something they
 * depend on changes. A page names the users it depends on (the viewer, every actor, review
 * author, followed user and playlist owner among the activities it was made from, the big
 * accounts merged on read); a write marks its users changed (`changed`, and a fan-out marks each
 * follower whose timeline took an activity). Marks and page starts are read off Redis' clock in
 * the scripts, so a page whose reading overlapped a change is never stored, and none is served
 * past a change however the processes' clocks differ. Albums and tracks are not followed: a
 * catalog correction reaches a kept page within its time to live.
 */
export class FeedPageCache implements FeedChangeMarks {
  private readonly pages: RedisWithPages;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    /** This process' clock, which also bounds a page's age (tests move it). */
    private readonly now: () => number = () => Date.now(),
  ) {
    // Sent as EVALSHA; the kept page comes back as bytes and is sent as they are.
    redis.defineCommand(READ_COMMAND, { numberOfKeys: 1, lua: READ_SCRIPT });
    redis.defineCommand(STORE_COMMAND, { numberOfKeys: 1, lua: STORE_SCRIPT });
    this.pages = redis as RedisWithPages;
  }

  private key(viewerId: string, before: string | undefined, limit: number): string {
    return `${this.prefix}feed:page:${viewerId}:${before ?? ''}:${limit}`;
  }

  async read(viewerId: string, before: string | undefined, limit: number): Promise<FeedPageRead> {
    const [hit, now, value] = await this.pages[READ_BYTES](this.key(viewerId, before, limit), feedChangeKey(this.prefix, ''));
    const start = now.toString();
    if (hit !== 1 || value === undefined) return { hit: false, start };
    // "<born at (ms)> <ttl (s)> <json>": the page's age is held to its time to live on this process' clock too.
    const first = value.indexOf(SPACE);
    const second = value.indexOf(SPACE, first + 1);
    const bornAt = Number(value.subarray(0, first).toString());
    const ttlSeconds = Number(value.subarray(first + 1, second).toString());
    if (!(this.now() - bornAt < ttlSeconds * 1000)) return { hit: false, start };
    return { hit: true, json: value.subarray(second + 1) };
  }

  /** Keeps a page read since `start`, unless one of `dependsOn` changed meanwhile; answers whether it was kept. */
  async store(
    viewerId: string,
    before: string | undefined,
    limit: number,
    page: { start: string; dependsOn: Iterable<string>; json: string; ttlSeconds: number },
  ): Promise<boolean> {
    const ids = [...new Set(page.dependsOn)].join(',');
    const value = `${this.now()} ${page.ttlSeconds} ${page.json}`;
    return (await this.pages[STORE_COMMAND](this.key(viewerId, before, limit), page.start, page.ttlSeconds, ids, feedChangeKey(this.prefix, ''), value)) === 1;
  }

  changed(userIds: readonly string[]): Promise<void> {
    return markFeedChanged(this.redis, this.prefix, userIds);
  }
}
