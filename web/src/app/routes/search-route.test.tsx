import type { PlaylistSummary, SearchResults } from '@muse/shared';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../testing/mock-fetch';
import { createTestQueryClient } from '../../testing/render';
import { SearchRoute } from './search-route';

const playlist: PlaylistSummary = {
  id: '0194f3a2-1111-7000-8000-000000000001',
  kind: 'playlist',
  title: 'Late night drives',
  description: '',
  visibility: 'public',
  ranked: false,
  owner: { id: '5', handle: 'ana', displayName: 'Ana' },
  entryCount: 12,
  covers: [],
  likeCount: 0,
  cloneCount: 0,
  likedByViewer: false,
  version: 1,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
};

const empty = (query: string): SearchResults => ({ query, albums: [], artists: [], tracks: [], users: [], playlists: [] });

afterEach(() => vi.restoreAllMocks());

/** Renders the results page at `url` against a fake API whose playlist search finds `playlist`; answers the fetch spy. */
function renderSearch(url: string) {
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const asked = new URL(String(input), 'http://muse.test');
    if (asked.pathname === '/api/search' && asked.searchParams.get('type') === 'playlist') return jsonResponse({ ...empty('drives'), playlists: [playlist] });
    if (asked.pathname === '/api/search') return jsonResponse(empty('drives'));
    return jsonResponse({ genres: [], years: [] });
  });
  const queryClient = createTestQueryClient();
  queryClient.setQueryData(['me'], null);
  const router = createMemoryRouter([{ path: '/search', element: <SearchRoute /> }], { initialEntries: [url] });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  const searchTypes = () =>
    spy.mock.calls
      .map(([input]) => new URL(String(input), 'http://muse.test'))
      .filter((u) => u.pathname === '/api/search')
      .map((u) => u.searchParams.get('type'));
  return { searchTypes };
}

describe('search results page', () => {
  it('when everything is searched, then playlists are asked for on their own and shown in their section', async () => {
    const { searchTypes } = renderSearch('/search?q=drives');
    const section = await screen.findByRole('region', { name: 'Playlists and lists' });
    expect(within(section).getByRole('link', { name: 'Late night drives' })).toHaveAttribute('href', `/playlists/${playlist.id}`);
    expect(searchTypes().sort()).toEqual(['all', 'playlist']);
  });

  it('when a genre narrows the search, then no playlist request is made and no playlist shows', async () => {
    const { searchTypes } = renderSearch('/search?q=drives&genre=Rock');
    await waitFor(() => expect(searchTypes()).toEqual(['all']));
    expect(await screen.findByText(/No results|Nothing/i)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Playlists and lists' })).toBeNull();
    expect(searchTypes()).toEqual(['all']);
  });

  it("when a signed-in person finds few albums, then the first service offered is searched at once under Muse's results", async () => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
      const asked = new URL(String(input), 'http://muse.test');
      if (asked.pathname === '/api/search') return jsonResponse(empty('velvet'));
      if (asked.pathname === '/api/connections') return jsonResponse({ items: [], available: ['spotify', 'apple'] });
      if (asked.pathname === '/api/catalog/external-search')
        return jsonResponse({
          provider: asked.searchParams.get('provider'),
          query: 'velvet',
          albums: [
            {
              provider: 'spotify',
              id: 'x1',
              title: 'Harbour Signals',
              artists: ['Velvet Lighthouse'],
              releaseYear: 2024,
              trackCount: 7,
              url: null,
              inCatalog: null,
              coverUrl: null,
            },
          ],
        });
      return jsonResponse({ genres: [], years: [] });
    });
    const queryClient = createTestQueryClient();
    queryClient.setQueryData(['me'], { id: '1', handle: 'ana', displayName: 'Ana' });
    const router = createMemoryRouter([{ path: '/search', element: <SearchRoute /> }], { initialEntries: ['/search?q=velvet'] });
    render(
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    const section = await screen.findByRole('region', { name: 'From Spotify' });
    expect(await within(section).findByRole('button', { name: 'Add to Muse: Harbour Signals by Velvet Lighthouse' })).toBeInTheDocument();
    expect(within(section).getByRole('button', { name: 'Search Apple Music' })).toHaveAttribute('aria-pressed', 'false');
  });
});
