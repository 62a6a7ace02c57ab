import { SEARCH_TYPES, type TrackSearchHit } from '@muse/shared';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { PreviewButton } from '../../components/ui/preview-button';
import { PageSpinner } from '../../components/ui/spinner';
import { useMe } from '../../features/auth/api/get-me';
import { ExternalAlbumSearch } from '../../features/catalog-enrichment/components/external-album-search';
import { useChartFacets } from '../../features/charts/api/get-chart-facets';
import { getConnectionsQueryOptions } from '../../features/connections/api/connections';
import { ListenLaterButton } from '../../features/listen-later/components/listen-later-button';
import { AddToPlaylistMenu } from '../../features/playlists/components/add-to-playlist-menu';
import { SEARCH_MIN_CHARS, useSearch } from '../../features/search/api/search';
import { SearchFilters, type SearchFilterValues } from '../../features/search/components/search-filters';
import { SearchResults } from '../../features/search/components/search-results';
import { toQueryString } from '../../lib/query-params';

const ALL_LIMIT = 8;
const ONE_TYPE_LIMIT = 50;
/** Fewer albums than this from Muse's own search, and a service is searched at once. */
const FEW_ALBUMS = 3;

/** A track result as the preview player shows it; next and previous go through the track results. */
const previewTrackOf = (track: TrackSearchHit) => ({
  trackId: track.id,
  title: track.title,
  artist: track.artistCredit,
  album: track.album.title,
  coverUrl: track.album.coverUrl,
});

function readFilters(params: URLSearchParams): SearchFilterValues {
  const type = params.get('type');
  const year = params.get('year') ?? '';
  return {
    q: params.get('q') ?? '',
    type: (SEARCH_TYPES as readonly string[]).includes(type ?? '') ? (type as SearchFilterValues['type']) : 'all',
    genre: params.get('genre') ?? '',
    year: /^\d{4}$/.test(year) ? year : '',
  };
}

/** `/search?q=&type=&genre=&year=`: full results with filters, all kept in the URL. */
export function SearchRoute() {
  const [searchParams, setSearchParams] = useSearchParams();
  const me = useMe();
  const filters = readFilters(searchParams);
  const facets = useChartFacets();
  const genres = [...(facets.data?.genres ?? [])].sort((a, b) => a.localeCompare(b));
  const ready = filters.q.trim().length >= SEARCH_MIN_CHARS;
  const results = useSearch({
    q: filters.q,
    type: filters.type,
    genre: filters.genre || undefined,
    year: filters.year ? Number(filters.year) : undefined,
    limit: filters.type === 'all' ? ALL_LIMIT : ONE_TYPE_LIMIT,
  });
  // "Everything" asks for playlists on their own (the API leaves them out of the all-types answer); they have no genre or year.
  const playlistResults = useSearch(
    { q: filters.q, type: 'playlist', limit: ALL_LIMIT },
    { enabled: filters.type === 'all' && !filters.genre && !filters.year },
  );
  // Albums from the services, for signed-in people looking for albums (no genre or year: the services have neither).
  const offerServices = !!me && ready && (filters.type === 'all' || filters.type === 'album') && !filters.genre && !filters.year;
  const connections = useQuery({ ...getConnectionsQueryOptions(), enabled: offerServices });

  const handleChange = (next: SearchFilterValues) => {
    const query = toQueryString({
      q: next.q.trim(),
      type: next.type === 'all' ? undefined : next.type,
      genre: next.genre,
      year: /^\d{4}$/.test(next.year) ? next.year : undefined,
    });
    setSearchParams(new URLSearchParams(query.slice(1)));
  };

  return (
    <div className="page page-medium">
      <title>{ready ? `“${filters.q}” · Search · Muse` : 'Search · Muse'}</title>
      <header className="page-header">
        <h1>{ready ? `Results for “${filters.q.trim()}”` : 'Search'}</h1>
      </header>
      <SearchFilters values={filters} genres={genres} onChange={handleChange} />
      {!ready ? (
        <p className="empty-state">Type at least two letters: an album, an artist, a song or a person. Typos are fine.</p>
      ) : results.isError ? (
        <Alert tone="error">Search failed. {results.error.message}</Alert>
      ) : results.isPending ? (
        <PageSpinner label="Searching" />
      ) : (
        <div aria-busy={results.isFetching} className={results.isPlaceholderData ? 'results-stale' : undefined}>
          <SearchResults
            results={filters.type === 'all' && playlistResults.data ? { ...results.data, playlists: playlistResults.data.playlists } : results.data}
            renderAlbumActions={
              me
                ? (album) => (
                    <>
                      <ListenLaterButton variant="icon" albumId={album.id} albumTitle={album.title} />
                      <AddToPlaylistMenu compact target={{ type: 'album', albumId: album.id, title: album.title }} />
                    </>
                  )
                : undefined
            }
            renderTrackActions={
              me
                ? (track) => (
                    <>
                      <PreviewButton track={previewTrackOf(track)} queue={results.data.tracks.map(previewTrackOf)} />
                      <AddToPlaylistMenu compact target={{ type: 'track', trackId: track.id, title: track.title }} />
                    </>
                  )
                : undefined
            }
          />
          {offerServices && connections.data && (
            <ExternalAlbumSearch
              key={filters.q.trim()}
              query={filters.q}
              providers={connections.data.available}
              searchAtOnce={results.data.albums.length < FEW_ALBUMS}
            />
          )}
        </div>
      )}
    </div>
  );
}
