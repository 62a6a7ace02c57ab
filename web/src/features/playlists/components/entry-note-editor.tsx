import { PLAYLIST_LIMITS } from '@muse/shared';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { TextareaField } from '../../../components/ui/textarea-field';
import { loadSchemas } from '../../../lib/shared-schemas';

/** The inline note editor of one entry; an empty note removes it. */
export function EntryNoteEditor({
  title,
  note,
  onSave,
  onCancel,
}: {
  title: string;
  note: string | null;
  onSave: (note: string | null) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState(note ?? '');
  const [error, setError] = useState<string | undefined>();

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { EntryNoteSchema } = await loadSchemas();
    const parsed = EntryNoteSchema.safeParse(text);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'This note cannot be saved.');
      return;
    }
    onSave(parsed.data === '' ? null : parsed.data);
  };

  return (
    <form
      className="entry-note-form"
      onSubmit={(event) => void handleSubmit(event)}
      noValidate
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <TextareaField
        label={`Note on ${title}`}
        hideLabel
        name="note"
        rows={2}
        autoFocus
        maxChars={PLAYLIST_LIMITS.note}
        placeholder="Why it is here, what to listen for…"
        value={text}
        error={error}
        onChange={(event) => {
          setText(event.target.value);
          setError(undefined);
        }}
      />
      <div className="form-actions">
        <Button type="submit" size="sm">
          Save note
        </Button>
        <Button variant="ghost" size="sm" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
