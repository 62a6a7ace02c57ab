import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { PageSpinner } from '../../components/ui/spinner';
import { useMe } from '../../features/auth/api/get-me';
import { ConvertPlaylistButton } from '../../features/conversion/components/convert-playlist-button';
import { usePlaylist } from '../../features/playlists/api/get-playlist';
import { PlaylistPage } from '../../features/playlists/components/playlist-page';
import { loginPathFor } from '../../lib/redirects';
import { ResourceError } from './resource-error';

/** `/playlists/:id` (`?token=` for link-only ones): a playlist or list, as the viewer may see and change it. */
export function PlaylistRoute() {
  const { id = '' } = useParams();
  // Another playlist is another page: dialogs, drafts and messages start afresh.
  return <PlaylistRouteView key={id} id={id} />;
}

function PlaylistRouteView({ id }: { id: string }) {
  const me = useMe();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const token = params.get('token');
  const playlist = usePlaylist(id, token);
  const flash = (location.state as { flash?: string } | null)?.flash ?? null;

  if (playlist.isPending) return <PageSpinner label="Loading the playlist" />;
  if (playlist.isError) return <ResourceError error={playlist.error} what="playlist" />;

  const view = playlist.data;
  return (
    <PlaylistPage
      playlist={view}
      viewerId={me?.id ?? null}
      token={token}
      notice={flash}
      loginPath={loginPathFor(location.pathname + location.search)}
      extraActions={
        me && view.kind === 'playlist' ? (
          <ConvertPlaylistButton playlist={view} onStarted={(conversion) => navigate(`/conversions/${encodeURIComponent(conversion.id)}`)} />
        ) : null
      }
      onCloned={(copy) =>
        navigate(`/playlists/${encodeURIComponent(copy.id)}`, {
          state: { flash: `Cloned “${view.title}”. This copy is yours and private: change it as you like, and share it when you want.` },
        })
      }
      onDeleted={() => navigate('/playlists', { replace: true, state: { flash: `Deleted “${view.title}”.` } })}
      onLeft={() => navigate('/playlists?tab=collaborating', { replace: true, state: { flash: `You are no longer a collaborator on “${view.title}”.` } })}
    />
  );
}
