import type { ActivityType, ActivityView, AlbumSummary } from '@muse/shared';
import type { Activity } from '../../docstore/document-store.port';
import { presentCoverUrl } from '../../http/presenters/catalog.presenter';
import { isFeedActivity, isFeedType } from '../../lib/feed-activity';
import { canSeeActivity } from '../../lib/visibility-policy';
import type { FeedAlbumRow, FeedLookups, FeedTrackRow, FeedUserRow, LookupRequest } from './activity-lookups.read-model';
import { feedMaySee } from '../playlists/playlists.read-model';
import type { ViewerContext } from './feed.repo';

/** Activity types whose subject is a take on an album or one of its tracks (hidden by "hide unlogged takes"). */
const TAKES: ReadonlySet<ActivityType> = new Set(['rated', 'reviewed', 'listened']);

/** Who looks at activities, as far as the rules every viewer is held to need to know. */
export interface ActivityAudience {
  /** Null for a signed-out visitor. */
  viewerId: string | null;
  /** Users the viewer follows (at least the actors being shown and the authors of their reviews). */
  followees: ReadonlySet<string>;
  /** Users the viewer blocked or was blocked by (at least among the actors and review authors shown). */
  blocked: ReadonlySet<string>;
}

/** The rows a page of activities refers to; `loggedBy` names whose logged albums to fetch too. */
export function lookupRequest(activities: Activity[], loggedBy: string | null = null): LookupRequest {
  const req: LookupRequest = { userIds: [], reviewIds: [], commentIds: [], albumIds: [], trackIds: [], playlistIds: [], loggedBy };
  for (const a of activities) {
    req.userIds.push(a.actorId);
    if (a.subject?.kind === 'review') req.reviewIds.push(a.subject.id);
    if (a.subject?.kind === 'album') req.albumIds.push(a.subject.id);
    // A review's album is read with the review too; naming it here lets a kept album card serve.
    if (a.type === 'reviewed' && typeof a.data.albumId === 'string') req.albumIds.push(a.data.albumId);
    if (a.subject?.kind === 'track') req.trackIds.push(a.subject.id);
    if (a.subject?.kind === 'user') req.userIds.push(a.subject.id);
    if (a.subject?.kind === 'playlist') req.playlistIds.push(a.subject.id);
    if (typeof a.data.commentId === 'string') req.commentIds.push(a.data.commentId);
  }
  return req;
}

function summary(u: FeedUserRow) {
  return { id: u.id, handle: u.handle, displayName: u.display_name };
}

function presentAlbum(a: FeedAlbumRow): AlbumSummary {
  return {
    id: a.id,
    title: a.title,
    artistCredit: a.artist_credit,
    releaseYear: a.release_year,
    type: a.type,
    coverUrl: presentCoverUrl(a.cover_key),
    genres: a.genres ?? [],
  };
}

