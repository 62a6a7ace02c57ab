import type { Redis } from 'ioredis';
import type { Logger } from '../../lib/logger';

/** What a change to search-visible facts is told to: one call after the change is stored. */
export interface SearchChangeMarks {
  changed(): Promise<void>;
}
/** Marks for people's facts: an account made or deleted, a display name edited, a suspension imposed or lifted. */
export type PeopleChangeMarks = SearchChangeMarks;
/** Marks for the catalog's: albums, their tracks and artists added or merged. */
export type CatalogChangeMarks = SearchChangeMarks;

/** The versions a kept search answer was read under. */
export interface SearchFactVersions {
  people: string;
  catalog: string;
}

/**
 * Two counters in Redis that move whenever what search finds may have changed: one for people,
 * one for the catalog. Kept search answers carry the values they were read under and are not
 * served once either moves, on any api process. Every change is marked after it is stored, so an
 * answer read before it carries the old value. A mark that cannot reach Redis is logged, not
 * thrown: the change is stored, and kept answers run out within their time anyway.
 */
export class SearchVersions {
  readonly people: PeopleChangeMarks;
  readonly catalog: CatalogChangeMarks;
  private readonly keys: [people: string, catalog: string];

  constructor(
    private readonly redis: Redis,
    prefix: string,
    private readonly logger?: Pick<Logger, 'warn'>,
  ) {
    this.keys = [`${prefix}search:people-version`, `${prefix}search:catalog-version`];
    this.people = { changed: () => this.move(this.keys[0]) };
    this.catalog = { changed: () => this.move(this.keys[1]) };
  }

  async current(): Promise<SearchFactVersions> {
    const [people, catalog] = await this.redis.mget(...this.keys);
    return { people: people ?? '0', catalog: catalog ?? '0' };
  }

  private async move(key: string): Promise<void> {
    try {
      await this.redis.incr(key);
    } catch (err) {
      this.logger?.warn({ err, key }, 'could not mark a change to what search finds; kept answers show it when they run out');
    }
  }
}
