import { Link } from 'react-router';
import { useUserPlaylists } from '../api/get-user-playlists';
import { PlaylistGrid } from './playlist-grid';

interface UserPlaylistsProps {
  handle: string;
  displayName: string;
  /** The owner looking at their own My Muse. */
  isOwn: boolean;
}

/**
 * The playlists and lists section of a profile: on My Muse the owner's recent ones, on someone
 * else's page those the viewer may see (the server decides which).
 */
export function UserPlaylists({ handle, displayName, isOwn }: UserPlaylistsProps) {
  const playlists = useUserPlaylists(handle);
  return (
    <section className="card" aria-labelledby="playlists-title">
      <div className="card-header">
        <h2 id="playlists-title" className="card-title">
          {isOwn ? 'Recent playlists & lists' : 'Playlists & lists'}
        </h2>
        {isOwn && (
          <Link to="/playlists" className="card-link">
            All your playlists
          </Link>
        )}
      </div>
      <PlaylistGrid
        query={playlists}
        label={isOwn ? 'Your recent playlists and lists' : `${displayName}’s playlists and lists`}
        showOwner={false}
        moreLabel="More playlists"
        empty={
          isOwn ? (
            <p>
              No playlists or lists yet. <Link to="/playlists?new=playlist">Start a playlist</Link> or <Link to="/playlists?new=list">a list of albums</Link>.
            </p>
          ) : (
            <p>{displayName} has no playlists you can see yet.</p>
          )
        }
      />
    </section>
  );
}
