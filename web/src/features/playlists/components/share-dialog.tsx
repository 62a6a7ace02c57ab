import { PLAYLIST_LIMITS, type PlaylistView, type PlaylistVisibility, type UserSummary } from '@muse/shared';
import { useId, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { isApiError } from '../../../lib/api-client';
import { useRegenerateLink } from '../api/regenerate-link';
import { useUpdatePlaylist } from '../api/update-playlist';
import { PlaylistChangedError } from '../api/version-conflict';
import { FollowerPicker } from './follower-picker';
import { ShareLink } from './share-link';
import { VISIBILITY_TEXT } from './playlist-labels';

const VISIBILITIES: PlaylistVisibility[] = ['public', 'followers', 'people', 'private', 'link'];

/** The owner's "Share" dialog: who may see the playlist, the followers it is shared with, and its link. */
export function ShareDialog({ playlist, open, onClose }: { playlist: PlaylistView; open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Share" description={`Who can see “${playlist.title}”`}>
      {open && <ShareForm playlist={playlist} onDone={onClose} />}
    </Dialog>
  );
}

function errorText(error: unknown): string {
  if (error instanceof PlaylistChangedError) return 'The playlist kept changing while this was saved, so it was not saved. Please try again.';
  return isApiError(error) ? error.detail : 'Something went wrong. Please try again.';
}

function ShareForm({ playlist, onDone }: { playlist: PlaylistView; onDone: () => void }) {
  const [visibility, setVisibility] = useState<PlaylistVisibility>(playlist.visibility);
  const [picked, setPicked] = useState<UserSummary[]>(playlist.sharedWith ?? []);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const update = useUpdatePlaylist(playlist.id);
  const regenerate = useRegenerateLink(playlist.id);
  const groupId = useId();

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    setSaved(false);
    if (visibility === 'people' && picked.length === 0) {
      setError('Pick at least one follower to share it with, or choose another option.');
      return;
    }
    if (picked.length > PLAYLIST_LIMITS.sharedWith) {
      setError(`You can share it with at most ${PLAYLIST_LIMITS.sharedWith} people.`);
      return;
    }
    update.mutate(
      { visibility, ...(visibility === 'people' ? { sharedWith: picked.map((user) => user.id) } : {}) },
      {
        onSuccess: (view) => {
          setSaved(true);
          // A playlist that just became link-only needs a link to be of use.
          if (view.visibility === 'link' && !view.linkToken) regenerate.mutate(undefined, { onError: (e) => setError(errorText(e)) });
        },
        onError: (e) => setError(errorText(e)),
      },
    );
  };

  const savedAsLink = playlist.visibility === 'link';
  return (
    <form className="form share-form" onSubmit={handleSubmit} noValidate aria-label="Share settings">
      {error && <Alert tone="error">{error}</Alert>}
      {saved && !error && <Alert tone="success">Saved: {VISIBILITY_TEXT[playlist.visibility].label.toLowerCase()}.</Alert>}
      <fieldset className="fieldset share-options">
        <legend className="field-label">Who can see it</legend>
        {VISIBILITIES.map((value) => (
          <label key={value} className="radio-field share-option">
            <input
              type="radio"
              name="visibility"
              value={value}
              checked={visibility === value}
              aria-describedby={`${groupId}-${value}`}
              onChange={() => {
                setVisibility(value);
                setSaved(false);
              }}
            />
            <span>
              <span className="share-option-label">{VISIBILITY_TEXT[value].label}</span>
              <span className="share-option-help muted" id={`${groupId}-${value}`}>
                {VISIBILITY_TEXT[value].help}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      {visibility === 'people' && <FollowerPicker ownerHandle={playlist.owner.handle} picked={picked} onChange={setPicked} />}
      {visibility === 'link' &&
        (savedAsLink && playlist.linkToken ? (
          <ShareLink
            playlistId={playlist.id}
            token={playlist.linkToken}
            regenerating={regenerate.isPending}
            onRegenerate={() => regenerate.mutate(undefined, { onError: (e) => setError(errorText(e)) })}
          />
        ) : (
          <p className="muted">Save to make the link.</p>
        ))}
      <div className="form-actions form-actions-end">
        <Button variant="ghost" onClick={onDone}>
          Close
        </Button>
        <Button type="submit" pending={update.isPending}>
          Save
        </Button>
      </div>
    </form>
  );
}
