import type { ProviderName, ServicePlaylist } from '@muse/shared';
import { isApiError } from '../lib/api-client';
import { formatCount } from '../lib/format-music';
import { SERVICE_NAMES, useServicePlaylists } from '../lib/music-services';
import { Alert } from './ui/alert';
import { Button } from './ui/button';

interface ServicePlaylistListProps {
  provider: ProviderName;
  /** Read the list only while true (a list behind a "Show" button). */
  enabled?: boolean;
  /** The visible words of each playlist's button ("Import", "Convert"). */
  action: string;
  /** The button's accessible name for one playlist; it must hold `action`. */
  actionName: (playlist: ServicePlaylist) => string;
  onAction: (playlist: ServicePlaylist) => void;
  /** The playlist whose action is running. */
  pendingId?: string | null;
}

/**
 * The user's playlists on a connected service, a page at a time, each with one action (import it,
 * convert it): loading, a refusal with the way round it (paste a link), nothing there, "Show more".
 */
export function ServicePlaylistList({ provider, enabled = true, action, actionName, onAction, pendingId = null }: ServicePlaylistListProps) {
  const playlists = useServicePlaylists(provider, enabled);
  const name = SERVICE_NAMES[provider];
  const items = playlists.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="service-playlists">
      {enabled && playlists.isPending && <p className="muted">Loading your {name} playlists…</p>}
      {playlists.isError && (
        <Alert tone="error">
          Could not list your {name} playlists{isApiError(playlists.error) ? `: ${playlists.error.detail}` : ''}. You can paste a playlist’s link below instead.
        </Alert>
      )}
      {playlists.isSuccess && items.length === 0 && <p className="muted">You have no playlists on {name}.</p>}
      {items.length > 0 && (
        <ul className="service-playlist-list" aria-label={`Your ${name} playlists`}>
          {items.map((playlist) => (
            <li key={playlist.id} className="service-playlist-item">
              <span className="service-playlist-text">
                <strong>{playlist.name}</strong>
                <span className="muted">
                  {/* Apple's library playlists do not say how many songs they hold (0 here): no count rather than a wrong one. */}
                  {playlist.trackCount > 0 && ` · ${formatCount(playlist.trackCount, 'track')}`}
                  {playlist.ownedByUser ? '' : ` · by ${playlist.ownerName ?? 'someone else'}`}
                </span>
              </span>
              <Button variant="secondary" size="sm" aria-label={actionName(playlist)} pending={pendingId === playlist.id} onClick={() => onAction(playlist)}>
                {action}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {playlists.hasNextPage && (
        <Button variant="ghost" size="sm" pending={playlists.isFetchingNextPage} onClick={() => void playlists.fetchNextPage()}>
          Show more {name} playlists
        </Button>
      )}
    </div>
  );
}
