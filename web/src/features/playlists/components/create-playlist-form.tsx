import type { PlaylistKind, PlaylistView } from '@muse/shared';
import { useId, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { useZodForm } from '../../../lib/use-zod-form';
import { useCreatePlaylist } from '../api/create-playlist';
import { VISIBILITY_TEXT } from './playlist-labels';
import { DescriptionField } from './description-field';
import { RankedCheckbox } from './ranked-checkbox';
import { feed } from './feed-field';
import { PlaylistCreateFormSchema } from './playlist-form-fields';

// "Specific people" needs people picked first: that is done in the share dialog once it exists.
const CREATE_VISIBILITIES = (['public', 'followers', 'private', 'link'] as const).map((value) => ({ value, label: VISIBILITY_TEXT[value].label }));

/** The form of the "New playlist" / "New list" dialog (create-playlist-dialog.tsx). */
export function CreatePlaylistForm({ kind, onCancel, onCreated }: { kind: PlaylistKind; onCancel: () => void; onCreated: (playlist: PlaylistView) => void }) {
  const form = useZodForm(PlaylistCreateFormSchema, { title: '', description: '', kind, visibility: 'public', ranked: 'false' });
  const create = useCreatePlaylist();
  const visibilityHintId = useId();
  const isList = form.values.kind === 'list';

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = form.validate();
    if (!input) return;
    create.mutate(
      {
        title: input.title,
        kind: input.kind,
        visibility: input.visibility,
        description: input.description || undefined,
        ranked: input.kind === 'list' ? input.ranked === 'true' : undefined,
      },
      { onSuccess: onCreated, onError: form.showError },
    );
  };

  return (
    <form ref={form.formRef} className="form" onSubmit={handleSubmit} noValidate aria-label={isList ? 'New list' : 'New playlist'}>
      {form.formError && <Alert tone="error">{form.formError}</Alert>}
      <TextField label="Title" autoComplete="off" required {...form.bind('title')} />
      <fieldset className="fieldset">
        <legend className="field-label">Kind</legend>
        <div className="playlist-kind-choices">
          <label className="radio-field">
            <input type="radio" name="kind" value="playlist" checked={!isList} onChange={() => feed(form.bind('kind'), 'playlist')} />
            <span>Playlist: tracks in order</span>
          </label>
          <label className="radio-field">
            <input type="radio" name="kind" value="list" checked={isList} onChange={() => feed(form.bind('kind'), 'list')} />
            <span>List: albums, Letterboxd-style</span>
          </label>
        </div>
      </fieldset>
      {isList && <RankedCheckbox ranked={form.values.ranked} onChange={(ranked) => feed(form.bind('ranked'), ranked)} />}
      <SelectField
        label="Who can see it"
        name="visibility"
        value={form.values.visibility}
        options={CREATE_VISIBILITIES}
        aria-describedby={visibilityHintId}
        onChange={(event) => feed(form.bind('visibility'), event.target.value)}
      />
      <p className="field-hint playlist-visibility-hint" id={visibilityHintId}>
        {VISIBILITY_TEXT[form.values.visibility as keyof typeof VISIBILITY_TEXT]?.help} You can share it with specific people later.
      </p>
      <DescriptionField label="Description (optional)" rows={4} field={form.bind('description')} />
      <div className="form-actions form-actions-end">
        <Button variant="ghost" onClick={onCancel} disabled={create.isPending}>
          Cancel
        </Button>
        <Button type="submit" pending={create.isPending}>
          {isList ? 'Create list' : 'Create playlist'}
        </Button>
      </div>
    </form>
  );
}
