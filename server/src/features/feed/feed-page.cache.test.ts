import { Redis } from 'ioredis';
import { createTestRedisPrefix } from '../../testing/test-infra';
import { FeedPageCache, FEED_PAGE_TTL_SECONDS } from './feed-page.cache';
import { TimelineStore } from './timeline.store';

const space = createTestRedisPrefix('feed-pages');
let redis: Redis;
let clock = Date.now();
let cache: FeedPageCache;

beforeAll(() => {
  redis = new Redis(space.url);
});
beforeEach(() => {
  clock = Date.now();
  cache = new FeedPageCache(redis, space.prefix, () => clock);
});
afterAll(async () => {
  await space.cleanup();
  redis.disconnect();
});

/** Reads the viewer's first page, keeping `json` (depending on `dependsOn`) when it was not kept. */
async function readThrough(viewer: string, json: string, dependsOn: string[], ttlSeconds = FEED_PAGE_TTL_SECONDS) {
  const read = await cache.read(viewer, undefined, 20);
  if (read.hit) return { served: read.json.toString(), kept: false };
  const kept = await cache.store(viewer, undefined, 20, { start: read.start, dependsOn: [viewer, ...dependsOn], json, ttlSeconds });
  return { served: json, kept };
}

/** The kept page's text, or null when none is kept. */
async function kept(viewer: string, before: string | undefined): Promise<string | null> {
  const read = await cache.read(viewer, before, 20);
  return read.hit ? read.json.toString() : null;
}

describe('FeedPageCache', () => {
  it('when nothing the page depends on changed, then the kept page is served as it was stored', async () => {
    expect(await readThrough('v1', '{"items":["first"]}', ['a'])).toEqual({ served: '{"items":["first"]}', kept: true });
    expect(await readThrough('v1', '{"items":["second"]}', ['a'])).toEqual({ served: '{"items":["first"]}', kept: false });
  });

  it('when someone the page depends on changes, or the viewer does, then the page is read anew; others are not', async () => {
    await readThrough('v2', 'one', ['a', 'b']);
    await cache.changed(['someone-else']);
    expect((await readThrough('v2', 'two', ['a', 'b'])).served).toBe('one');
    await cache.changed(['b']);
    expect((await readThrough('v2', 'three', ['a', 'b'])).served).toBe('three');
    await cache.changed(['v2']);
    expect((await readThrough('v2', 'four', ['a', 'b'])).served).toBe('four');
    expect((await readThrough('v2', 'five', ['a', 'b'])).served).toBe('four');
  });

  it('when a change lands while the page is being read, then that page is not kept', async () => {
    const read = await cache.read('v3', undefined, 20);
    expect(read.hit).toBe(false);
    if (read.hit) return;
    await cache.changed(['a']);
    expect(await cache.store('v3', undefined, 20, { start: read.start, dependsOn: ['v3', 'a'], json: 'stale', ttlSeconds: 60 })).toBe(false);
    expect((await readThrough('v3', 'fresh', ['a'])).served).toBe('fresh');
  });

  it('when a page is older than its time to live on this clock, then it is read anew', async () => {
    await readThrough('v4', 'old', ['a'], 30);
    clock += 29_000;
    expect((await readThrough('v4', 'new', ['a'], 30)).served).toBe('old');
    clock += 1_000;
    expect((await readThrough('v4', 'new', ['a'], 30)).served).toBe('new');
  });

  it('when pages differ by cursor or size, then each is kept apart', async () => {
    const first = await cache.read('v5', undefined, 20);
    const next = await cache.read('v5', '0190f0f0-0000-7000-8000-000000000000', 20);
    if (first.hit || next.hit) throw new Error('nothing was kept yet');
    await cache.store('v5', undefined, 20, { start: first.start, dependsOn: ['v5'], json: 'page one', ttlSeconds: 60 });
    await cache.store('v5', '0190f0f0-0000-7000-8000-000000000000', 20, { start: next.start, dependsOn: ['v5'], json: 'page two', ttlSeconds: 60 });
    expect(await kept('v5', undefined)).toBe('page one');
    expect(await kept('v5', '0190f0f0-0000-7000-8000-000000000000')).toBe('page two');
    expect((await cache.read('v5', undefined, 10)).hit).toBe(false);
  });

  it('when a fan-out pushes into a timeline, then its reader is marked changed; one without a timeline is not', async () => {
    const timelines = new TimelineStore(redis, space.prefix);
    await timelines.open('reader', 'graph');
    await readThrough('reader', 'before', []);
    await readThrough('never-read', 'before', []);
    expect(await timelines.push(['reader', 'never-read'], { id: '0190f0f0-0000-7000-8000-000000000001', time: 1 })).toBe(1);
    expect((await readThrough('reader', 'after', [])).served).toBe('after');
    expect((await readThrough('never-read', 'after', [])).served).toBe('before');
  });

  it('when a page holds unicode, commas and newlines, then it comes back byte for byte', async () => {
    const json = JSON.stringify({ items: ['Björk, “Jóga”\nline two', '坂本龍一', '🎧'] });
    await readThrough('v6', json, ['a']);
    expect(await kept('v6', undefined)).toBe(json);
  });
});
