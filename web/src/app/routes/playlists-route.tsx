import type { PlaylistKind } from '@muse/shared';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { useMe } from '../../features/auth/api/get-me';
import type { DiscoverSection } from '../../features/playlists/api/playlist-keys';
import { CreatePlaylistDialog } from '../../features/playlists/components/create-playlist-dialog';
import { PLAYLIST_TABS, PlaylistsIndex, type PlaylistIndexState, type PlaylistTab } from '../../features/playlists/components/playlists-index';
import { toQueryString } from '../../lib/query-params';

const SECTIONS: DiscoverSection[] = ['newest', 'popular', 'following'];

/** The index's tab, kind filter and Discover section from the URL; anything unknown falls back to the default. */
export function readIndexState(params: URLSearchParams): PlaylistIndexState {
  const tab = PLAYLIST_TABS.find((t) => t.id === params.get('tab'))?.id ?? 'mine';
  const kind = params.get('kind');
  const section = SECTIONS.find((s) => s === params.get('section')) ?? 'newest';
  return { tab, kind: kind === 'playlist' || kind === 'list' ? kind : undefined, section };
}

function indexPath({ tab, kind, section }: PlaylistIndexState): string {
  return `/playlists${toQueryString({ tab: tab === 'mine' ? undefined : tab, kind, section: tab === 'discover' && section !== 'newest' ? section : undefined })}`;
}

/** `/playlists?tab=&kind=&section=`: the signed-in user's playlists and lists, those shared with them, liked, and Discover. `?new=playlist|list` opens the create dialog. */
export function PlaylistsRoute() {
  const me = useMe();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const state = readIndexState(params);
  const asked = params.get('new');
  const [creating, setCreating] = useState<PlaylistKind | null>(asked === 'list' || asked === 'playlist' ? asked : null);
  const flash = (location.state as { flash?: string } | null)?.flash;

  if (!me) return null;

  const hrefFor = (next: Partial<PlaylistIndexState>): string => {
    const merged: PlaylistIndexState = { ...state, ...next };
    // A new tab starts on Discover's first section.
    if (next.tab && next.tab !== state.tab) merged.section = 'newest';
    return indexPath(merged);
  };

  const closeDialog = () => {
    setCreating(null);
    if (asked) navigate(indexPath(state), { replace: true });
  };

  return (
    <div className="page playlists-page">
      <title>{`${PLAYLIST_TABS.find((t) => t.id === state.tab)?.label ?? 'Playlists'} · Playlists · Muse`}</title>
      <header className="page-header playlists-header">
        <div>
          <h1>Playlists & lists</h1>
          <p className="muted">Playlists hold tracks in order; lists hold albums, ranked or not, with a note on each.</p>
        </div>
        <div className="playlists-header-actions">
          <Button onClick={() => setCreating('playlist')}>New playlist</Button>
          <Button variant="secondary" onClick={() => setCreating('list')}>
            New list
          </Button>
          <Link className="btn btn-ghost" to="/playlists/import">
            Import a file
          </Link>
          <Link className="btn btn-ghost" to="/convert">
            Convert
          </Link>
          <Link className="btn btn-ghost" to="/conversions">
            Conversion history
          </Link>
        </div>
      </header>
      {flash && <Alert tone="success">{flash}</Alert>}
      <PlaylistsIndex state={state} viewerId={me.id} hrefFor={hrefFor} />
      <CreatePlaylistDialog
        open={creating !== null}
        kind={creating ?? 'playlist'}
        onClose={closeDialog}
        onCreated={(playlist) => {
          setCreating(null);
          navigate(`/playlists/${encodeURIComponent(playlist.id)}`, { replace: Boolean(asked) });
        }}
      />
    </div>
  );
}

export type { PlaylistTab };
