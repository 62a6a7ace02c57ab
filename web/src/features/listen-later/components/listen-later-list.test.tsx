import type { ListenLaterItem, ListenLaterSort, Page } from '@muse/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch, type RecordedRequest } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { albumSummary } from '../../../testing/social-fixtures';
import { ListenLaterList } from './listen-later-list';
import { ListenLaterShelf } from './listen-later-shelf';

const queued = (n: number, title: string, keep = false): ListenLaterItem => ({
  album: albumSummary(n, title, 'Radiohead'),
  addedAt: '2026-12-01T10:00:00.000Z',
  keep,
});

/**
 * A fake queue behind the API: pages of `perPage` in the order asked (`release`: the fixtures'
 * release years, newest first), with PATCH and DELETE changing it as the server would.
 */
function fakeQueue(initial: ListenLaterItem[], perPage = 30) {
  let items = [...initial];
  const calls: string[] = [];
  // The page's query string matters here, which mockFetch's routes ignore: its spy gets a handler of its own.
  const spy = mockFetch({});
  spy.spy.mockImplementation(async (input, init) => {
    const url = new URL(String(input), 'http://muse.test');
    const method = (init?.method ?? 'GET').toUpperCase();
    calls.push(`${method} ${url.pathname}${url.search}`);
    const request: RecordedRequest = { method, path: url.pathname, headers: {}, body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined };
    spy.requests.push(request);
    if (url.pathname === '/api/csrf') return jsonResponse({ csrfToken: 't' });
    if (url.pathname === '/api/me/listen-later/ids')
      return jsonResponse({ albumIds: items.map((i) => i.album.id), keptAlbumIds: items.filter((i) => i.keep).map((i) => i.album.id) });
    if (url.pathname === '/api/me/listen-later') {
      const sort = (url.searchParams.get('sort') ?? 'added') as ListenLaterSort;
      const ordered = sort === 'release' ? [...items].sort((a, b) => (b.album.releaseYear ?? 0) - (a.album.releaseYear ?? 0)) : items;
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const page: Page<ListenLaterItem> = {
        items: ordered.slice(start, start + perPage),
        nextCursor: start + perPage < ordered.length ? String(start + perPage) : null,
      };
      return jsonResponse(page);
    }
    const id = url.pathname.split('/').pop();
    if (method === 'DELETE') {
      items = items.filter((i) => i.album.id !== id);
      return new Response(null, { status: 204 });
    }
    if (method === 'PATCH') {
      const keep = (request.body as { keep: boolean }).keep;
      items = items.map((i) => (i.album.id === id ? { ...i, keep } : i));
      return jsonResponse(items.find((i) => i.album.id === id));
    }
    return new Response(null, { status: 404 });
  });
  return { calls, requests: spy.requests };
}

/** The list with its order kept in state, as the route keeps it in the address. */
function Sorted() {
  const [sort, setSort] = useState<ListenLaterSort>('added');
  return <ListenLaterList sort={sort} onSortChange={setSort} />;
}

const titles = () =>
  within(screen.getByRole('list'))
    .getAllByRole('link')
    .map((link) => link.textContent);

describe('ListenLaterList', () => {
  it('when the queue is empty, then it says what to do and where to go', async () => {
    fakeQueue([]);
    renderWithProviders(<Sorted />);
    expect(await screen.findByText('Nothing waiting to be heard yet.')).toBeInTheDocument();
    expect(screen.getByText(/Press “Listen later” on an album’s page/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Browse the charts' })).toHaveAttribute('href', '/charts');
  });

  it('when albums are queued, then each shows with its facts, and the order can be switched to newest release', async () => {
    const { calls } = fakeQueue([queued(1, 'Pablo Honey'), queued(30, 'In Rainbows'), queued(10, 'OK Computer')]);
    renderWithProviders(<Sorted />);
    await screen.findByRole('link', { name: 'Pablo Honey' });
    expect(titles()).toEqual(['Pablo Honey', 'In Rainbows', 'OK Computer']);
    expect(screen.getByText('3 albums waiting')).toBeInTheDocument();
    expect(screen.getByText('Radiohead · 2000')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'In Rainbows' })).toHaveAttribute('href', '/albums/130');

    await userEvent.click(screen.getByRole('button', { name: 'Newest release' }));
    await waitFor(() => expect(titles()).toEqual(['In Rainbows', 'OK Computer', 'Pablo Honey']));
    expect(screen.getByRole('button', { name: 'Newest release' })).toHaveAttribute('aria-pressed', 'true');
    expect(calls).toContain('GET /api/me/listen-later?sort=release&limit=30');
  });

  it('when an album is removed, then it leaves the list at once and the server is told', async () => {
    const { requests } = fakeQueue([queued(1, 'Pablo Honey'), queued(2, 'The Bends')]);
    renderWithProviders(<Sorted />);
    await screen.findByRole('link', { name: 'The Bends' });
    await userEvent.click(await screen.findByRole('button', { name: 'Remove The Bends from Listen later' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'The Bends' })).not.toBeInTheDocument());
    expect(requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual(['/api/me/listen-later/102']);
    expect(await screen.findByText('1 album waiting')).toBeInTheDocument();
  });

  it('when "Keep after rating" is ticked, then it stays ticked and PATCH carries keep', async () => {
    const { requests } = fakeQueue([queued(1, 'Pablo Honey'), queued(2, 'The Bends', true)]);
    renderWithProviders(<Sorted />);
    const keepBends = await screen.findByRole('checkbox', { name: 'Keep after rating: The Bends' });
    expect(keepBends).toBeChecked();
    const keepPablo = screen.getByRole('checkbox', { name: 'Keep after rating: Pablo Honey' });
    await userEvent.click(keepPablo);
    await waitFor(() => expect(keepPablo).toBeChecked());
    expect(requests.filter((r) => r.method === 'PATCH')).toEqual([expect.objectContaining({ path: '/api/me/listen-later/101', body: { keep: true } })]);
  });

  it('when there are more albums than a page, then "Load more" brings the next page', async () => {
    fakeQueue(
      Array.from({ length: 32 }, (_, i) => queued(i + 1, `Album ${i + 1}`)),
      30,
    );
    renderWithProviders(<Sorted />);
    await screen.findByRole('link', { name: 'Album 30' });
    expect(screen.queryByRole('link', { name: 'Album 31' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('link', { name: 'Album 32' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });
});

describe('ListenLaterShelf', () => {
  it('when albums wait, then the latest few show as covers with how many wait in all', async () => {
    fakeQueue(
      Array.from({ length: 8 }, (_, i) => queued(i + 1, `Album ${i + 1}`)),
      6,
    );
    renderWithProviders(<ListenLaterShelf />);
    expect(await screen.findByText('8 albums waiting to be heard. Only you see this.')).toBeInTheDocument();
    expect(screen.getAllByRole('link')).toHaveLength(6);
    for (let n = 1; n <= 6; n++) expect(screen.getByRole('link', { name: `Album ${n} by Radiohead` })).toHaveAttribute('href', `/albums/${100 + n}`);
  });

  it('when nothing waits, then it says how to add an album', async () => {
    fakeQueue([]);
    renderWithProviders(<ListenLaterShelf />);
    expect(await screen.findByText(/Nothing waiting\. Press “Listen later” on any album/)).toBeInTheDocument();
  });
});
