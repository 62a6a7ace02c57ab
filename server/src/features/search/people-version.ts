import type { Redis } from 'ioredis';

/** What a change to people's search-visible facts is told to: one call after the change is stored. */
export interface PeopleChangeMarks {
  changed(): Promise<void>;
}

/**
 * A counter in Redis that moves whenever the people search finds may have changed: an account
 * made or deleted, a display name edited, a suspension imposed or lifted. Kept search answers
 * carry the value they were read under and are not served once it moves, on any api process.
 * Every change is marked after it is stored, so an answer read before it carries the old value.
 */
export class PeopleVersion implements PeopleChangeMarks {
  private readonly key: string;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.key = `${prefix}search:people-version`;
  }

  async current(): Promise<string> {
    return (await this.redis.get(this.key)) ?? '0';
  }

  async changed(): Promise<void> {
    await this.redis.incr(this.key);
  }
}
