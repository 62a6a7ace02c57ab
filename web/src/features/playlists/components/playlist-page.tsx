import { PLAYLIST_LIMITS, type PlaylistView } from '@muse/shared';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { formatCount } from '../../../lib/format-music';
import { isApiError } from '../../../lib/api-client';
import { toQueryString } from '../../../lib/query-params';
import { useClonePlaylist } from '../api/clone-playlist';
import { useDeletePlaylist } from '../api/delete-playlist';
import { useLoadMoreEntries } from '../api/load-more-entries';
import { useRemoveCollaborator } from '../api/remove-collaborator';
import { CollaboratorsDialog } from './collaborators-dialog';
import { EditPlaylistDialog } from './edit-playlist-dialog';
import { InvitationBanner } from './invitation-banner';
import { PlaylistEntries } from './playlist-entries';
import { PlaylistHeader } from './playlist-header';
import { PlaylistLikeButton } from './playlist-like-button';
import { ShareDialog } from './share-dialog';

interface PlaylistPageProps {
  playlist: PlaylistView;
  /** The signed-in viewer's id, or null for visitors. */
  viewerId: string | null;
  /** The link token the page was opened with, passed on to clones and exports. */
  token: string | null;
  /** A message from the page before (a clone made). */
  notice?: string | null;
  /** Where a visitor signs in to come back here. */
  loginPath: string;
  onCloned: (copy: PlaylistView) => void;
  onDeleted: () => void;
  /** After leaving or declining: the viewer may no longer see it. */
  onLeft: () => void;
  /** More actions the page's route adds beside the playlist's own (Convert). */
  extraActions?: ReactNode;
}

type OpenDialog = 'share' | 'collaborators' | 'edit' | null;

/** A playlist or list page: header and actions as the viewer's permissions allow, an invitation if there is one, and the entries. */
export function PlaylistPage({ playlist, viewerId, token, notice = null, loginPath, onCloned, onDeleted, onLeft, extraActions }: PlaylistPageProps) {
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const clone = useClonePlaylist();
  const remove = useDeletePlaylist();
  const leave = useRemoveCollaborator();
  const { permissions } = playlist;
  const mine = viewerId !== null && viewerId === playlist.owner.id;
  const membership = viewerId ? playlist.collaborators.find((c) => c.user.id === viewerId) : undefined;
  const exportQuery = toQueryString({ token });
  const exportBase = `/api/playlists/${encodeURIComponent(playlist.id)}/export`;
  const failed = clone.error ?? remove.error ?? leave.error;

  const actions = (
    <>
      <PlaylistLikeButton playlist={playlist} token={token} />
      {permissions.clone && viewerId && (
        <Button variant="secondary" size="sm" pending={clone.isPending} onClick={() => clone.mutate({ id: playlist.id, token }, { onSuccess: onCloned })}>
          {mine ? 'Duplicate' : 'Clone'}
        </Button>
      )}
      {!viewerId && (
        <Link className="btn btn-secondary btn-sm" to={loginPath}>
          Log in to like or clone
        </Link>
      )}
      {permissions.edit && (
        <>
          <Button variant="secondary" size="sm" onClick={() => setDialog('share')}>
            Share
          </Button>
          <Button variant="secondary" size="sm" onClick={() => setDialog('collaborators')}>
            Collaborators
          </Button>
          <Button variant="secondary" size="sm" onClick={() => setDialog('edit')}>
            Edit
          </Button>
        </>
      )}
      {extraActions}
      <span className="playlist-exports">
        <span className="muted">Download</span>
        <a href={`${exportBase}.jspf${exportQuery}`} download aria-label={`Download ${playlist.title} as JSPF`}>
          JSPF
        </a>
        <a href={`${exportBase}.csv${exportQuery}`} download aria-label={`Download ${playlist.title} as CSV`}>
          CSV
        </a>
      </span>
      {permissions.delete && (
        <ConfirmButton
          confirmText="Yes, delete it"
          pending={remove.isPending}
          onConfirm={() => remove.mutate(playlist.id, { onSuccess: onDeleted })}
          aria-label={`Delete ${playlist.title}`}
        >
          Delete
        </ConfirmButton>
      )}
      {membership?.status === 'accepted' && viewerId && (
        <ConfirmButton
          confirmText="Yes, leave"
          pending={leave.isPending}
          onConfirm={() => leave.mutate({ id: playlist.id, userId: viewerId }, { onSuccess: onLeft })}
        >
          Leave
        </ConfirmButton>
      )}
    </>
  );

  return (
    <div className="page playlist-page">
      <title>{`${playlist.title} · Muse`}</title>
      {notice && <Alert tone="success">{notice}</Alert>}
      {membership?.status === 'invited' && viewerId && (
        <InvitationBanner playlistId={playlist.id} title={playlist.title} owner={playlist.owner} viewerId={viewerId} onDeclined={onLeft} />
      )}
      <PlaylistHeader playlist={playlist} actions={actions} />
      {failed && <Alert tone="error">{isApiError(failed) ? failed.detail : 'Something went wrong. Please try again.'}</Alert>}
      <section className="card playlist-entries-card" aria-label={playlist.kind === 'list' ? 'Albums' : 'Tracks'}>
        <PlaylistEntries playlist={playlist} canEdit={permissions.editEntries} />
        <MoreEntries playlist={playlist} token={token} />
      </section>
      {permissions.edit && (
        <>
          <ShareDialog playlist={playlist} open={dialog === 'share'} onClose={() => setDialog(null)} />
          <CollaboratorsDialog playlist={playlist} open={dialog === 'collaborators'} onClose={() => setDialog(null)} />
          <EditPlaylistDialog playlist={playlist} open={dialog === 'edit'} onClose={() => setDialog(null)} />
        </>
      )}
    </div>
  );
}

/** "Show more" under a long playlist: the page answers its first entries, the rest come a page at a time. */
function MoreEntries({ playlist, token }: { playlist: PlaylistView; token: string | null }) {
  const more = useLoadMoreEntries(playlist.id, token);
  if (playlist.entriesNext === null) return null;
  const left = playlist.entryCount - playlist.entries.length;
  const noun = playlist.kind === 'list' ? 'album' : 'track';
  return (
    <div className="playlist-more">
      <p className="muted" aria-live="polite">
        Showing {playlist.entries.length} of {formatCount(playlist.entryCount, noun)}.
      </p>
      {more.isError && <Alert tone="error">{isApiError(more.error) ? more.error.detail : 'The next entries could not be loaded. Try again.'}</Alert>}
      <Button variant="secondary" size="sm" pending={more.isPending} onClick={() => more.mutate(playlist.entriesNext!)}>
        Show {Math.min(left, PLAYLIST_LIMITS.entriesPage)} more
      </Button>
    </div>
  );
}
