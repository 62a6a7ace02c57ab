import { ACTIVITY_TYPES, MuteCreateSchema, type MuteCreateInput } from '@muse/shared';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { zodFieldErrors } from '../../../lib/use-zod-form';
import { useAddMute } from '../api/add-mute';
import { useMutes } from '../api/get-mutes';
import { useRemoveMute } from '../api/remove-mute';
import { useSearchArtists } from '../api/search-artists';
import { ACTIVITY_LABELS } from './feed-text';

const KIND_OPTIONS = [
  { value: 'user', label: 'A person' },
  { value: 'artist', label: 'An artist' },
  { value: 'activity_type', label: 'A kind of activity' },
];

const KIND_NAMES: Record<MuteCreateInput['kind'], string> = { user: 'Person', artist: 'Artist', activity_type: 'Activity' };

/** Artists matching what was typed, each a button that mutes it (the API mutes artists by id). */
function ArtistChoices({ query, onPick, pending }: { query: string; onPick: (artistId: string) => void; pending: boolean }) {
  const debounced = useDebouncedValue(query, 250);
  const artists = useSearchArtists(debounced);
  if (debounced.trim().length < 2) return null;
  const list = artists.data ?? [];
  return (
    <ul className="picker-results" aria-label="Artists to mute">
      {list.length === 0 && !artists.isFetching && <li className="muted">No artists match.</li>}
      {list.map((artist) => (
        <li key={artist.id}>
          <button type="button" className="picker-result" onClick={() => onPick(artist.id)} disabled={pending}>
            Mute {artist.name}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Feed filters: the list of mutes with "Unmute", and a small form to add one. */
export function MuteSettings() {
  const mutes = useMutes();
  const add = useAddMute();
  const remove = useRemoveMute();
  const [kind, setKind] = useState<MuteCreateInput['kind']>('user');
  const [target, setTarget] = useState('');
  const [activity, setActivity] = useState<string>(ACTIVITY_TYPES[0]);
  const [error, setError] = useState<string | undefined>();

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (kind === 'artist') {
      setError('Choose the artist from the list below');
      return;
    }
    const parsed = MuteCreateSchema.safeParse({ kind, target: kind === 'activity_type' ? activity : target.replace(/^@/, '') });
    if (!parsed.success) {
      setError(zodFieldErrors(parsed.error).target ?? 'Say what to mute');
      return;
    }
    setError(undefined);
    add.mutate(parsed.data, { onSuccess: () => setTarget('') });
  };

  return (
    <div className="stack">
      {mutes.isPending ? (
        <p className="muted">Loading your filters…</p>
      ) : mutes.isError ? (
        <Alert tone="error">Could not load your feed filters. {mutes.error.message}</Alert>
      ) : mutes.data.length === 0 ? (
        <p className="muted">Nothing is muted. Everything the people you follow do shows in your feed.</p>
      ) : (
        <ul className="settings-list" aria-label="Muted in your feed">
          {mutes.data.map((mute) => (
            <li key={`${mute.kind}:${mute.target}`} className="settings-row">
              <span className="settings-row-text">
                <span className="pill">{KIND_NAMES[mute.kind]}</span> {mute.label}
              </span>
              <Button
                variant="ghost"
                size="sm"
                onClick={() => remove.mutate(mute)}
                pending={remove.isPending && remove.variables?.target === mute.target && remove.variables.kind === mute.kind}
                aria-label={`Unmute ${mute.label}`}
              >
                Unmute
              </Button>
            </li>
          ))}
        </ul>
      )}
      {remove.isError && <Alert tone="error">Could not unmute: {remove.error.message}</Alert>}
      <form className="form form-inline" onSubmit={handleSubmit} noValidate aria-label="Mute something">
        <SelectField label="Mute" value={kind} onChange={(event) => setKind(event.target.value as MuteCreateInput['kind'])} options={KIND_OPTIONS} />
        {kind === 'activity_type' ? (
          <SelectField
            label="Activity"
            value={activity}
            onChange={(event) => setActivity(event.target.value)}
            options={ACTIVITY_TYPES.map((type) => ({ value: type, label: ACTIVITY_LABELS[type] }))}
          />
        ) : (
          <TextField
            label={kind === 'user' ? 'Handle' : 'Artist name'}
            name="target"
            value={target}
            prefix={kind === 'user' ? '@' : undefined}
            onChange={(event) => {
              setTarget(event.target.value);
              setError(undefined);
            }}
            error={error}
            maxLength={64}
          />
        )}
        {kind === 'artist' ? (
          <ArtistChoices
            query={target}
            pending={add.isPending}
            onPick={(artistId) => add.mutate({ kind: 'artist', target: artistId }, { onSuccess: () => setTarget('') })}
          />
        ) : (
          <div className="form-actions">
            <Button type="submit" variant="secondary" pending={add.isPending}>
              Mute
            </Button>
          </div>
        )}
      </form>
      {add.isError && <Alert tone="error">{add.error.message}</Alert>}
    </div>
  );
}
