import { SEARCH_TYPES } from '@muse/shared';
import { useId, useState, type FormEvent } from 'react';

/** The filters of the results page, as kept in its URL. */
export interface SearchFilterValues {
  q: string;
  type: (typeof SEARCH_TYPES)[number];
  genre: string;
  year: string;
}

const TYPE_LABELS: Record<SearchFilterValues['type'], string> = {
  all: 'Everything',
  album: 'Albums',
  artist: 'Artists',
  track: 'Tracks',
  user: 'People',
  playlist: 'Playlists',
};

/**
 * Query, kind of result, genre and year. The kind applies at once; text fields apply on submit
 * or when left. Genre is free text with the charted genres as suggestions.
 */
export function SearchFilters({ values, genres, onChange }: { values: SearchFilterValues; genres: string[]; onChange: (next: SearchFilterValues) => void }) {
  const genreListId = useId();
  const [draft, setDraft] = useState(values);
  const [lastValues, setLastValues] = useState(values);
  // The URL is the source of truth: a change there (back button, header search) resets the draft.
  if (lastValues !== values) {
    setLastValues(values);
    setDraft(values);
  }

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onChange(draft);
  };

  return (
    <form className="search-filters card" onSubmit={handleSubmit} role="search" aria-label="Search with filters">
      <div className="search-filters-query">
        <label className="sr-only" htmlFor="search-page-q">
          Search for
        </label>
        <input
          id="search-page-q"
          className="search-page-input"
          type="search"
          name="q"
          value={draft.q}
          placeholder="Album, artist, track or person"
          autoComplete="off"
          onChange={(event) => setDraft({ ...draft, q: event.target.value })}
        />
        <button type="submit" className="btn btn-primary">
          Search
        </button>
      </div>
      <div className="segmented search-type" role="group" aria-label="Show">
        {SEARCH_TYPES.map((type) => (
          <button key={type} type="button" className="segmented-option" aria-pressed={values.type === type} onClick={() => onChange({ ...draft, type })}>
            {TYPE_LABELS[type]}
          </button>
        ))}
      </div>
      <div className="search-filters-row">
        <div className="field">
          <label className="field-label" htmlFor="search-page-genre">
            Genre
          </label>
          <div className="field-control">
            <input
              id="search-page-genre"
              className="field-input"
              type="text"
              list={genreListId}
              placeholder="Any genre"
              maxLength={100}
              value={draft.genre}
              onChange={(event) => setDraft({ ...draft, genre: event.target.value })}
              onBlur={() => draft.genre !== values.genre && onChange(draft)}
            />
            <datalist id={genreListId}>
              {genres.map((genre) => (
                <option key={genre} value={genre} />
              ))}
            </datalist>
          </div>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="search-page-year">
            Year
          </label>
          <div className="field-control">
            <input
              id="search-page-year"
              className="field-input"
              type="number"
              inputMode="numeric"
              min={1000}
              max={2100}
              placeholder="Any"
              value={draft.year}
              onChange={(event) => setDraft({ ...draft, year: event.target.value })}
              onBlur={() => draft.year !== values.year && onChange(draft)}
            />
          </div>
        </div>
      </div>
    </form>
  );
}