function stars(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * The activity as any viewer may see it, or null when they may not: not an activity the feed
 * knows, about a track or album that is gone, a suspended or missing actor, not allowed by `canSeeActivity`
 * (which lets the actor see their own private activity), about a review that is hidden, gone,
 * by a suspended author or someone the viewer has a block with, or that the same rule keeps
 * from the viewer (its own visibility and its author's privacy: a like of a followers-only
 * review is no wider than the review), a hidden or deleted comment, or a follow of a suspended
 * or blocked user. Feed and profile pages both start from this.
 */
export function activityView(audience: ActivityAudience, a: Activity, look: FeedLookups): ActivityView | null {
  if (!isFeedType(a.type)) return null;
  const type = a.type;
  const actor = look.users.get(a.actorId);
  if (!actor || actor.suspended) return null;
  const facts = { viewerId: audience.viewerId, actorId: a.actorId, visibility: a.visibility, actorIsPrivate: actor.is_private };
  if (!canSeeActivity({ ...facts, viewerFollowsActor: audience.followees.has(a.actorId), blocked: audience.blocked.has(a.actorId) })) return null;

  let album: FeedAlbumRow | undefined;
  let track: FeedTrackRow | undefined;
  let review: ActivityView['review'] = null;
  let targetUser: ActivityView['targetUser'] = null;
  let playlist: ActivityView['playlist'] = null;
  const subject = a.subject;
  if (type === 'created_playlist' || type === 'added_to_playlist' || type === 'liked_playlist') {
    // Held to the playlist's own rule as it is now: made private, deleted or unshared, it leaves the feed.
    const p = subject?.kind === 'playlist' ? look.playlists.get(subject.id) : undefined;
    const ownerId = p?.view.owner.id;
    if (
      !p ||
      !ownerId ||
      !feedMaySee(p, { viewerId: audience.viewerId, followsOwner: audience.followees.has(ownerId), blockedWithOwner: audience.blocked.has(ownerId) })
    )
      return null;
    playlist = p.view;
  } else if (type === 'reviewed' || type === 'liked_review' || type === 'commented') {
    const r = subject?.kind === 'review' ? look.reviews.get(subject.id) : undefined;
    const author = r ? look.users.get(r.user_id) : undefined;
    // The actor's own review was already allowed above, block or not.
    if (!r || r.hidden || !author || author.suspended || (r.user_id !== a.actorId && audience.blocked.has(r.user_id))) return null;
    const reviewFacts = { viewerId: audience.viewerId, actorId: r.user_id, visibility: r.visibility, actorIsPrivate: author.is_private };
    if (!canSeeActivity({ ...reviewFacts, viewerFollowsActor: audience.followees.has(r.user_id), blocked: audience.blocked.has(r.user_id) })) return null;
    if (type === 'commented' && (typeof a.data.commentId !== 'string' || !look.visibleComments.has(a.data.commentId))) return null;
    album = look.albums.get(r.album_id);
    track = r.track_id ? look.tracks.get(r.track_id) : undefined;
    review = { id: r.id, excerpt: r.excerpt, author: summary(author), listenNumber: r.listen_number };
  } else if (type === 'followed') {
    const target = subject?.kind === 'user' ? look.users.get(subject.id) : undefined;
    if (!target || target.suspended || audience.blocked.has(target.id)) return null;
    targetUser = summary(target);
  } else {
    // A listen logged with a review is already shown as the review.
    if (type === 'listened' && a.data.reviewId) return null;
    track = subject?.kind === 'track' ? look.tracks.get(subject.id) : undefined;
    album = subject?.kind === 'album' ? look.albums.get(subject.id) : track && look.albums.get(track.album_id);
  }
  if (type !== 'followed' && !playlist && !album) return null;

  return {
    id: a.id,
    type,
    actor: { ...summary(actor), avatarUrl: actor.avatar_url },
    visibility: a.visibility,
    createdAt: a.createdAt.toISOString(),
    album: album ? presentAlbum(album) : null,
    albumArtists: album ? album.artists.map((artist) => ({ id: artist.id, name: artist.name })) : [],
    track: track ? { id: track.id, title: track.title } : null,
    rating: type === 'rated' || type === 'listened' || type === 'reviewed' ? stars(a.data.rating) : null,
    review,
    targetUser,
    playlist,
    count: type === 'added_to_playlist' && typeof a.data.count === 'number' ? a.data.count : null,
  };
}

/**
 * The activity as this viewer's home feed shows it: what `activityView` allows, from a
 * followee, never private, with no block either way, and not muted (user, type, or an artist
 * credited on the album), nor a take on an album the viewer has not logged while they hide those.
 */
export function feedView(ctx: ViewerContext, a: Activity, look: FeedLookups): ActivityView | null {
  if (!isFeedActivity(a) || !ctx.followees.has(a.actorId)) return null;
  if (ctx.blocked.has(a.actorId) || ctx.mutedUsers.has(a.actorId) || ctx.mutedTypes.has(a.type)) return null;
  const view = activityView(ctx, a, look);
  if (!view) return null;
  if (view.albumArtists.some((artist) => ctx.mutedArtists.has(artist.id))) return null;
  if (ctx.hideUnloggedTakes && TAKES.has(view.type) && view.album && !look.loggedAlbums.has(view.album.id)) return null;
  return view;
}
