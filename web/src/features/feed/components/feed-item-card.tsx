import { ListenLabel } from '../../../components/listen-label';
import type { ActivityView, FeedItem } from '@muse/shared';
import { Fragment } from 'react';
import { Link } from 'react-router';
import { AlbumCover } from '../../../components/ui/album-cover';
import { Avatar } from '../../../components/ui/avatar';
import { Stars } from '../../../components/ui/stars';
import { formatDateTime, formatRelativeTime } from '../../../lib/format-time';
import { FeedItemMenu } from './feed-item-menu';
import type { MuteChoice } from './feed-mute-choices';
import { actionParts, actorName } from './feed-text';

/** At most this many covers are drawn for one group; the rest are counted. */
export const MAX_COVERS = 8;

const profilePath = (handle: string) => `/users/${encodeURIComponent(handle)}`;

/** An album, or a track shown with its album's cover, that an activity is about, with the stars given. */
function AlbumTile({ activity }: { activity: ActivityView }) {
  const { album, track } = activity;
  if (!album) return null;
  const href = activity.review ? `/reviews/${activity.review.id}` : track ? `/tracks/${track.id}` : `/albums/${album.id}`;
  return (
    <li className="feed-album">
      <Link to={href} className="feed-album-link">
        <AlbumCover title={album.title} artist={album.artistCredit} coverUrl={album.coverUrl} size={96} fluid />
        <span className="feed-album-title">{track ? track.title : album.title}</span>
        <span className="feed-album-artist">{track ? `from ${album.title}` : album.artistCredit}</span>
      </Link>
      {activity.rating !== null && <Stars value={activity.rating} size="sm" />}
    </li>
  );
}

/** A playlist or list an activity is about: its cover mosaic, title and size, linking to it. */
function PlaylistTile({ activity }: { activity: ActivityView }) {
  const playlist = activity.playlist;
  if (!playlist) return null;
  const [cover] = playlist.covers;
  return (
    <li className="feed-album">
      <Link to={`/playlists/${playlist.id}`} className="feed-album-link">
        <AlbumCover title={playlist.title} artist={playlist.owner.displayName} coverUrl={cover ?? null} size={96} fluid />
        <span className="feed-album-title">{playlist.title}</span>
        <span className="feed-album-artist">
          {playlist.kind === 'list' ? 'List' : 'Playlist'} · {playlist.entryCount} {playlist.kind === 'list' ? 'albums' : 'tracks'}
        </span>
      </Link>
    </li>
  );
}

function Details({ item }: { item: FeedItem }) {
  if (item.activities.some((a) => a.playlist)) {
    const seen = new Set<string>();
    const distinct = item.activities.filter((a) => a.playlist && !seen.has(a.playlist.id) && seen.add(a.playlist.id));
    return (
      <ul className={`feed-albums${distinct.length === 1 ? ' feed-albums-single' : ''}`}>
        {distinct.slice(0, MAX_COVERS).map((activity) => (
          <PlaylistTile key={activity.id} activity={activity} />
        ))}
      </ul>
    );
  }
  if (item.type === 'followed') {
    const people = item.activities.flatMap((a) => (a.targetUser ? [a.targetUser] : []));
    return (
      <ul className="feed-people">
        {people.map((user) => (
          <li key={user.id}>
            <Link to={profilePath(user.handle)}>{user.displayName}</Link> <span className="muted">@{user.handle}</span>
          </li>
        ))}
      </ul>
    );
  }
  const withAlbums = item.activities.filter((a) => a.album !== null);
  const shown = withAlbums.slice(0, MAX_COVERS);
  const single = item.activities.length === 1 ? item.activities[0] : undefined;
  return (
    <>
      {shown.length > 0 && (
        <ul className={`feed-albums${shown.length === 1 ? ' feed-albums-single' : ''}`}>
          {shown.map((activity) => (
            <AlbumTile key={activity.id} activity={activity} />
          ))}
        </ul>
      )}
      {withAlbums.length > shown.length && <p className="muted feed-more">and {withAlbums.length - shown.length} more</p>}
      {single?.review && single.review.excerpt && (
        <blockquote className="feed-excerpt">
          <ListenLabel listenNumber={single.review.listenNumber} />
          <p>{single.review.excerpt}</p>
          <Link to={`/reviews/${single.review.id}`}>Read the review</Link>
        </blockquote>
      )}
    </>
  );
}

/** What the actor did, with the people it names linked to their profiles. */
function Action({ item, viewerId }: { item: FeedItem; viewerId: string | null }) {
  return (
    <>
      {actionParts(item, viewerId).map((part, i) =>
        typeof part === 'string' ? (
          <Fragment key={i}>{part}</Fragment>
        ) : (
          <Link key={i} to={profilePath(part.user.handle)}>
            {part.user.displayName}
          </Link>
        ),
      )}
    </>
  );
}

interface FeedItemCardProps {
  item: FeedItem;
  fresh?: boolean;
  viewerId?: string | null;
  /** When given, a signed-in viewer gets a "More actions" menu to mute from the item (never on their own). */
  onMute?: (choice: MuteChoice) => void;
}

/**
 * One feed entry: who did what ("Ana rated 5 albums"), when, and what it was about: covers
 * with stars for albums, an excerpt for a single review, names for follows. `viewerId` lets a
 * like of the viewer's own review read "liked your review".
 */
export function FeedItemCard({ item, fresh = false, viewerId = null, onMute }: FeedItemCardProps) {
  const titleId = `feed-item-${item.id}`;
  const canMute = onMute !== undefined && viewerId !== null && item.actor.id !== viewerId;
  return (
    <article className={`feed-item${fresh ? ' feed-item-fresh' : ''}`} aria-labelledby={titleId} data-testid="feed-item">
      <Link to={profilePath(item.actor.handle)} className="feed-avatar" tabIndex={-1} aria-hidden="true">
        <Avatar displayName={item.actor.displayName} handle={item.actor.handle} avatarUrl={item.actor.avatarUrl} size={40} decorative />
      </Link>
      <div className="feed-body">
        <header className="feed-header">
          <h3 id={titleId} className="feed-title">
            <Link to={profilePath(item.actor.handle)}>{actorName(item, viewerId)}</Link> <Action item={item} viewerId={viewerId} />
            {fresh && <span className="pill pill-accent feed-new-mark">New</span>}
          </h3>
          <div className="feed-header-end">
            <time className="muted feed-time" dateTime={item.createdAt} title={formatDateTime(item.createdAt)}>
              {formatRelativeTime(item.createdAt)}
            </time>
            {canMute && <FeedItemMenu item={item} titleId={titleId} onMute={onMute} />}
          </div>
        </header>
        <Details item={item} />
      </div>
    </article>
  );
}
