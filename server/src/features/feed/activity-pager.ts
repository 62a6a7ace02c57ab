import { z } from 'zod';
import type { ActivityView, FeedPage } from '@muse/shared';
import type { Activity } from '../../docstore/document-store.port';
import { encodeCursor, UuidKey } from '../../lib/pagination';
import { FeedGrouper } from './feed-grouping';
import type { CandidateSource } from './feed-sources';

/** The cursor kind of activity pages (the feed and profiles): they continue below the id of the last activity covered. */
export const ACTIVITY_CURSOR = 'feed';

/** The key an activity page cursor holds: the id of the last activity the page covered. */
export const ActivityCursorKey = z.tuple([UuidKey]);

/** Reads per page at most, so a stream that is mostly filtered out still answers quickly. */
const MAX_ROUNDS = 5;

/** The most candidates one round reads. */
const MAX_BATCH = 200;

/** Candidates read in the first round: a page of single activities with some filtered out; grouping may need another round. */
export function batchSize(limit: number): number {
  return Math.min(MAX_BATCH, Math.ceil(limit * 1.5) + 5);
}

/** What one viewer may see of each activity of a round, in the same order (null to leave it out). */
export type PresentActivities = (activities: Activity[]) => Promise<(ActivityView | null)[]>;

export interface ActivityPageRequest {
  source: CandidateSource;
  present: PresentActivities;
  /** Continue below this activity id; from the newest when absent. */
  before: string | undefined;
  /** Items (groups), not activities. */
  limit: number;
  batch?: number;
}

/**
 * One page of grouped items, newest first: reads rounds of candidates until `limit` items are
 * known to be complete or the source runs dry. `nextCursor` names the last activity the page
 * covered, so the next page starts right below it and every activity comes exactly once.
 */
export async function collectActivityPage(req: ActivityPageRequest): Promise<FeedPage> {
  const { source, present, limit } = req;
  let batch = req.batch ?? batchSize(limit);
  const grouper = new FeedGrouper();
  let cursor = req.before;
  let lastKept: string | undefined;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const page = await source.next(cursor, batch);
    const views = await present(page.activities);
    for (const [i, activity] of page.activities.entries()) {
      const view = views[i];
      if (!view) continue;
      // The first activity of one item too many proves the last item complete.
      if (grouper.add(view) && grouper.items.length > limit) {
        grouper.items.pop();
        return { items: grouper.items, nextCursor: encodeCursor(ACTIVITY_CURSOR, [lastKept!]) };
      }
      lastKept = activity.id;
    }
    if (page.exhausted) return { items: grouper.items, nextCursor: null };
    cursor = page.covered;
    // A round that did not fill the page met a dense stretch (a burst of adds to one playlist
    // grouped into one item, or much filtered out): read twice as many next time.
    batch = Math.min(MAX_BATCH, batch * 2);
  }
  return { items: grouper.items, nextCursor: cursor ? encodeCursor(ACTIVITY_CURSOR, [cursor]) : null };
}
