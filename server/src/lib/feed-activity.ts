import { ACTIVITY_TYPES, type ActivityType } from '@muse/shared';
import type { Activity } from '../docstore/document-store.port';

const FEED_TYPES: ReadonlySet<string> = new Set(ACTIVITY_TYPES);

/** Whether a stored activity has a type the feed knows (account events and the like do not). */
export function isFeedType(type: string): type is ActivityType {
  return FEED_TYPES.has(type);
}

/** Whether an activity can ever reach someone else's feed: a feed type, not private (track ratings included). */
export function isFeedActivity(activity: Activity): boolean {
  return isFeedType(activity.type) && activity.visibility !== 'private';
}
