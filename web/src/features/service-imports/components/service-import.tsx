import { readPlaylistUrl, type ProviderName, type ServiceImportCreateInput } from '@muse/shared';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { isApiError } from '../../../lib/api-client';
import { SERVICE_NAMES, useConnections } from '../../../lib/music-services';
import { useCreateServiceImport } from '../api/create-service-import';
import { useServiceImports } from '../api/get-service-imports';
import { ServicePlaylistList } from '../../../components/service-playlist-list';
import { ServiceImportProgress } from './service-import-progress';

/** The search parameter that names the import being followed, so a reload finds it again. */
const IMPORT_PARAM = 'import';

/**
 * "From Spotify / Apple Music": pick a connected service and one of its playlists, or paste a
 * playlist link, and follow the import live. Without a connected service it says where to
 * connect one. The import followed is kept in the URL, so its progress survives a reload; opened
 * without one, the page follows the user's latest import while it still runs.
 */
export function ServiceImport() {
  const [params, setParams] = useSearchParams();
  const named = params.get(IMPORT_PARAM);
  const latest = useServiceImports(named === null).data?.items[0];
  const importId = named ?? (latest && (latest.status === 'queued' || latest.status === 'importing') ? latest.id : null);
  const connections = useConnections();
  const create = useCreateServiceImport();
  const [chosen, setChosen] = useState<ProviderName | null>(null);
  const [url, setUrl] = useState('');
  const [urlError, setUrlError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState<string | null>(null);

  const start = (input: ServiceImportCreateInput, key: string) => {
    setError(null);
    setStarting(key);
    create.mutate(input, {
      onSuccess: (created) => {
        setParams((current) => {
          const next = new URLSearchParams(current);
          next.set(IMPORT_PARAM, created.id);
          return next;
        });
        if ('url' in input) setUrl('');
      },
      onError: (failure) => {
        const message = isApiError(failure) ? failure.detail : 'The import could not be started. Please try again.';
        if ('url' in input) setUrlError(message);
        else setError(message);
      },
      onSettled: () => setStarting(null),
    });
  };

  const submitUrl = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = readPlaylistUrl(url);
    if (!read.ok) {
      setUrlError(read.message);
      return;
    }
    setUrlError(undefined);
    start({ url }, 'url');
  };

  if (connections.isPending) return <p className="muted">Loading your connected services…</p>;
  if (connections.isError) return <Alert tone="error">Could not load your connected services. {connections.error.message}</Alert>;

  const active = connections.data.items.filter((c) => c.status === 'active').map((c) => c.provider);
  const lapsed = connections.data.items.filter((c) => c.status === 'needs_reconnect').map((c) => SERVICE_NAMES[c.provider]);
  const provider = chosen && active.includes(chosen) ? chosen : (active[0] ?? null);

  return (
    <div className="service-import">
      {/* First, so the import just started is in view whichever playlist of a long list was picked. */}
      {importId && <ServiceImportProgress key={importId} importId={importId} />}
      {lapsed.length > 0 && (
        <Alert tone="info">
          Muse lost access to your {lapsed.join(' and ')} account. <Link to="/settings#connections">Reconnect it in Settings</Link> to import from it.
        </Alert>
      )}
      {active.length === 0 ? (
        <p>
          Connect Spotify or Apple Music to import your playlists from it: <Link to="/settings#connections">Settings → Connected services</Link>.
        </p>
      ) : (
        <>
          {active.length > 1 && (
            <div className="service-import-services" role="group" aria-label="Service to import from">
              {active.map((p) => (
                <Button key={p} variant={p === provider ? 'primary' : 'secondary'} size="sm" aria-pressed={p === provider} onClick={() => setChosen(p)}>
                  {SERVICE_NAMES[p]}
                </Button>
              ))}
            </div>
          )}
          {error && <Alert tone="error">{error}</Alert>}
          {provider && (
            <ServicePlaylistList
              key={provider}
              provider={provider}
              action="Import"
              actionName={(playlist) => `Import ${playlist.name}`}
              pendingId={starting}
              onAction={(playlist) => start({ provider, playlistId: playlist.id }, playlist.id)}
            />
          )}
          <form className="service-import-url" onSubmit={submitUrl} noValidate>
            <TextField
              label="Or paste a playlist link"
              name="playlistUrl"
              value={url}
              onChange={(event) => setUrl(event.target.value)}
              error={urlError}
              hint="A link from open.spotify.com or music.apple.com, or a spotify:playlist: URI."
              autoComplete="off"
              inputMode="url"
            />
            <Button type="submit" variant="secondary" pending={starting === 'url'}>
              Import from link
            </Button>
          </form>
        </>
      )}
    </div>
  );
}
