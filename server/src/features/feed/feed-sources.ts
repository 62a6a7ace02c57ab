import type { Activity, ActivityRepository } from '../../docstore/document-store.port';
import type { TimelinePage, TimelineStore } from './timeline.store';

/**
 * One read of a source: activities newest first, and `covered`, the oldest id this read is
 * complete down to (the next read passes it as `before`), which can be older than the last
 * activity when some ids no longer resolve.
 */
export interface CandidatePage {
  activities: Activity[];
  covered: string | undefined;
  exhausted: boolean;
}

/** A newest-first stream of candidate activities, read in pages older than a given id. */
export interface CandidateSource {
  next(before: string | undefined, count: number): Promise<CandidatePage>;
}

/**
 * The viewer's pushed timeline, continued from the document store once it runs out (it is
 * capped, and older activity was never pushed).
 */
export function timelineSource(
  timelines: TimelineStore,
  log: ActivityRepository,
  viewerId: string,
  actorIds: string[],
  /** The page for the first read, when the caller already has it. */
  first?: { before: string | undefined; count: number; page: TimelinePage },
): CandidateSource {
  const pull = pullSource(log, actorIds);
  let prefetched = first;
  return {
    async next(before, count) {
      const usable = prefetched && prefetched.before === before && prefetched.count === count ? prefetched.page : null;
      prefetched = undefined;
      const page = usable ?? (await timelines.page(viewerId, before, count));
      const activities = page.ids.length ? await log.getByIds(page.ids) : [];
      const covered = page.ids[page.ids.length - 1] ?? before;
      const missing = count - page.ids.length;
      if (!page.exhausted || missing <= 0) return { activities, covered, exhausted: false };
      const older = await pull.next(covered, missing);
      return { activities: [...activities, ...older.activities], covered: older.covered ?? covered, exhausted: older.exhausted };
    },
  };
}

/** Activity of followees read straight from the document store (accounts too big to push to). */
export function pullSource(log: ActivityRepository, actorIds: string[]): CandidateSource {
  return {
    async next(before, count) {
      if (actorIds.length === 0) return { activities: [], covered: before, exhausted: true };
      const activities = await log.listByActors(actorIds, { before, limit: count });
      return { activities, covered: activities[activities.length - 1]?.id ?? before, exhausted: activities.length < count };
    },
  };
}

/**
 * Merges sources newest first without gaps: each read takes a page from every source and
 * keeps only what is newer than the highest `covered` of the sources that may hold more, since
 * anything a source has not returned yet is older than its `covered`.
 */
export function mergeSources(sources: CandidateSource[]): CandidateSource {
  if (sources.length === 1) return sources[0]!;
  return {
    async next(before, count) {
      const pages = await Promise.all(sources.map((s) => s.next(before, count)));
      let floor = '';
      for (const p of pages) if (!p.exhausted && p.covered && p.covered > floor) floor = p.covered;
      const seen = new Set<string>();
      const merged = pages
        .flatMap((p) => p.activities)
        .filter((a) => a.id >= floor && !seen.has(a.id) && seen.add(a.id))
        .sort((x, y) => (x.id < y.id ? 1 : x.id > y.id ? -1 : 0));
      const exhausted = pages.every((p) => p.exhausted);
      return { activities: merged, covered: exhausted ? merged[merged.length - 1]?.id : floor, exhausted };
    },
  };
}
