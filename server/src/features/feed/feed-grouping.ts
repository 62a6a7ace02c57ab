import type { ActivityView, FeedItem } from '@muse/shared';

/** Activities of one actor and type this close to the group's newest are shown together. */
export const GROUP_WINDOW_MS = 6 * 3600 * 1000;
/** A group never grows past this, so one busy actor cannot make a page endless. */
export const GROUP_MAX = 20;

/**
 * Builds feed items from activities that arrive newest first: consecutive activities of the
 * same actor and type within `GROUP_WINDOW_MS` of the group's newest become one item, whose id
 * is its newest activity's id (so a live item and its later page agree).
 */
export class FeedGrouper {
  readonly items: FeedItem[] = [];

  /** Adds the next (older) activity; answers whether it started a new item. */
  add(view: ActivityView): boolean {
    const last = this.items[this.items.length - 1];
    if (
      last &&
      last.actor.id === view.actor.id &&
      last.type === view.type &&
      last.activities.length < GROUP_MAX &&
      Date.parse(last.createdAt) - Date.parse(view.createdAt) <= GROUP_WINDOW_MS
    ) {
      last.activities.push(view);
      return false;
    }
    this.items.push({ id: view.id, type: view.type, actor: view.actor, activities: [view], createdAt: view.createdAt });
    return true;
  }
}

/** Groups a newest-first list of activities into feed items. */
export function groupActivities(views: ActivityView[]): FeedItem[] {
  const grouper = new FeedGrouper();
  for (const v of views) grouper.add(v);
  return grouper.items;
}
