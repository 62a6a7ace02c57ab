import type { Page, PlaylistSummary } from '@muse/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockInstance } from 'vitest';
import { describe, expect, it } from 'vitest';
import { PlaylistsRoute } from '../../../app/routes/playlists-route';
import { setCsrfToken } from '../../../lib/api-client';
import { jsonResponse, mockFetch } from '../../../testing/mock-fetch';
import { meOf, nina, otto, playlistSummary, playlistView } from '../testing/playlist-fixtures';
import { renderAt } from '../testing/render-playlist';

type Lists = Record<string, (url: URL) => Page<PlaylistSummary>>;

/** A fake `GET /api/playlists` and `/discover` answering by the query string, as the real ones filter. */
function renderIndex(path: string, lists: Lists, extra: Parameters<typeof mockFetch>[0] = {}) {
  setCsrfToken('t');
  let lastUrl = new URL('http://muse.test/');
  const answer = (kind: 'mine' | 'discover') => () => {
    const key = kind === 'discover' ? `discover:${lastUrl.searchParams.get('section')}` : (lastUrl.searchParams.get('filter') ?? 'mine');
    const list = lists[key];
    return jsonResponse(list ? list(lastUrl) : { items: [], nextCursor: null });
  };
  const { spy, requests } = mockFetch({ 'GET /api/playlists': answer('mine'), 'GET /api/playlists/discover': answer('discover'), ...extra });
  const original = spy.getMockImplementation()!;
  spy.mockImplementation((input, init) => {
    lastUrl = new URL(String(input), 'http://muse.test');
    return original(input, init);
  });
  return { ...renderAt(<PlaylistsRoute />, { pattern: '/playlists', path, me: meOf(nina) }), spy, requests };
}

/** The query strings of the list requests made so far. */
function listQueries(spy: MockInstance<typeof fetch>): Record<string, string>[] {
  return spy.mock.calls
    .map(([input]) => new URL(String(input), 'http://muse.test'))
    .filter((url) => url.pathname.startsWith('/api/playlists') && !url.pathname.includes('/pl-'))
    .map((url) => Object.fromEntries(url.searchParams));
}

const cards = () =>
  within(screen.getByRole('list', { name: /./ }))
    .getAllByRole('article')
    .map((card) => card.querySelector('.playlist-card-title')?.textContent);

