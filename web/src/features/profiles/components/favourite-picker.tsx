import type { ProfileView } from '@muse/shared';
import { useState } from 'react';
import { AlbumCover } from '../../../components/ui/album-cover';
import { TextField } from '../../../components/ui/text-field';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useSearchAlbums } from '../api/search-albums';

type Favourite = ProfileView['favourites'][number];

/** A search box listing matching albums as buttons; choosing one adds it to the favourites. */
export function FavouritePicker({ excludeIds, onPick }: { excludeIds: string[]; onPick: (album: Favourite) => void }) {
  const [query, setQuery] = useState('');
  const debounced = useDebouncedValue(query, 250);
  const results = useSearchAlbums(debounced);
  const albums = (results.data ?? []).filter((album) => !excludeIds.includes(album.id));
  const searching = debounced.trim().length >= 2;

  return (
    <div className="favourite-picker">
      <TextField
        label="Add a favourite album"
        name="favourite-search"
        type="search"
        value={query}
        placeholder="Search by title or artist"
        autoComplete="off"
        onChange={(event) => setQuery(event.target.value)}
      />
      {searching && (
        <ul className="picker-results" aria-label="Albums to add">
          {albums.length === 0 && !results.isFetching && <li className="muted">No albums match.</li>}
          {albums.map((album) => (
            <li key={album.id}>
              <button
                type="button"
                className="picker-result"
                onClick={() => {
                  onPick(album);
                  setQuery('');
                }}
              >
                <AlbumCover title={album.title} artist={album.artistCredit} coverUrl={album.coverUrl} size={36} decorative />
                <span>
                  <span className="picker-title">{album.title}</span>
                  <span className="muted"> · {album.artistCredit}</span>
                </span>
                <span className="sr-only">: add to favourites</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
