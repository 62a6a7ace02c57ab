import type { ExternalAlbumHit, ProviderName } from '@muse/shared';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { AlbumCover } from '../../../components/ui/album-cover';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { PageSpinner } from '../../../components/ui/spinner';
import { formatCount } from '../../../lib/format-music';
import { useAddExternalAlbum } from '../api/add-external-album';
import { useExternalSearch } from '../api/search-external-albums';
import { SERVICE_NAMES } from '../../../lib/music-services';

interface ExternalAlbumSearchProps {
  query: string;
  /** The services this server offers, in the order their buttons show. */
  providers: ProviderName[];
  /** Search the first service at once (Muse's own search found few albums). */
  searchAtOnce: boolean;
}

/**
 * "From Spotify" / "From Apple Music": albums on a service for what Muse's own search lacks, each
 * with "Add to Muse" (which adds it with its tracks and opens its page, where it can be rated)
 * or "Open in Muse" when the catalog has it already. Covers are Muse's own stored copies only;
 * an album not in Muse yet shows the placeholder, so the page never loads images from a service.
 */
export function ExternalAlbumSearch({ query, providers, searchAtOnce }: ExternalAlbumSearchProps) {
  const [chosen, setChosen] = useState<ProviderName | null>(null);
  const provider = chosen ?? (searchAtOnce ? (providers[0] ?? null) : null);
  if (!providers.length) return null;
  return (
    <section aria-labelledby="external-albums-heading" className="external-albums">
      <h2 id="external-albums-heading" className="section-heading">
        {provider ? `From ${SERVICE_NAMES[provider]}` : 'Not in Muse yet?'}
      </h2>
      <p className="muted external-albums-intro">Albums Muse does not have yet can be added from a music service, then rated like any other.</p>
      <div className="external-albums-services" role="group" aria-label="Search a music service">
        {providers.map((p) => (
          <Button key={p} size="sm" variant={p === provider ? 'primary' : 'secondary'} aria-pressed={p === provider} onClick={() => setChosen(p)}>
            Search {SERVICE_NAMES[p]}
          </Button>
        ))}
      </div>
      {provider && <ExternalAlbumList provider={provider} query={query} />}
    </section>
  );
}

function ExternalAlbumList({ provider, query }: { provider: ProviderName; query: string }) {
  const results = useExternalSearch(provider, query);
  const add = useAddExternalAlbum();
  const navigate = useNavigate();
  const name = SERVICE_NAMES[provider];

  const handleAdd = (hit: ExternalAlbumHit) => {
    add.mutate({ provider, id: hit.id }, { onSuccess: (added) => navigate(`/albums/${added.albumId}`) });
  };

  if (results.isPending) return <PageSpinner label={`Searching ${name}`} />;
  if (results.isError) return <Alert tone="error">{results.error.message}</Alert>;
  if (!results.data.albums.length)
    return (
      <p className="empty-state">
        {name} has no album for “{query.trim()}” either.
      </p>
    );
  return (
    <>
      {add.isError && <Alert tone="error">{add.error.message}</Alert>}
      <ul className="result-list" aria-label={`Albums on ${name}`}>
        {results.data.albums.map((hit) => {
          const artists = hit.artists.join(', ');
          return (
            <li key={hit.id} className="result-row">
              <AlbumCover title={hit.title} artist={artists} coverUrl={hit.coverUrl} size={56} decorative />
              <span className="result-text">
                <span className="result-title">{hit.title}</span>
                <span className="result-detail">
                  {[artists, hit.releaseYear, hit.trackCount ? formatCount(hit.trackCount, 'track') : null].filter(Boolean).join(' · ')}
                </span>
              </span>
              <span className="result-actions">
                {hit.inCatalog ? (
                  <Link className="btn btn-secondary btn-sm" to={`/albums/${hit.inCatalog}`} aria-label={`Open in Muse: ${hit.title}`}>
                    Open in Muse
                  </Link>
                ) : (
                  <Button
                    size="sm"
                    pending={add.isPending && add.variables?.id === hit.id}
                    disabled={add.isPending}
                    onClick={() => handleAdd(hit)}
                    aria-label={`Add to Muse: ${hit.title} by ${artists}`}
                  >
                    Add to Muse
                  </Button>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
