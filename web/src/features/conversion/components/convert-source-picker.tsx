import { readPlaylistUrl, type ProviderName } from '@muse/shared';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { formatCount } from '../../../lib/format-music';
import { ServicePlaylistList } from '../../../components/service-playlist-list';
import { useConnections } from '../../../lib/music-services';
import { useMusePlaylists } from '../api/get-convert-sources';
import { TARGET_NAMES } from './conversion-labels';
import type { ConvertSourceChoice } from './convert-dialog';

type Pick = (choice: ConvertSourceChoice) => void;

function MusePlaylists({ onPick }: { onPick: Pick }) {
  const playlists = useMusePlaylists();
  const items = playlists.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="card convert-section" aria-labelledby="convert-muse-title">
      <h2 id="convert-muse-title" className="card-title">
        Your Muse playlists
      </h2>
      {playlists.isPending && <p className="muted">Loading your playlists…</p>}
      {playlists.isError && <Alert tone="error">Could not load your playlists. {playlists.error.message}</Alert>}
      {playlists.isSuccess && items.length === 0 && (
        <p className="muted">
          You have no playlists yet. <Link to="/playlists?new=playlist">Make one</Link>.
        </p>
      )}
      {items.length > 0 && (
        <ul className="convert-source-list">
          {items.map((playlist) => (
            <li key={playlist.id} className="convert-source-item">
              <span>
                <Link to={`/playlists/${encodeURIComponent(playlist.id)}`}>{playlist.title}</Link>
                <span className="muted"> · {formatCount(playlist.entryCount, 'track')}</span>
              </span>
              <Button
                variant="secondary"
                size="sm"
                aria-label={`Convert ${playlist.title}`}
                onClick={() => onPick({ source: { kind: 'muse', playlistId: playlist.id }, title: playlist.title, provider: null })}
              >
                Convert
              </Button>
            </li>
          ))}
        </ul>
      )}
      {playlists.hasNextPage && (
        <Button variant="ghost" size="sm" pending={playlists.isFetchingNextPage} onClick={() => void playlists.fetchNextPage()}>
          Show more playlists
        </Button>
      )}
    </section>
  );
}

function ServicePlaylists({ provider, onPick }: { provider: ProviderName; onPick: Pick }) {
  const [open, setOpen] = useState(false);
  const name = TARGET_NAMES[provider];
  const listId = useId();
  return (
    <div className="convert-service">
      <Button variant="secondary" size="sm" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((value) => !value)}>
        {open ? `Hide my ${name} playlists` : `Show my ${name} playlists`}
      </Button>
      <div id={listId} hidden={!open}>
        <ServicePlaylistList
          provider={provider}
          enabled={open}
          action="Convert"
          actionName={(playlist) => `Convert ${playlist.name} from ${name}`}
          onAction={(playlist) => onPick({ source: { kind: 'service', provider, playlistId: playlist.id }, title: playlist.name, provider })}
        />
      </div>
    </div>
  );
}

function ServiceSources({ onPick }: { onPick: Pick }) {
  const connections = useConnections();
  const active = connections.data?.items.filter((c) => c.status === 'active' && connections.data.available.includes(c.provider)) ?? [];
  return (
    <section className="card convert-section" aria-labelledby="convert-service-title">
      <h2 id="convert-service-title" className="card-title">
        From Spotify or Apple Music
      </h2>
      {connections.isPending && <p className="muted">Checking your connected services…</p>}
      {connections.isError && <Alert tone="error">Could not load your connected services. {connections.error.message}</Alert>}
      {connections.isSuccess && active.length === 0 && (
        <p className="muted">
          No service is connected. Connect one in <Link to="/settings#connections">Settings → Connected services</Link>, or paste a playlist’s link below.
        </p>
      )}
      {active.map((connection) => (
        <ServicePlaylists key={connection.provider} provider={connection.provider} onPick={onPick} />
      ))}
      <PasteLink onPick={onPick} />
    </section>
  );
}

function PasteLink({ onPick }: { onPick: Pick }) {
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The same reading the server does, so a link it would refuse is explained here, and its service is known.
    const reading = readPlaylistUrl(url);
    if (!reading.ok) return setError(reading.message);
    setError(null);
    onPick({ source: { kind: 'url', url: url.trim() }, title: null, provider: reading.provider });
  };

  return (
    <form className="form convert-paste" onSubmit={handleSubmit} noValidate aria-label="Paste a playlist link">
      <TextField
        label="Or paste a playlist link"
        name="url"
        inputMode="url"
        autoComplete="off"
        placeholder="https://open.spotify.com/playlist/…"
        value={url}
        error={error ?? undefined}
        hint="A Spotify or Apple Music playlist link, such as open.spotify.com/playlist/…"
        onChange={(event) => {
          setUrl(event.target.value);
          setError(null);
        }}
      />
      <div className="form-actions">
        <Button type="submit" variant="secondary">
          Continue
        </Button>
      </div>
    </form>
  );
}

/** Where `/convert` picks what to convert: one of your Muse playlists, one of your playlists on a connected service, or a pasted link. */
export function ConvertSourcePicker({ onPick }: { onPick: Pick }) {
  return (
    <div className="convert-sources">
      <MusePlaylists onPick={onPick} />
      <ServiceSources onPick={onPick} />
    </div>
  );
}
