import type { ActivityType, ActivityView, FeedItem } from '@muse/shared';

const SINGLE: Record<ActivityType, (a: ActivityView | undefined) => string> = {
  rated: (a) => `rated ${a?.album?.title ?? 'an album'}`,
  reviewed: (a) => `reviewed ${a?.album?.title ?? 'an album'}`,
  listened: (a) => `listened to ${a?.album?.title ?? 'an album'}`,
  liked_review: (a) => `liked ${a?.targetUser ? `${a.targetUser.displayName}’s` : 'a'} review${a?.album ? ` of ${a.album.title}` : ''}`,
  commented: (a) => `commented on ${a?.targetUser ? `${a.targetUser.displayName}’s` : 'a'} review${a?.album ? ` of ${a.album.title}` : ''}`,
  followed: (a) => `followed ${a?.targetUser?.displayName ?? 'someone'}`,
  favourited: (a) => `added ${a?.album?.title ?? 'an album'} to their favourites`,
};

const MANY: Record<ActivityType, (n: number) => string> = {
  rated: (n) => `rated ${n} albums`,
  reviewed: (n) => `reviewed ${n} albums`,
  listened: (n) => `logged ${n} listens`,
  liked_review: (n) => `liked ${n} reviews`,
  commented: (n) => `commented on ${n} reviews`,
  followed: (n) => `followed ${n} people`,
  favourited: (n) => `added ${n} albums to their favourites`,
};

/** What the actor did, without their name: "rated Low", "rated 5 albums". */
export function describeAction(item: FeedItem): string {
  const count = item.activities.length;
  if (count <= 1) return SINGLE[item.type](item.activities[0]);
  return MANY[item.type](count);
}

/** The whole sentence a feed item reads as: "Ana rated 5 albums". */
export function describeFeedItem(item: FeedItem): string {
  return `${item.actor.displayName} ${describeAction(item)}`;
}

/** Readable names of activity types, for mutes and filters. */
export const ACTIVITY_LABELS: Record<ActivityType, string> = {
  rated: 'Ratings',
  reviewed: 'Reviews',
  listened: 'Logged listens',
  liked_review: 'Review likes',
  commented: 'Comments',
  followed: 'Follows',
  favourited: 'Favourites',
};
