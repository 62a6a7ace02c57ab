import type { ActivityView, FeedItem, FeedPage, MuteCreateInput } from '@muse/shared';
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { socialKeys } from '../../../lib/query-keys';

type FeedList = InfiniteData<FeedPage, string | null>;

/**
 * Puts a live item at the top of a cached feed. An item whose id is already listed (a group
 * that grew: "Ana rated 3 albums" becoming 4) is replaced and moved up, never listed twice.
 * Returns the patched list, or the same list when nothing is cached yet.
 */
export function upsertFeedItem(list: FeedList | undefined, item: FeedItem): FeedList | undefined {
  if (!list) return list;
  const pages = list.pages.map((page) => ({ ...page, items: page.items.filter((existing) => existing.id !== item.id) }));
  const [first, ...rest] = pages;
  const firstPage: FeedPage = first ?? { items: [], nextCursor: null };
  return { ...list, pages: [{ ...firstPage, items: [item, ...firstPage.items] }, ...rest] };
}

/** Applies a `feed:new` event to the cached feed (see `upsertFeedItem`). */
export function applyNewFeedItem(queryClient: QueryClient, item: FeedItem): void {
  queryClient.setQueryData<FeedList>(socialKeys.feed(), (list) => upsertFeedItem(list, item));
  // A fetch under way may answer with a feed older than the event and overwrite the patch.
  if (queryClient.isFetching({ queryKey: socialKeys.feed(), exact: true }) > 0) {
    void queryClient.invalidateQueries({ queryKey: socialKeys.feed(), exact: true }, { cancelRefetch: true });
  }
}

/** Every item of a cached feed in display order, each once (pages can overlap after live inserts). */
export function feedItems(list: InfiniteData<FeedPage, unknown> | undefined): FeedItem[] {
  const seen = new Set<string>();
  const out: FeedItem[] = [];
  for (const page of list?.pages ?? []) {
    for (const item of page.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      out.push(item);
    }
  }
  return out;
}

/** Whether a mute hides this activity, by the rules the server filters the feed with. */
export function isMutedBy(mute: MuteCreateInput, activity: ActivityView): boolean {
  if (mute.kind === 'user') return activity.actor.handle.toLowerCase() === mute.target.replace(/^@/, '').toLowerCase();
  if (mute.kind === 'artist') return activity.albumArtists.some((artist) => artist.id === mute.target);
  return activity.type === mute.target;
}

/**
 * The cached feed without what `mute` hides: matching activities leave their items, and items
 * left with none leave the list ("Ana rated 5 albums" becomes "Ana rated 3 albums" when two of
 * them were by a muted artist). Returns the same list when nothing is cached.
 */
export function withoutMuted(list: FeedList | undefined, mute: MuteCreateInput): FeedList | undefined {
  if (!list) return list;
  const pages = list.pages.map((page) => ({
    ...page,
    items: page.items.flatMap((item) => {
      const activities = item.activities.filter((activity) => !isMutedBy(mute, activity));
      if (activities.length === item.activities.length) return [item];
      return activities.length > 0 ? [{ ...item, activities }] : [];
    }),
  }));
  return { ...list, pages };
}

/** Drops what a new mute hides from the cached feed at once, before the feed is read again. */
export function applyMute(queryClient: QueryClient, mute: MuteCreateInput): void {
  queryClient.setQueryData<FeedList>(socialKeys.feed(), (list) => withoutMuted(list, mute));
}
