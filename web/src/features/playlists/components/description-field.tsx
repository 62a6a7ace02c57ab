import { PLAYLIST_LIMITS } from '@muse/shared';
import { TextareaField } from '../../../components/ui/textarea-field';
import { feed } from './feed-field';

type BoundField = { name: string; value: string; error?: string; onChange: Parameters<typeof feed>[0]['onChange'] };

/** The description box of a playlist's create and edit forms, counted against the API's limit; `field` is `form.bind('description')`. */
export function DescriptionField({ label, rows, field }: { label: string; rows: number; field: BoundField }) {
  return (
    <TextareaField
      label={label}
      name={field.name}
      rows={rows}
      maxChars={PLAYLIST_LIMITS.description.max}
      value={field.value}
      error={field.error}
      onChange={(event) => feed(field, event.target.value)}
    />
  );
}
