import {
  PLAYLIST_FILE_MAX_BYTES,
  PlaylistImportConfirmSchema,
  type PlaylistImportPreview,
  type PlaylistImportRowView,
  type PlaylistKind,
  type PlaylistView,
  type PlaylistVisibility,
} from '@muse/shared';
import { useId, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { isApiError } from '../../../lib/api-client';
import { formatDuration } from '../../../lib/format-music';
import { zodFieldErrors } from '../../../lib/use-zod-form';
import { useConfirmPlaylistImport } from '../api/confirm-playlist-import';
import { usePreviewPlaylistImport } from '../api/preview-playlist-import';

const ACCEPT = '.jspf,.json,.xspf,.xml,.m3u,.m3u8,.csv,.txt';

/** Who sees an imported playlist at first; sharing with chosen people is done from its page afterwards. */
const VISIBILITIES: { value: PlaylistVisibility; label: string }[] = [
  { value: 'private', label: 'Only me (and collaborators)' },
  { value: 'public', label: 'Everyone' },
  { value: 'followers', label: 'My followers' },
  { value: 'link', label: 'Anyone with the link' },
];

const STATUS_TEXT: Record<PlaylistImportRowView['status'], string> = { matched: 'Matched', unmatched: 'Kept, not in the catalog', invalid: 'Skipped' };

/** The row's snapshot as a person reads it: "Artist – Title (3:45)". */
function rowLabel(row: PlaylistImportRowView): string {
  const snapshot = row.entry?.snapshot;
  if (!snapshot) return '—';
  const artists = snapshot.artists.join(', ');
  const duration = snapshot.durationMs ? ` (${formatDuration(snapshot.durationMs)})` : '';
  return `${artists ? `${artists} – ` : ''}${snapshot.title}${duration}`;
}

function PreviewRows({ preview }: { preview: PlaylistImportPreview }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Rows of the file">
      <table className="table import-table">
        <caption className="sr-only">Every row of the file and what becomes of it</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">In the file</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => (
            <tr key={row.line} className={`import-row import-row-${row.status}`}>
              <td>{row.line}</td>
              <td>{rowLabel(row)}</td>
              <td>
                <strong>{STATUS_TEXT[row.status]}</strong>
                {row.match && (
                  <span className="muted">
                    {' '}
                    → {row.match.title} · {row.match.artistCredit}
                  </span>
                )}
                {row.reason && <span className="muted"> · {row.reason}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Imports a playlist file in two steps: upload it and see every row matched, kept without a
 * catalog match, or skipped with the reason; then name it, choose who sees it and confirm.
 * Nothing is stored before the confirmation, and confirming twice makes one playlist.
 */
export function PlaylistImport({ onImported }: { onImported: (playlist: PlaylistView) => void }) {
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<PlaylistKind>('playlist');
  const [title, setTitle] = useState('');
  const [visibility, setVisibility] = useState<PlaylistVisibility>('private');
  const [error, setError] = useState<string | null>(null);
  const [titleError, setTitleError] = useState<string | undefined>();
  const preview = usePreviewPlaylistImport();
  const confirm = useConfirmPlaylistImport();
  const shown = preview.data;

  const upload = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    if (!file) return setError('Choose a playlist file first.');
    if (file.size === 0) return setError('The file is empty.');
    if (file.size > PLAYLIST_FILE_MAX_BYTES) return setError('The file is larger than 2 MB. A playlist of 10,000 entries fits in less; is it the right file?');
    preview.mutate(
      { file, kind },
      {
        onSuccess: (result) => setTitle(result.title ?? file.name.replace(/\.[^.]+$/, '')),
        onError: (failure) => setError(isApiError(failure) ? failure.detail : 'The upload failed. Please try again.'),
      },
    );
  };

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!shown) return;
    setError(null);
    const parsed = PlaylistImportConfirmSchema.safeParse({ previewId: shown.previewId, title, kind: shown.kind, visibility });
    if (!parsed.success) {
      setTitleError(zodFieldErrors(parsed.error).title);
      return;
    }
    setTitleError(undefined);
    confirm.mutate(parsed.data, {
      onSuccess: (playlist) => onImported(playlist),
      onError: (failure) => setError(isApiError(failure) ? failure.detail : 'Saving failed. Please try again.'),
    });
  };

  const stored = shown ? shown.counts.matched + shown.counts.unmatched : 0;
  return (
    <div className="playlist-import">
      {error && <Alert tone="error">{error}</Alert>}
      <form className="form card" onSubmit={upload} noValidate aria-label="Choose a playlist file">
        <div className="field">
          <label className="field-label" htmlFor={fileId}>
            Playlist file
          </label>
          <input
            id={fileId}
            className="file-input"
            type="file"
            accept={ACCEPT}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              preview.reset();
            }}
          />
          <p className="field-hint">
            JSPF (ListenBrainz), XSPF, M3U or M3U8 with #EXTINF lines, or a CSV with a header row (Exportify and Muse exports work). Up to 2 MB.
          </p>
        </div>
        <fieldset className="fieldset">
          <legend className="field-label">Import as</legend>
          <label className="radio-field">
            <input type="radio" name="kind" checked={kind === 'playlist'} onChange={() => setKind('playlist')} />
            <span>A playlist of tracks</span>
          </label>
          <label className="radio-field">
            <input type="radio" name="kind" checked={kind === 'list'} onChange={() => setKind('list')} />
            <span>A list of albums</span>
          </label>
        </fieldset>
        <div className="form-actions">
          <Button type="submit" pending={preview.isPending} disabled={!file}>
            Read and match
          </Button>
        </div>
      </form>

      {shown && (
        <section className="card" aria-labelledby="import-preview-heading">
          <h2 id="import-preview-heading">What the file holds</h2>
          <p role="status">
            {shown.format.toUpperCase()} file: <strong>{shown.counts.matched} matched</strong>, {shown.counts.unmatched} kept without a catalog match,{' '}
            {shown.counts.invalid} skipped.
          </p>
          <PreviewRows preview={shown} />
          {stored === 0 ? (
            <Alert tone="error">Nothing in this file can be imported.</Alert>
          ) : (
            <form className="form" onSubmit={save} noValidate aria-label="Save the playlist">
              <TextField label="Title" name="title" value={title} onChange={(event) => setTitle(event.target.value)} error={titleError} maxLength={200} />
              <SelectField
                label="Who can see it"
                value={visibility}
                onChange={(event) => setVisibility(event.target.value as PlaylistVisibility)}
                options={VISIBILITIES}
              />
              <div className="form-actions">
                <Button type="submit" pending={confirm.isPending}>
                  Save {stored} {shown.kind === 'list' ? (stored === 1 ? 'album' : 'albums') : stored === 1 ? 'track' : 'tracks'}
                </Button>
              </div>
            </form>
          )}
        </section>
      )}
    </div>
  );
}
