import type { SearchResults } from '@muse/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { statsFrom } from '../../../testing/catalog-fixtures';
import { jsonResponse, mockFetch } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { SearchBox } from './search-box';

const results: SearchResults = {
  query: 'davd bowei',
  albums: [
    {
      id: '42',
      title: 'Low',
      artistCredit: 'David Bowie',
      releaseYear: 1977,
      type: 'album',
      coverUrl: null,
      genres: [],
      stats: statsFrom([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    },
    {
      id: '43',
      title: '“Heroes”',
      artistCredit: 'David Bowie',
      releaseYear: 1977,
      type: 'album',
      coverUrl: null,
      genres: [],
      stats: statsFrom([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    },
  ],
  artists: [{ id: '7', name: 'David Bowie', albumCount: 12 }],
  tracks: [],
  users: [{ id: '3', handle: 'bowiefan', displayName: 'Bowie Fan' }],
  playlists: [],
};

/**
 * Lets time pass well beyond the debounce. Proving that nothing is sent needs time to pass: no
 * event marks a request that never happens, so this is the one place a test waits on the clock.
 */
function letTimePass(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function setup() {
  const fetched = mockFetch({ 'GET /api/search': () => jsonResponse(results) });
  const view = renderWithProviders(<SearchBox />);
  return { ...fetched, ...view, input: screen.getByRole('combobox', { name: /Search albums/ }) };
}

describe('SearchBox', () => {
  it('when one character is typed, then nothing is asked of the server and the list stays closed', async () => {
    const { input, requests } = setup();
    await userEvent.type(input, 'd');
    await letTimePass(300);
    expect(requests).toHaveLength(0);
    expect(input).toHaveAttribute('aria-expanded', 'false');
  });

  it('when a misspelt name is typed, then requests are debounced rather than sent per key, and results are grouped', async () => {
    const { input, requests } = setup();
    await userEvent.type(input, 'davd bowei');
    const listbox = await screen.findByRole('listbox', { name: 'Search suggestions' });
    await within(listbox).findByRole('option', { name: /Low/ });
    expect(input).toHaveAttribute('aria-expanded', 'true');
    expect(within(listbox).getByRole('group', { name: 'Albums' })).toBeInTheDocument();
    expect(within(listbox).getByRole('group', { name: 'Artists' })).toHaveTextContent('David Bowie');
    expect(within(listbox).getByRole('group', { name: 'People' })).toHaveTextContent('@bowiefan');
    expect(within(listbox).queryByRole('group', { name: 'Tracks' })).not.toBeInTheDocument();
    const searches = requests.filter((r) => r.path === '/api/search');
    expect(searches.length).toBeLessThanOrEqual(2);
    expect(searches.some((r) => r.method === 'GET')).toBe(true);
  });

  it('when the arrow keys move and Enter is pressed, then the highlighted album opens', async () => {
    const { input, router } = setup();
    await userEvent.type(input, 'davd bowei');
    await screen.findByRole('option', { name: /Low/ });
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    const active = screen.getByRole('option', { selected: true });
    expect(active).toHaveTextContent('“Heroes”');
    expect(input).toHaveAttribute('aria-activedescendant', active.id);
    await userEvent.keyboard('{ArrowUp}{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/albums/42'));
    expect(input).toHaveValue('');
  });

  it('when the arrow goes above the first option, then it wraps to "See all results"', async () => {
    const { input, router } = setup();
    await userEvent.type(input, 'davd bowei');
    await screen.findByRole('option', { name: /Low/ });
    await userEvent.keyboard('{ArrowUp}');
    expect(screen.getByRole('option', { selected: true })).toHaveTextContent('See all results for “davd bowei”');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/search'));
    expect(router.state.location.search).toBe('?q=davd%20bowei');
  });

  it('when Escape is pressed, then the list closes; a second Escape clears the text', async () => {
    const { input } = setup();
    await userEvent.type(input, 'davd bowei');
    await screen.findByRole('option', { name: /Low/ });
    await userEvent.keyboard('{Escape}');
    expect(input).toHaveAttribute('aria-expanded', 'false');
    expect(input).not.toHaveAttribute('aria-activedescendant');
    expect(input).toHaveValue('davd bowei');
    await userEvent.keyboard('{Escape}');
    expect(input).toHaveValue('');
  });

  it('when an option is clicked, then it opens', async () => {
    const { input, router } = setup();
    await userEvent.type(input, 'davd bowei');
    await userEvent.click(await screen.findByRole('option', { name: /12 albums/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/artists/7'));
  });
});