describe('playlists index', () => {
  it('when opened, then Mine lists the user’s playlists with their facts, and "Load more" reads the next page', async () => {
    const { spy } = renderIndex('/playlists', {
      mine: (url) =>
        url.searchParams.get('cursor') === 'c2'
          ? { items: [playlistSummary(3, 'Rainy Sundays')], nextCursor: null }
          : {
              items: [
                playlistSummary(1, 'Night drive', { likeCount: 4 }),
                playlistSummary(2, 'Best of 1997', { kind: 'list', ranked: true, visibility: 'private' }),
              ],
              nextCursor: 'c2',
            },
    });
    expect(await screen.findByRole('link', { name: 'Night drive' })).toHaveAttribute('href', '/playlists/pl-00000001');
    expect(screen.getByRole('link', { name: 'Mine' })).toHaveAttribute('aria-current', 'page');
    const list = screen.getByRole('list', { name: 'Your playlists' });
    expect(within(list).getByText('Ranked list · 6 albums')).toBeInTheDocument();
    expect(within(list).getByText('Private')).toBeInTheDocument();
    expect(within(list).getByText('4 likes')).toBeInTheDocument();
    expect(listQueries(spy)[0]).toEqual({ filter: 'mine', limit: '24' });

    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByRole('link', { name: 'Rainy Sundays' });
    expect(cards()).toEqual(['Night drive', 'Best of 1997', 'Rainy Sundays']);
    expect(listQueries(spy)[1]).toEqual({ filter: 'mine', cursor: 'c2', limit: '24' });
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('when a tab or filter is chosen, then the URL keeps it and the matching list is read; Discover has its three sections', async () => {
    const { spy, router } = renderIndex('/playlists', {
      'discover:newest': () => ({ items: [playlistSummary(5, 'Fresh', { owner: otto })], nextCursor: null }),
      'discover:popular': (url) => ({ items: url.searchParams.get('kind') === 'list' ? [] : [playlistSummary(6, 'Loved', { owner: otto })], nextCursor: null }),
    });
    await screen.findByText(/You have no playlists or lists yet/);
    await userEvent.click(screen.getByRole('link', { name: 'Discover' }));
    expect(await screen.findByRole('link', { name: 'Fresh' })).toBeInTheDocument();
    expect(screen.getByText('by Otto')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('link', { name: 'Most liked this week' }));
    expect(await screen.findByRole('link', { name: 'Loved' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('link', { name: 'Lists' }));
    await waitFor(() => expect(router.state.location.search).toBe('?tab=discover&kind=list&section=popular'));
    await waitFor(() => expect(listQueries(spy).at(-1)).toEqual({ section: 'popular', kind: 'list', limit: '24' }));
    expect(await screen.findByText('No lists were liked this week yet. Look at the newest ones and like what you enjoy.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Lists' })).toHaveAttribute('aria-current', 'true');
    expect(screen.getByRole('link', { name: 'From people you follow' })).toHaveAttribute('href', '/playlists?tab=discover&kind=list&section=following');
  });

  it('when a tab is empty, then it says what to do next', async () => {
    renderIndex('/playlists?tab=liked', {});
    const empty = await screen.findByText(/You have not liked any playlists or lists yet/);
    expect(within(empty).getByRole('link', { name: 'Discover' })).toHaveAttribute('href', '/playlists?tab=discover');
  });

  it('when the user has invitations, then Collaborating lists them first with Accept and Decline', async () => {
    const invitation = playlistSummary(7, 'Road trip', { owner: otto });
    const { requests } = renderIndex(
      '/playlists?tab=collaborating',
      { invited: () => ({ items: [invitation], nextCursor: null }), collaborating: () => ({ items: [], nextCursor: null }) },
      { 'DELETE /api/playlists/pl-00000007/collaborators/1': () => new Response(null, { status: 204 }) },
    );
    const invitations = await screen.findByRole('region', { name: 'Invitations' });
    const group = within(invitations).getByRole('group', { name: 'Invitation from Otto to “Road trip”' });
    expect(within(group).getByRole('button', { name: 'Accept' })).toBeInTheDocument();
    expect(screen.getByText(/You are not collaborating on any playlists or lists yet/)).toBeInTheDocument();
    await userEvent.click(within(group).getByRole('button', { name: 'Decline' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'DELETE' && r.path === '/api/playlists/pl-00000007/collaborators/1')).toBe(true));
  });

  it('when "New list" is used, then the form checks the title with the API’s schema and creates a ranked list', async () => {
    const created = playlistView({ id: 'pl-00000042', kind: 'list', ranked: true, title: 'Top 10 of 2026', entries: [] });
    const { requests, router } = renderIndex(
      '/playlists',
      {},
      { 'POST /api/playlists': () => jsonResponse(created, 201), 'GET /api/playlists/pl-00000042': () => jsonResponse(created) },
    );
    await userEvent.click(await screen.findByRole('button', { name: 'New list' }));
    const dialog = screen.getByRole('dialog', { name: 'New list' });
    // The form's code arrives when the dialog first opens.
    expect(await within(dialog).findByRole('radio', { name: 'List: albums, Letterboxd-style' })).toBeChecked();
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Title' }), '   ');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create list' }));
    expect(within(dialog).getByText('Title is required')).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Top 10 of 2026');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Ranked: number the albums' }));
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Who can see it' }), 'followers');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create list' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/playlists/pl-00000042'));
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ title: 'Top 10 of 2026', kind: 'list', visibility: 'followers', ranked: true });
  });
});
