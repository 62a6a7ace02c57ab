import type { ActivityType, ActivityView, AlbumSummary } from '@muse/shared';
import type { Activity } from '../../docstore/document-store.port';
import { isFeedActivity } from '../activity/feed-activity';
import { canSeeActivity } from '../social/visibility-policy';
import type { FeedAlbumRow, FeedLookups, FeedUserRow, LookupRequest, ViewerContext } from './feed.repo';

/** Activity types whose subject is a take on an album (hidden by "hide unlogged takes"). */
const TAKES: ReadonlySet<ActivityType> = new Set(['rated', 'reviewed', 'listened']);

/** The rows a page of activities refers to; `loggedBy` only when the viewer hides unlogged takes. */
export function lookupRequest(activities: Activity[], ctx: ViewerContext): LookupRequest {
  const req: LookupRequest = { userIds: [], reviewIds: [], commentIds: [], albumIds: [], loggedBy: ctx.hideUnloggedTakes ? ctx.viewerId : null };
  for (const a of activities) {
    req.userIds.push(a.actorId);
    if (a.subject?.kind === 'review') req.reviewIds.push(a.subject.id);
    if (a.subject?.kind === 'album') req.albumIds.push(a.subject.id);
    if (a.subject?.kind === 'user') req.userIds.push(a.subject.id);
    if (typeof a.data.commentId === 'string') req.commentIds.push(a.data.commentId);
  }
  return req;
}

function summary(u: FeedUserRow) {
  return { id: u.id, handle: u.handle, displayName: u.display_name };
}

function presentAlbum(a: FeedAlbumRow): AlbumSummary {
  return { id: a.id, title: a.title, artistCredit: a.artist_credit, releaseYear: a.release_year, type: a.type, coverUrl: a.cover_url, genres: a.genres ?? [] };
}

function stars(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * The activity as this viewer's feed shows it, or null when the viewer must not or does not
 * want to see it: not a followee (any more), not allowed by `canSeeActivity`, blocked, muted
 * (user, type, or an artist credited on the album), hidden or deleted content, or a take on an
 * album the viewer has not logged while they hide those.
 */
export function feedView(ctx: ViewerContext, a: Activity, look: FeedLookups): ActivityView | null {
  if (!isFeedActivity(a)) return null;
  const type = a.type as ActivityType;
  const actor = look.users.get(a.actorId);
  if (!actor || actor.suspended || !ctx.followees.has(a.actorId)) return null;
  const blocked = ctx.blocked.has(a.actorId);
  if (!canSeeActivity({ viewerId: ctx.viewerId, actorId: a.actorId, visibility: a.visibility, actorIsPrivate: actor.is_private, viewerFollowsActor: true, blocked })) return null;
  if (blocked || ctx.mutedUsers.has(a.actorId) || ctx.mutedTypes.has(type)) return null;

  let album: FeedAlbumRow | undefined;
  let review: ActivityView['review'] = null;
  let targetUser: ActivityView['targetUser'] = null;
  const subject = a.subject;
  if (type === 'reviewed' || type === 'liked_review' || type === 'commented') {
    const r = subject?.kind === 'review' ? look.reviews.get(subject.id) : undefined;
    if (!r || r.hidden || ctx.blocked.has(r.user_id)) return null;
    if (type === 'commented' && (typeof a.data.commentId !== 'string' || !look.visibleComments.has(a.data.commentId))) return null;
    album = look.albums.get(r.album_id);
    review = { id: r.id, excerpt: r.excerpt };
  } else if (type === 'followed') {
    const target = subject?.kind === 'user' ? look.users.get(subject.id) : undefined;
    if (!target || target.suspended || ctx.blocked.has(target.id)) return null;
    targetUser = summary(target);
  } else {
    // A listen logged with a review is already in the feed as the review.
    if (type === 'listened' && a.data.reviewId) return null;
    album = subject?.kind === 'album' ? look.albums.get(subject.id) : undefined;
  }
  if (type !== 'followed' && !album) return null;
  if (album && album.artist_ids.some((id) => ctx.mutedArtists.has(id))) return null;
  if (ctx.hideUnloggedTakes && TAKES.has(type) && album && !look.loggedAlbums.has(album.id)) return null;

  return {
    id: a.id,
    type,
    actor: { ...summary(actor), avatarUrl: actor.avatar_url },
    visibility: a.visibility,
    createdAt: a.createdAt.toISOString(),
    album: album ? presentAlbum(album) : null,
    rating: type === 'rated' || type === 'listened' || type === 'reviewed' ? stars(a.data.rating) : null,
    review,
    targetUser,
  };
}
