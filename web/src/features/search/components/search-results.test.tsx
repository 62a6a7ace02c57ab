import type { SearchResults as Results } from '@muse/shared';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { SearchResults } from './search-results';
import { toSuggestions } from './search-suggestions';

const album = { id: '42', title: 'Kid A', artistCredit: 'Radiohead', releaseYear: 2000, type: 'album' as const, coverUrl: null, genres: [] };
const results: Results = {
  query: 'idiot',
  albums: [],
  artists: [],
  tracks: [{ id: '11', title: 'Idioteque', artistCredit: 'Radiohead', durationMs: 309_000, album }],
  users: [],
  playlists: [],
};

describe('track results', () => {
  it('when a track is found, then its title opens the track page (reviews, ratings) and its album opens the album at that track', () => {
    renderWithProviders(<SearchResults results={results} />);
    const section = screen.getByRole('region', { name: 'Tracks' });
    expect(within(section).getByRole('link', { name: 'Idioteque' })).toHaveAttribute('href', '/tracks/11');
    expect(within(section).getByRole('link', { name: 'Kid A' })).toHaveAttribute('href', '/albums/42#track-11');
  });

  it('when a track is suggested while typing, then the suggestion opens the track page', () => {
    expect(toSuggestions(results, 'idiot').find((r) => r.group === 'tracks')).toMatchObject({ label: 'Idioteque', to: '/tracks/11' });
  });
});
