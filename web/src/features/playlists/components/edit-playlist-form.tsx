import type { PlaylistView } from '@muse/shared';
import type { FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { useZodForm } from '../../../lib/use-zod-form';
import { useUpdatePlaylist, type PlaylistChanges } from '../api/update-playlist';
import { PlaylistChangedError } from '../api/version-conflict';
import { DescriptionField } from './description-field';
import { RankedCheckbox } from './ranked-checkbox';
import { feed } from './feed-field';
import { PlaylistEditFormSchema } from './playlist-form-fields';

/** The form of the owner's "Edit" dialog (edit-playlist-dialog.tsx). */
export function EditPlaylistForm({ playlist, onDone }: { playlist: PlaylistView; onDone: () => void }) {
  const form = useZodForm(PlaylistEditFormSchema, { title: playlist.title, description: playlist.description, ranked: String(playlist.ranked) });
  const update = useUpdatePlaylist(playlist.id);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = form.validate();
    if (!input) return;
    const changes: PlaylistChanges = {};
    if (input.title !== playlist.title) changes.title = input.title;
    if (input.description !== playlist.description) changes.description = input.description;
    if (playlist.kind === 'list' && (input.ranked === 'true') !== playlist.ranked) changes.ranked = input.ranked === 'true';
    if (Object.keys(changes).length === 0) {
      form.setFormError('Nothing has changed yet.');
      return;
    }
    update.mutate(changes, {
      onSuccess: onDone,
      onError: (error) => {
        if (error instanceof PlaylistChangedError)
          form.setFormError('The playlist kept changing while your edit was saved, so it was not saved. Please try again.');
        else form.showError(error);
      },
    });
  };

  return (
    <form ref={form.formRef} className="form" onSubmit={handleSubmit} noValidate aria-label="Edit details">
      {form.formError && <Alert tone="error">{form.formError}</Alert>}
      <TextField label="Title" autoComplete="off" required {...form.bind('title')} />
      <DescriptionField label="Description" rows={5} field={form.bind('description')} />
      {playlist.kind === 'list' && <RankedCheckbox ranked={form.values.ranked} onChange={(ranked) => feed(form.bind('ranked'), ranked)} />}
      <div className="form-actions form-actions-end">
        <Button variant="ghost" onClick={onDone} disabled={update.isPending}>
          Cancel
        </Button>
        <Button type="submit" pending={update.isPending}>
          Save changes
        </Button>
      </div>
    </form>
  );
}
