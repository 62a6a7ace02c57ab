import type { PlaylistView } from '@muse/shared';
import { formatCount } from '../../../lib/format-music';
import { useLikePlaylist } from '../api/like-playlist';

/** A toggle (aria-pressed) liking a playlist, with its count; only the count when the viewer may not like it. */
export function PlaylistLikeButton({ playlist, token }: { playlist: PlaylistView; token: string | null }) {
  const like = useLikePlaylist();
  if (!playlist.permissions.like) {
    return (
      <span className="like-count">
        <span aria-hidden="true">♥ </span>
        {formatCount(playlist.likeCount, 'like')}
      </span>
    );
  }
  const liked = playlist.likedByViewer;
  return (
    <button
      type="button"
      className={`like-button${liked ? ' like-button-on' : ''}`}
      aria-pressed={liked}
      disabled={like.isPending}
      onClick={() => like.mutate({ id: playlist.id, liked: !liked, token })}
    >
      <span aria-hidden="true">{liked ? '♥' : '♡'}</span> Like
      <span className="like-button-count">
        <span className="sr-only">, </span>
        {formatCount(playlist.likeCount, 'like')}
      </span>
    </button>
  );
}
