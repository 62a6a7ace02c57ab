import type { EntriesAddInput, PlaylistKind, PlaylistSummary, PlaylistView } from '@muse/shared';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../../lib/api-client';
import { useDisclosure } from '../../../lib/use-disclosure';
import { useAddEntries } from '../api/add-entries';
import { usePlaylists } from '../api/get-playlists';
import { CreatePlaylistDialog } from './create-playlist-dialog';

/** What is being added: one catalog track, an album's tracks (to a playlist), or an album (to a list). */
export type AddTarget =
  { type: 'track'; trackId: string; title: string } | { type: 'tracks'; trackIds: string[]; title: string } | { type: 'album'; albumId: string; title: string };

interface AddToPlaylistMenuProps {
  target: AddTarget;
  /** The button's visible text; "Add to playlist" or "Add to list" by default. */
  label?: string;
  /** A small "+" icon button (track rows, search results) instead of a text button. */
  compact?: boolean;
}

type Status =
  { state: 'adding'; title: string } | { state: 'added'; title: string; id: string; count: number } | { state: 'failed'; title: string; reason: string };

function inputFor(target: AddTarget): EntriesAddInput {
  if (target.type === 'track') return { trackId: target.trackId };
  if (target.type === 'album') return { albumId: target.albumId };
  return { entries: target.trackIds.map((trackId) => ({ trackId })) };
}

/**
 * "Add to playlist" (tracks) or "Add to list" (albums): a button opening the user's playlists of
 * the right kind, their own and those they collaborate on, and "New playlist…". What happened is
 * said next to the button ("Added to X", with a link) until dismissed.
 */
export function AddToPlaylistMenu({ target, label, compact = false }: AddToPlaylistMenuProps) {
  const kind: PlaylistKind = target.type === 'album' ? 'list' : 'playlist';
  const noun = kind === 'list' ? 'list' : 'playlist';
  const buttonLabel = label ?? `Add to ${noun}`;
  const { open, close, buttonProps, rootProps, panelProps } = useDisclosure();
  const mine = usePlaylists('mine', kind, open);
  const shared = usePlaylists('collaborating', kind, open);
  const add = useAddEntries();
  const [creating, setCreating] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);

  // The status stays until the user clicks elsewhere, presses Escape or opens the menu again.
  useEffect(() => {
    if (!status || status.state === 'adding') return;
    const dismissOutside = (event: PointerEvent) => {
      if (!statusRef.current?.contains(event.target as Node)) setStatus(null);
    };
    const dismissOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setStatus(null);
    };
    document.addEventListener('pointerdown', dismissOutside);
    document.addEventListener('keydown', dismissOnEscape);
    return () => {
      document.removeEventListener('pointerdown', dismissOutside);
      document.removeEventListener('keydown', dismissOnEscape);
    };
  }, [status]);

  const addTo = (playlist: Pick<PlaylistSummary, 'id' | 'title'>) => {
    close(true);
    setStatus({ state: 'adding', title: playlist.title });
    add.mutate(
      { playlistId: playlist.id, input: inputFor(target) },
      {
        onSuccess: (result) => setStatus({ state: 'added', title: playlist.title, id: playlist.id, count: result.entries.length }),
        onError: (error) => setStatus({ state: 'failed', title: playlist.title, reason: isApiError(error) ? error.detail : 'Something went wrong.' }),
      },
    );
  };

  const playlists = [...(mine.data?.pages.flatMap((page) => page.items) ?? []), ...(shared.data?.pages.flatMap((page) => page.items) ?? [])];
  const loading = mine.isPending || shared.isPending;

  return (
    <div className="popover-root add-to-playlist" {...rootProps}>
      <button
        type="button"
        className={compact ? 'icon-button add-to-playlist-icon' : 'btn btn-secondary btn-sm'}
        aria-label={compact ? `${buttonLabel}: ${target.title}` : undefined}
        title={compact ? buttonLabel : undefined}
        {...buttonProps}
        onClick={() => {
          setStatus(null);
          buttonProps.onClick();
        }}
      >
        {compact ? <span aria-hidden="true">+</span> : buttonLabel}
      </button>
      {open && (
        <div className="popover add-to-playlist-panel" {...panelProps} role="group" aria-label={`${buttonLabel}: ${target.title}`}>
          <p className="add-to-playlist-heading">Add “{target.title}” to…</p>
          {loading ? (
            <p className="popover-empty">Loading your {noun}s…</p>
          ) : mine.isError ? (
            <p className="popover-empty">Could not load your {noun}s.</p>
          ) : (
            <ul className="menu-list add-to-playlist-list">
              {playlists.map((playlist) => (
                <li key={playlist.id}>
                  <button type="button" className="menu-item" onClick={() => addTo(playlist)}>
                    <span className="add-to-playlist-title">{playlist.title}</span>
                    <span className="muted add-to-playlist-count">{playlist.entryCount}</span>
                  </button>
                </li>
              ))}
              <li>
                <button
                  type="button"
                  className="menu-item add-to-playlist-new"
                  onClick={() => {
                    close(false);
                    setCreating(true);
                  }}
                >
                  New {noun}…
                </button>
              </li>
            </ul>
          )}
        </div>
      )}
      {status && (
        <div ref={statusRef} className={`add-to-playlist-status${status.state === 'failed' ? ' add-to-playlist-status-error' : ''}`} role="status">
          {status.state === 'adding' && <>Adding to {status.title}…</>}
          {status.state === 'added' && (
            <>
              {status.count > 1 ? `Added ${status.count} tracks to ` : 'Added to '}
              <Link to={`/playlists/${encodeURIComponent(status.id)}`}>{status.title}</Link>
            </>
          )}
          {status.state === 'failed' && (
            <>
              Not added to {status.title}: {status.reason}
            </>
          )}
          {status.state !== 'adding' && (
            <button type="button" className="add-to-playlist-dismiss" aria-label="Dismiss" onClick={() => setStatus(null)}>
              <span aria-hidden="true">×</span>
            </button>
          )}
        </div>
      )}
      <CreatePlaylistDialog
        open={creating}
        kind={kind}
        onClose={() => {
          setCreating(false);
          buttonProps.ref.current?.focus();
        }}
        onCreated={(created: PlaylistView) => {
          setCreating(false);
          addTo(created);
        }}
      />
    </div>
  );
}
