import { Redis } from 'ioredis';
import { createTestRedisPrefix } from '../../testing/test-infra';
import { SearchVersions } from './search-versions';

describe('SearchVersions', () => {
  const space = createTestRedisPrefix('search-versions');
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(space.url);
  });
  afterAll(async () => {
    await space.cleanup();
    redis.disconnect();
  });

  it('when people or the catalog change, then only that version moves, for every process reading the same prefix', async () => {
    const one = new SearchVersions(redis, space.prefix);
    const other = new SearchVersions(redis, space.prefix);
    const start = await one.current();
    expect(start).toEqual({ people: '0', catalog: '0' });
    await one.people.changed();
    expect(await other.current()).toEqual({ people: '1', catalog: '0' });
    await other.catalog.changed();
    await other.catalog.changed();
    expect(await one.current()).toEqual({ people: '1', catalog: '2' });
    // Another prefix is another deployment.
    expect(await new SearchVersions(redis, `${space.prefix}other:`).current()).toEqual({ people: '0', catalog: '0' });
  });

  it('when Redis cannot be reached, then a mark is logged and does not fail the change it follows', async () => {
    const gone = new Redis('redis://127.0.0.1:1', { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    const warnings: unknown[] = [];
    const versions = new SearchVersions(gone, space.prefix, { warn: (obj: unknown) => warnings.push(obj) } as never);
    try {
      await expect(versions.people.changed()).resolves.toBeUndefined();
      await expect(versions.catalog.changed()).resolves.toBeUndefined();
      expect(warnings).toHaveLength(2);
      // Reading is not best effort: a search without its versions cannot tell a kept answer is good.
      await expect(versions.current()).rejects.toThrow();
    } finally {
      gone.disconnect();
    }
  });
});
