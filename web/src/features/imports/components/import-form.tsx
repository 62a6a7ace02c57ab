import { IMPORT_CSV_MAX_BYTES, ImportCreateSchema, type ImportSource, type ImportView } from '@muse/shared';
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { isApiError } from '../../../lib/api-client';
import { zodFieldErrors } from '../../../lib/use-zod-form';
import { useCreateImport } from '../api/create-import';

type Source = ImportSource;

/**
 * Guesses the export's origin: RYM names its columns after itself, a Muse export's reviews.csv
 * has snake_case album_title and body; Letterboxd's watchlist has the
 * same columns as its list of watched films, so only its file name (`watchlist.csv`) tells it apart.
 */
export function guessSource(csv: string, fileName = ''): Source {
  const header = (csv.split(/\r?\n/, 1)[0] ?? '').toLowerCase();
  if (header.includes('rym album') || (header.includes('first name') && header.includes('last name'))) return 'rym';
  if (header.includes('album_title') && header.includes('body')) return 'muse-reviews';
  return /watchlist/i.test(fileName) ? 'letterboxd-watchlist' : 'letterboxd';
}

/**
 * Chooses a CSV, reads it in the browser and uploads it for matching. The file never leaves
 * the page unread: size and emptiness are checked here first, with the API's own limits.
 */
export function ImportForm({ onStarted }: { onStarted: (created: ImportView) => void }) {
  const fileId = useId();
  const [file, setFile] = useState<{ name: string; csv: string } | null>(null);
  const [source, setSource] = useState<Source>('letterboxd');
  const [error, setError] = useState<string | null>(null);
  const create = useCreateImport();

  const handleFile = async (event: ChangeEvent<HTMLInputElement>) => {
    setError(null);
    const chosen = event.target.files?.[0];
    if (!chosen) {
      setFile(null);
      return;
    }
    if (chosen.size > IMPORT_CSV_MAX_BYTES) {
      setFile(null);
      setError('The file is larger than 5 MB. Split it into smaller files and import them one by one.');
      return;
    }
    const csv = await chosen.text();
    setFile({ name: chosen.name, csv });
    setSource(guessSource(csv, chosen.name));
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    if (!file) {
      setError('Choose a CSV file first.');
      return;
    }
    const parsed = ImportCreateSchema.safeParse({ source, csv: file.csv });
    if (!parsed.success) {
      setError(Object.values(zodFieldErrors(parsed.error))[0] ?? 'The file cannot be imported.');
      return;
    }
    create.mutate(parsed.data, {
      onSuccess: onStarted,
      onError: (failure) => setError(isApiError(failure) ? failure.detail : 'The upload failed. Please try again.'),
    });
  };

  return (
    <form className="form" onSubmit={handleSubmit} noValidate aria-label="Import ratings and diary">
      {error && <Alert tone="error">{error}</Alert>}
      <div className="field">
        <label className="field-label" htmlFor={fileId}>
          CSV file
        </label>
        <input id={fileId} className="file-input" type="file" accept=".csv,text/csv" onChange={(event) => void handleFile(event)} />
        <p className="field-hint">Up to 5 MB. Nothing is saved until you have seen what matched and confirmed.</p>
      </div>
      <fieldset className="fieldset">
        <legend className="field-label">Where is it from?</legend>
        <label className="radio-field">
          <input type="radio" name="source" value="letterboxd" checked={source === 'letterboxd'} onChange={() => setSource('letterboxd')} />
          <span>
            Letterboxd-style diary{' '}
            <span className="muted">(Date, Name, Artist, Year, Rating, Rewatch, Tags, Review; without an Artist, write Name as "Artist - Title")</span>
          </span>
        </label>
        <label className="radio-field">
          <input type="radio" name="source" value="rym" checked={source === 'rym'} onChange={() => setSource('rym')} />
          <span>
            Rate Your Music export <span className="muted">(RYM Album, First Name, Last Name, Title, Release_Date, Rating …)</span>
          </span>
        </label>
        <label className="radio-field">
          <input
            type="radio"
            name="source"
            value="letterboxd-watchlist"
            checked={source === 'letterboxd-watchlist'}
            onChange={() => setSource('letterboxd-watchlist')}
          />
          <span>
            Letterboxd watchlist, to your Listen later queue <span className="muted">(watchlist.csv: Date, Name as "Artist - Title", Year)</span>
          </span>
        </label>
        <label className="radio-field">
          <input type="radio" name="source" value="muse-reviews" checked={source === 'muse-reviews'} onChange={() => setSource('muse-reviews')} />
          <span>
            Muse export, album and track reviews <span className="muted">(reviews.csv from “Download my data”)</span>
          </span>
        </label>
      </fieldset>
      <div className="form-actions">
        <Button type="submit" pending={create.isPending} disabled={!file}>
          Upload and match
        </Button>
        {file && <span className="muted file-name">{file.name}</span>}
      </div>
    </form>
  );
}
