import { PLAYLIST_LIMITS, type PlaylistView } from '@muse/shared';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Avatar } from '../../../components/ui/avatar';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { TextField } from '../../../components/ui/text-field';
import { isApiError } from '../../../lib/api-client';
import { usePeople } from '../api/get-people';
import { useInviteCollaborator } from '../api/invite-collaborator';
import { useRemoveCollaborator } from '../api/remove-collaborator';
import { matchPeople } from './people-search';

/** The owner's "Collaborators" dialog: who is invited or working on the playlist, and people they follow to invite. */
export function CollaboratorsDialog({ playlist, open, onClose }: { playlist: PlaylistView; open: boolean; onClose: () => void }) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Collaborators"
      description={`Collaborators add, remove, reorder and annotate the entries of “${playlist.title}”. Only you change its title, sharing and collaborators.`}
    >
      {open && <CollaboratorsPanel playlist={playlist} />}
    </Dialog>
  );
}

function CollaboratorsPanel({ playlist }: { playlist: PlaylistView }) {
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState('');
  const invite = useInviteCollaborator(playlist.id);
  const remove = useRemoveCollaborator();
  const following = usePeople(playlist.owner.handle, 'following', true);
  const taken = new Set(playlist.collaborators.map((c) => c.user.id));
  const full = playlist.collaborators.length >= PLAYLIST_LIMITS.collaborators;
  const candidates = matchPeople(
    (following.data?.pages.flatMap((page) => page.items) ?? []).filter((item) => !taken.has(item.user.id)),
    query,
  );
  const failed = invite.error ?? remove.error;

  return (
    <div className="collaborators">
      <p className="sr-only" role="status">
        {status}
      </p>
      {failed && <Alert tone="error">{isApiError(failed) ? failed.detail : 'Something went wrong. Please try again.'}</Alert>}
      <h3 className="collaborators-heading">
        On this {playlist.kind} ({playlist.collaborators.length} of {PLAYLIST_LIMITS.collaborators})
      </h3>
      {playlist.collaborators.length === 0 ? (
        <p className="muted">Nobody yet. Invite people you follow below; they can accept or decline.</p>
      ) : (
        <ul className="people-list" aria-label="Collaborators">
          {playlist.collaborators.map(({ user, status: state }) => (
            <li key={user.id} className="people-row">
              <Avatar displayName={user.displayName} handle={user.handle} size={32} decorative />
              <span className="people-row-name">
                {user.displayName} <span className="muted">@{user.handle}</span>
              </span>
              <span className={`playlist-badge${state === 'invited' ? ' playlist-badge-pending' : ''}`}>
                {state === 'invited' ? 'Invited' : 'Collaborator'}
              </span>
              <Button
                variant="ghost"
                size="sm"
                aria-label={`Remove ${user.displayName}`}
                disabled={remove.isPending}
                onClick={() => remove.mutate({ id: playlist.id, userId: user.id }, { onSuccess: () => setStatus(`${user.displayName} removed.`) })}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <h3 className="collaborators-heading">Invite people you follow</h3>
      {full ? (
        <p className="muted">
          A {playlist.kind} has at most {PLAYLIST_LIMITS.collaborators} collaborators. Remove someone to invite another.
        </p>
      ) : (
        <>
          <TextField
            label="Search people you follow"
            name="collaborator-search"
            type="search"
            autoComplete="off"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
          {following.isPending ? (
            <p className="muted">Loading…</p>
          ) : following.isError ? (
            <p className="field-error">Could not load the people you follow. {following.error.message}</p>
          ) : candidates.length === 0 ? (
            <p className="muted">
              {query.trim() ? `Nobody you follow matches “${query.trim()}”.` : 'Follow people to invite them: only people you follow can be collaborators.'}
            </p>
          ) : (
            <ul className="people-list" aria-label="People you follow">
              {candidates.map(({ user }) => (
                <li key={user.id} className="people-row">
                  <Avatar displayName={user.displayName} handle={user.handle} avatarUrl={user.avatarUrl} size={32} decorative />
                  <span className="people-row-name">
                    {user.displayName} <span className="muted">@{user.handle}</span>
                  </span>
                  <Button
                    variant="secondary"
                    size="sm"
                    aria-label={`Invite ${user.displayName}`}
                    pending={invite.isPending && invite.variables === user.id}
                    disabled={invite.isPending}
                    onClick={() => invite.mutate(user.id, { onSuccess: () => setStatus(`${user.displayName} invited.`) })}
                  >
                    Invite
                  </Button>
                </li>
              ))}
            </ul>
          )}
          {following.hasNextPage && (
            <Button variant="ghost" size="sm" onClick={() => void following.fetchNextPage()} pending={following.isFetchingNextPage}>
              More people
            </Button>
          )}
        </>
      )}
    </div>
  );
}
