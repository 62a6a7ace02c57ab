import { useSearchParams } from 'react-router';
import { AddToPlaylistMenu } from '../../features/playlists/components/add-to-playlist-menu';
import type { RecommendationFilters } from '../../features/recommendations/api/recommendations';
import { FollowSuggestions } from '../../features/recommendations/components/follow-suggestions';
import { RecommendationList } from '../../features/recommendations/components/recommendation-list';

const DECADES = [1960, 1970, 1980, 1990, 2000, 2010, 2020];

/** The filters in the address (`?kind=tracks&decade=1990&genre=Jazz`), so a reload keeps them. */
export function discoverFiltersFrom(params: URLSearchParams): RecommendationFilters {
  const kind = params.get('kind') === 'tracks' ? 'tracks' : 'albums';
  const decade = Number(params.get('decade'));
  const genre = params.get('genre')?.trim();
  return { kind, decade: DECADES.includes(decade) ? decade : undefined, genre: genre || undefined };
}

/** `/discover`: albums and tracks picked for the signed-in user, each explained, and people with their taste. */
export function DiscoverRoute() {
  const [params, setParams] = useSearchParams();
  const filters = discoverFiltersFrom(params);
  const update = (next: Partial<RecommendationFilters>) => {
    const merged = { ...filters, ...next };
    const search: Record<string, string> = {};
    if (merged.kind === 'tracks') search.kind = 'tracks';
    if (merged.decade) search.decade = String(merged.decade);
    if (merged.genre) search.genre = merged.genre;
    setParams(search, { replace: true });
  };

  return (
    <div className="page page-medium">
      <title>Discover · Muse</title>
      <header className="page-header">
        <p className="eyebrow">Picked for you</p>
        <h1>Discover</h1>
        <p className="muted">Albums and tracks chosen from your ratings and listens, and from people who share your taste.</p>
      </header>
      <div className="section-header discover-filters">
        <div className="segmented" role="group" aria-label="Recommend">
          {(['albums', 'tracks'] as const).map((kind) => (
            <button key={kind} type="button" className="segmented-option" aria-pressed={filters.kind === kind} onClick={() => update({ kind })}>
              {kind === 'albums' ? 'Albums' : 'Tracks'}
            </button>
          ))}
        </div>
        <label className="field-inline">
          <span>Decade</span>
          <select value={filters.decade ?? ''} onChange={(event) => update({ decade: event.target.value ? Number(event.target.value) : undefined })}>
            <option value="">Any decade</option>
            {DECADES.map((d) => (
              <option key={d} value={d}>
                {d}s
              </option>
            ))}
          </select>
        </label>
        <form
          className="field-inline"
          role="search"
          aria-label="Filter by genre"
          onSubmit={(event) => {
            event.preventDefault();
            const value = new FormData(event.currentTarget).get('genre');
            update({ genre: typeof value === 'string' ? value.trim() || undefined : undefined });
          }}
        >
          <label>
            <span>Genre</span> <input name="genre" defaultValue={filters.genre ?? ''} placeholder="Any genre" maxLength={100} />
          </label>
          <button type="submit" className="btn btn-secondary btn-sm">
            Apply
          </button>
        </form>
      </div>
      <section aria-labelledby="picks-title">
        <h2 id="picks-title" className="sr-only">
          Recommended {filters.kind}
        </h2>
        <RecommendationList
          filters={filters}
          actionsFor={(pick) => (
            <AddToPlaylistMenu
              target={
                pick.track
                  ? { type: 'track', trackId: pick.track.id, title: pick.track.title }
                  : { type: 'album', albumId: pick.album.id, title: pick.album.title }
              }
            />
          )}
        />
      </section>
      <section className="card" aria-labelledby="suggestions-title">
        <h2 id="suggestions-title" className="card-title">
          People with your taste
        </h2>
        <FollowSuggestions />
      </section>
    </div>
  );
}
