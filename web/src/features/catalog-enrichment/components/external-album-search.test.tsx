import type { ExternalAlbumHit, ExternalSearchResults } from '@muse/shared';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockFetch, problemResponse } from '../../../testing/mock-fetch';
import { createTestQueryClient } from '../../../testing/render';
import { ExternalAlbumSearch } from './external-album-search';

const hit = (over: Partial<ExternalAlbumHit>): ExternalAlbumHit => ({
  provider: 'spotify',
  id: 'sp-1',
  title: 'Harbour Signals',
  artists: ['Velvet Lighthouse'],
  releaseYear: 2024,
  trackCount: 7,
  url: null,
  inCatalog: null,
  coverUrl: null,
  ...over,
});

const answer = (provider: 'spotify' | 'apple', albums: ExternalAlbumHit[]): ExternalSearchResults => ({ provider, query: 'harbour', albums });

afterEach(() => vi.restoreAllMocks());

function renderSearch(props: { searchAtOnce: boolean; providers?: ('spotify' | 'apple')[] }) {
  const router = createMemoryRouter(
    [
      {
        path: '/search',
        element: <ExternalAlbumSearch query="harbour" providers={props.providers ?? ['spotify', 'apple']} searchAtOnce={props.searchAtOnce} />,
      },
      { path: '/albums/:id', element: <p>Album page</p> },
    ],
    { initialEntries: ['/search'] },
  );
  render(
    <QueryClientProvider client={createTestQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

/** The services each external search asked, in order. */
const askedProviders = (spy: ReturnType<typeof mockFetch>['spy']) =>
  spy.mock.calls
    .map(([input]) => new URL(String(input), 'http://muse.test'))
    .filter((u) => u.pathname === '/api/catalog/external-search')
    .map((u) => u.searchParams.get('provider'));

describe('albums from the services on the search page', () => {
  it('when Muse found few albums, then Spotify is searched at once; an album Muse has opens in Muse, another is added and its page opens', async () => {
    const { requests, spy } = mockFetch({
      'GET /api/catalog/external-search': () =>
        jsonResponse(
          answer('spotify', [
            hit({ id: 'sp-new' }),
            hit({ id: 'sp-known', title: 'Copper Skies', artists: ['Mira Okonkwo'], inCatalog: '7', coverUrl: `/api/artwork/${'a'.repeat(64)}.png` }),
          ]),
        ),
      'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
      'POST /api/catalog/external-albums': () => jsonResponse({ albumId: '42', created: true }, 201),
    });
    const router = renderSearch({ searchAtOnce: true });

    const section = await screen.findByRole('region', { name: 'From Spotify' });
    const list = await within(section).findByRole('list', { name: 'Albums on Spotify' });
    expect(within(list).getByRole('link', { name: 'Open in Muse: Copper Skies' })).toHaveAttribute('href', '/albums/7');
    const images = [...list.querySelectorAll('img')].map((img) => img.getAttribute('src'));
    expect(images).toEqual([`/api/artwork/${'a'.repeat(64)}.png`]);
    expect(askedProviders(spy)).toEqual(['spotify']);
    expect(within(section).getByRole('button', { name: 'Search Spotify' })).toHaveAttribute('aria-pressed', 'true');

    await userEvent.click(within(list).getByRole('button', { name: 'Add to Muse: Harbour Signals by Velvet Lighthouse' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/albums/42'));
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ provider: 'spotify', id: 'sp-new' });
  });

  it('when Muse found enough albums, then nothing is asked of the services until a service is chosen', async () => {
    const { spy } = mockFetch({
      'GET /api/catalog/external-search': () =>
        jsonResponse(answer('apple', [hit({ provider: 'apple', id: '123', title: 'Casa de Luz', artists: ['Dalia Reyes'] })])),
    });
    renderSearch({ searchAtOnce: false });
    const section = screen.getByRole('region', { name: 'Not in Muse yet?' });
    expect(askedProviders(spy)).toEqual([]);

    await userEvent.click(within(section).getByRole('button', { name: 'Search Apple Music' }));
    expect(await screen.findByRole('region', { name: 'From Apple Music' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Add to Muse: Casa de Luz by Dalia Reyes' })).toBeInTheDocument();
    expect(askedProviders(spy)).toEqual(['apple']);
  });

  it('when the service is down, or adding fails, then the problem is shown in plain words', async () => {
    mockFetch({
      'GET /api/catalog/external-search': () => problemResponse(503, 'provider_unavailable', 'Spotify is not answering right now. Try again in a minute.'),
    });
    renderSearch({ searchAtOnce: true, providers: ['spotify'] });
    expect(await screen.findByText('Spotify is not answering right now. Try again in a minute.')).toBeInTheDocument();
  });

  it('when adding is refused, then the page stays and says why', async () => {
    mockFetch({
      'GET /api/catalog/external-search': () => jsonResponse(answer('spotify', [hit({ id: 'gone' })])),
      'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
      'POST /api/catalog/external-albums': () => problemResponse(404, 'not_found', 'Spotify has no album with that id.'),
    });
    const router = renderSearch({ searchAtOnce: true });
    await userEvent.click(await screen.findByRole('button', { name: /^Add to Muse: Harbour Signals/ }));
    expect(await screen.findByText('Spotify has no album with that id.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/search');
  });

  it('when the server offers no service, then no section shows', () => {
    renderSearch({ searchAtOnce: true, providers: [] });
    expect(screen.queryByRole('region')).toBeNull();
  });
});
