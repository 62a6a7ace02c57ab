import type { AlbumPage } from '@muse/shared';
import { Link } from 'react-router';
import { Stars } from '../../../components/ui/stars';
import { formatStars } from '../../../lib/format-music';

/** How many friends are listed before the rest are counted. */
const SHOWN = 8;

/**
 * "Popular with friends": people the viewer follows who rated this album, and how. Hidden when
 * none did; signed-out viewers never have any.
 */
export function AlbumFriends({ friends }: { friends: AlbumPage['friends'] }) {
  if (friends.length === 0) return null;
  const mean = friends.reduce((sum, f) => sum + f.rating, 0) / friends.length;
  return (
    <section className="card album-friends" aria-labelledby="album-friends-title">
      <h2 id="album-friends-title" className="card-title">
        Popular with friends
      </h2>
      <p className="muted">
        {friends.length === 1 ? '1 person you follow rated it' : `${friends.length} people you follow rated it`}
        {friends.length > 1 && `, ${formatStars(Math.round(mean * 10) / 10)} on average`}.
      </p>
      <ul className="friend-ratings">
        {friends.slice(0, SHOWN).map(({ user, rating }) => (
          <li key={user.id} className="friend-rating">
            <Link to={`/users/${encodeURIComponent(user.handle)}`}>{user.displayName}</Link>
            <Stars value={rating} size="sm" label={`${user.displayName}: ${formatStars(rating)}`} />
          </li>
        ))}
      </ul>
      {friends.length > SHOWN && <p className="muted">and {friends.length - SHOWN} more</p>}
    </section>
  );
}
