import type { SearchResults } from '@muse/shared';

/** One row of the autocomplete list, flattened from the grouped search answer. */
export interface Suggestion {
  id: string;
  group: 'albums' | 'artists' | 'tracks' | 'users' | 'all';
  label: string;
  detail: string;
  /** Where choosing it goes. */
  to: string;
  cover?: { title: string; artist: string; coverUrl: string | null };
}

export const GROUP_LABELS: Record<Suggestion['group'], string> = {
  albums: 'Albums',
  artists: 'Artists',
  tracks: 'Tracks',
  users: 'People',
  all: '',
};

/** Where a full search for `q` lives. */
export function searchPagePath(q: string): string {
  return `/search?q=${encodeURIComponent(q.trim())}`;
}

/**
 * Turns a search answer into the autocomplete's rows in display order (albums, artists,
 * tracks, people), at most `perGroup` of each, followed by "see all results".
 */
export function toSuggestions(results: SearchResults | undefined, q: string, perGroup = 4): Suggestion[] {
  const rows: Suggestion[] = [];
  if (results) {
    for (const album of results.albums.slice(0, perGroup)) {
      rows.push({
        id: `album-${album.id}`,
        group: 'albums',
        label: album.title,
        detail: [album.artistCredit, album.releaseYear].filter(Boolean).join(' · '),
        to: `/albums/${album.id}`,
        cover: { title: album.title, artist: album.artistCredit, coverUrl: album.coverUrl },
      });
    }
    for (const artist of results.artists.slice(0, perGroup)) {
      rows.push({
        id: `artist-${artist.id}`,
        group: 'artists',
        label: artist.name,
        detail: `${artist.albumCount} ${artist.albumCount === 1 ? 'album' : 'albums'}`,
        to: `/artists/${artist.id}`,
      });
    }
    for (const track of results.tracks.slice(0, perGroup)) {
      rows.push({
        id: `track-${track.id}`,
        group: 'tracks',
        label: track.title,
        detail: `${track.artistCredit} · on ${track.album.title}`,
        to: `/tracks/${track.id}`,
      });
    }
    for (const user of results.users.slice(0, perGroup)) {
      rows.push({ id: `user-${user.id}`, group: 'users', label: user.displayName, detail: `@${user.handle}`, to: `/users/${encodeURIComponent(user.handle)}` });
    }
  }
  rows.push({ id: 'all', group: 'all', label: `See all results for “${q.trim()}”`, detail: '', to: searchPagePath(q) });
  return rows;
}
