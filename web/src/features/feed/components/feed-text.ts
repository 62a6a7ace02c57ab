import type { ActivityType, ActivityView, FeedItem, UserSummary } from '@muse/shared';

/** A piece of what an item says: plain text, or a person the card names and links to. */
export type ActionPart = string | { user: UserSummary };

const albumTitle = (a: ActivityView | undefined) => a?.album?.title ?? 'an album';
/** What a rating or review is about: the track's title ("Nude from In Rainbows"), else the album's. */
const subjectTitle = (a: ActivityView | undefined) => (a?.track ? `${a.track.title} from ${albumTitle(a)}` : albumTitle(a));
/** "albums", "tracks", or "albums and tracks" for a group of ratings or reviews. */
function subjectsWord(activities: ActivityView[]): string {
  const tracks = activities.filter((a) => a.track).length;
  return tracks === 0 ? 'albums' : tracks === activities.length ? 'tracks' : 'albums and tracks';
}

/** "your" when the viewer is the actor, else "their". */
const possessive = (actor: { id: string }, viewerId: string | null) => (actor.id === viewerId ? 'your' : 'their');

/** Whose review a like or comment was about: "Ben’s review of Blue", "your review of Blue". */
function whoseReview(a: ActivityView | undefined, viewerId: string | null): ActionPart[] {
  const of = a?.album ? ` of ${subjectTitle(a)}` : '';
  const author = a?.review?.author;
  if (!a || !author) return [`a review${of}`];
  if (author.id === a.actor.id) return [`${possessive(a.actor, viewerId)} own review${of}`];
  if (author.id === viewerId) return [`your review${of}`];
  return [{ user: author }, `’s review${of}`];
}

const playlistTitle = (a: ActivityView | undefined) => a?.playlist?.title ?? 'a playlist';
const kindWord = (a: ActivityView | undefined) => (a?.playlist?.kind === 'list' ? 'list' : 'playlist');
const entriesWord = (n: number, a: ActivityView | undefined) => (a?.playlist?.kind === 'list' ? (n === 1 ? 'album' : 'albums') : n === 1 ? 'track' : 'tracks');

/** "added 12 tracks to Dream pop", or across several playlists "added 12 tracks to 3 playlists". */
function addedToPlaylists(activities: ActivityView[]): string {
  const total = activities.reduce((sum, a) => sum + (a.count ?? 1), 0);
  const playlists = new Set(activities.map((a) => a.playlist?.id));
  const first = activities[0];
  if (playlists.size <= 1) return `added ${total} ${entriesWord(total, first)} to ${playlistTitle(first)}`;
  return `added ${total} entries to ${playlists.size} playlists`;
}

const SINGLE: Record<ActivityType, (a: ActivityView | undefined, viewerId: string | null) => ActionPart[]> = {
  rated: (a) => [`rated ${subjectTitle(a)}`],
  reviewed: (a) => [`reviewed ${subjectTitle(a)}`],
  listened: (a) => [`listened to ${albumTitle(a)}`],
  liked_review: (a, viewerId) => ['liked ', ...whoseReview(a, viewerId)],
  commented: (a, viewerId) => ['commented on ', ...whoseReview(a, viewerId)],
  followed: (a) => [`followed ${a?.targetUser?.displayName ?? 'someone'}`],
  favourited: (a, viewerId) => [`added ${albumTitle(a)} to ${a ? possessive(a.actor, viewerId) : 'their'} favourites`],
  created_playlist: (a) => [`created the ${kindWord(a)} ${playlistTitle(a)}`],
  added_to_playlist: (a) => [addedToPlaylists(a ? [a] : [])],
  liked_playlist: (a, viewerId) => {
    const owner = a?.playlist?.owner;
    if (!a || !owner) return [`liked ${playlistTitle(a)}`];
    if (owner.id === viewerId) return [`liked your ${kindWord(a)} ${playlistTitle(a)}`];
    if (owner.id === a.actor.id) return [`liked ${possessive(a.actor, viewerId)} own ${kindWord(a)} ${playlistTitle(a)}`];
    return ['liked ', { user: owner }, `’s ${kindWord(a)} ${playlistTitle(a)}`];
  },
};

const MANY: Record<ActivityType, (n: number, whose: string, subjects: string) => string> = {
  rated: (n, _whose, subjects) => `rated ${n} ${subjects}`,
  reviewed: (n, _whose, subjects) => `reviewed ${n} ${subjects}`,
  listened: (n) => `logged ${n} listens`,
  liked_review: (n) => `liked ${n} reviews`,
  commented: (n) => `commented on ${n} reviews`,
  followed: (n) => `followed ${n} people`,
  favourited: (n, whose) => `added ${n} albums to ${whose} favourites`,
  created_playlist: (n) => `created ${n} playlists and lists`,
  added_to_playlist: (n) => `added to ${n} playlists`,
  liked_playlist: (n) => `liked ${n} playlists and lists`,
};

/**
 * What the actor did, without their name, in parts: "rated Low", "rated 5 albums", or
 * "liked ", Ben, "’s review of Low". `viewerId` turns the viewer's own review into "your review",
 * and the viewer's own things into "your" when they are the actor.
 */
export function actionParts(item: FeedItem, viewerId: string | null = null): ActionPart[] {
  const count = item.activities.length;
  if (item.type === 'added_to_playlist') return [addedToPlaylists(item.activities)];
  if (count <= 1) return SINGLE[item.type](item.activities[0], viewerId);
  return [MANY[item.type](count, possessive(item.actor, viewerId), subjectsWord(item.activities))];
}

/** What the actor did, as plain text: "rated Low", "liked Ben’s review of Low". */
export function describeAction(item: FeedItem, viewerId: string | null = null): string {
  return actionParts(item, viewerId)
    .map((part) => (typeof part === 'string' ? part : part.user.displayName))
    .join('');
}

/** How an item names its actor: "You" for the viewer's own activity, else their display name. */
export function actorName(item: FeedItem, viewerId: string | null = null): string {
  return item.actor.id === viewerId ? 'You' : item.actor.displayName;
}

/** The whole sentence a feed item reads as: "Ana rated 5 albums", or "You rated 5 albums" on the viewer's own. */
export function describeFeedItem(item: FeedItem, viewerId: string | null = null): string {
  return `${actorName(item, viewerId)} ${describeAction(item, viewerId)}`;
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
  created_playlist: 'New playlists',
  added_to_playlist: 'Playlist additions',
  liked_playlist: 'Playlist likes',
};
