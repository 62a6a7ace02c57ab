import type { Activity, ActivityRepository } from './document-store.port';

/** Activity documents one process keeps; about 1 KB each. */
export const ACTIVITY_CACHE_SIZE = 20_000;

function frozen(activity: Activity): Activity {
  if (activity.subject) Object.freeze(activity.subject);
  Object.freeze(activity.data);
  return Object.freeze(activity);
}

/**
 * Keeps recently read activity documents by id in this process. Activities are never changed
 * after they are written (the log is append-only; an account's are deleted with it), and the
 * feeds of people who follow the same accounts read the same ones over and over, so most reads
 * of a feed page need no document-store round trip. Whether a viewer may still see an activity
 * is decided at read time from Postgres (actor, review, follows), never from the cached document,
 * so a document cached in another process after its actor was deleted is filtered out there.
 * Cached documents are frozen: a caller that tried to change one would throw instead of
 * changing what other requests see.
 */
export class CachedActivityReads implements ActivityRepository {
  private readonly cache = new Map<string, Activity>();

  constructor(
    private readonly inner: ActivityRepository,
    private readonly capacity = ACTIVITY_CACHE_SIZE,
  ) {}

  append(input: Parameters<ActivityRepository['append']>[0]): Promise<Activity> {
    return this.inner.append(input);
  }

  listByActor(...args: Parameters<ActivityRepository['listByActor']>): Promise<Activity[]> {
    return this.inner.listByActor(...args);
  }

  listByActors(...args: Parameters<ActivityRepository['listByActors']>): Promise<Activity[]> {
    return this.inner.listByActors(...args);
  }

  async getByIds(ids: string[]): Promise<Activity[]> {
    const found: Activity[] = [];
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const hit = this.cache.get(id);
      if (hit) {
        // Re-inserting moves it to the young end of the Map's order: least recently read goes first.
        this.cache.delete(id);
        this.cache.set(id, hit);
        found.push(hit);
      } else missing.push(id);
    }
    if (missing.length) {
      for (const activity of await this.inner.getByIds(missing)) {
        const kept = frozen(activity);
        this.remember(kept);
        found.push(kept);
      }
    }
    return found.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }

  async deleteByActor(actorId: string): Promise<number> {
    const removed = await this.inner.deleteByActor(actorId);
    for (const [id, activity] of this.cache) if (activity.actorId === actorId) this.cache.delete(id);
    return removed;
  }

  private remember(activity: Activity): void {
    this.cache.set(activity.id, activity);
    if (this.cache.size > this.capacity) this.cache.delete(this.cache.keys().next().value!);
  }
}
