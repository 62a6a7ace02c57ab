import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AlbumRoute } from '../../../app/routes/album-route';
import { setCsrfToken } from '../../../lib/api-client';
import { setSocketFactory } from '../../../lib/socket';
import { albumPage, track } from '../../../testing/catalog-fixtures';
import { FakeSocket } from '../../../testing/fake-socket';
import { jsonResponse, mockFetch, problemResponse, type RecordedRequest } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { meOf, nina, otto, playlistSummary, playlistView, trackEntry, writeResult } from '../testing/playlist-fixtures';
import { renderAt } from '../testing/render-playlist';
import { AddToPlaylistMenu, type AddTarget } from './add-to-playlist-menu';

/** A fake server with Nina's playlists and one she collaborates on; `add` answers the POST. */
function serve(add: (request: RecordedRequest) => Response, extra: Parameters<typeof mockFetch>[0] = {}) {
  setCsrfToken('t');
  let filter = 'mine';
  const { spy, requests } = mockFetch({
    'GET /api/playlists': () =>
      jsonResponse({
        items:
          filter === 'mine' ? [playlistSummary(1, 'Night drive'), playlistSummary(2, 'Rainy Sundays')] : [playlistSummary(3, 'Road trip', { owner: otto })],
        nextCursor: null,
      }),
    'POST /api/playlists/pl-00000001/entries': add,
    'POST /api/playlists/pl-00000003/entries': add,
    ...extra,
  });
  const original = spy.getMockImplementation()!;
  spy.mockImplementation((input, init) => {
    filter = new URL(String(input), 'http://muse.test').searchParams.get('filter') ?? filter;
    return original(input, init);
  });
  return { requests, spy };
}

function renderMenu(target: AddTarget) {
  return renderWithProviders(<AddToPlaylistMenu target={target} />);
}

describe('Add to playlist', () => {
  it('when a playlist is picked for a track, then the track is added and "Added to …" links to it', async () => {
    const { requests, spy } = serve(() => jsonResponse(writeResult(2, [trackEntry(9, 'Sound and Vision')], 4), 201));
    renderMenu({ type: 'track', trackId: '11', title: 'Sound and Vision' });
    await userEvent.click(screen.getByRole('button', { name: 'Add to playlist' }));
    const panel = screen.getByRole('group', { name: 'Add to playlist: Sound and Vision' });
    await within(panel).findByRole('button', { name: /Night drive/ });
    expect(
      within(panel)
        .getAllByRole('button')
        .map((b) => b.querySelector('.add-to-playlist-title')?.textContent ?? b.textContent),
    ).toEqual(['Night drive', 'Rainy Sundays', 'Road trip', 'New playlist…']);
    const kinds = spy.mock.calls.map(([input]) => new URL(String(input), 'http://muse.test').searchParams.get('kind'));
    expect(kinds.filter(Boolean)).toEqual(['playlist', 'playlist']);

    await userEvent.click(within(panel).getByRole('button', { name: /Night drive/ }));
    const status = await screen.findByText(/Added to/);
    expect(within(status).getByRole('link', { name: 'Night drive' })).toHaveAttribute('href', '/playlists/pl-00000001');
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ trackId: '11' });
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/Added to/)).not.toBeInTheDocument();
  });

  it('when an album is added to a list, then its id is sent; all of an album’s tracks go to a playlist in one request', async () => {
    const { requests } = serve((request) =>
      jsonResponse(writeResult(2, 'entries' in (request.body as object) ? [trackEntry(1, 'a'), trackEntry(2, 'b')] : [trackEntry(3, 'Low')]), 201),
    );
    const album = renderMenu({ type: 'album', albumId: '42', title: 'Low' });
    await userEvent.click(screen.getByRole('button', { name: 'Add to list' }));
    await userEvent.click(await screen.findByRole('button', { name: /Night drive/ }));
    await screen.findByText(/Added to/);
    album.unmount();

    renderMenu({ type: 'tracks', trackIds: ['11', '12'], title: 'Low' });
    await userEvent.click(screen.getByRole('button', { name: 'Add to playlist' }));
    await userEvent.click(await screen.findByRole('button', { name: /Road trip/ }));
    expect(await screen.findByText(/Added 2 tracks to/)).toBeInTheDocument();
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([{ albumId: '42' }, { entries: [{ trackId: '11' }, { trackId: '12' }] }]);
  });

  it('when the playlist refuses the track, then the reason is shown', async () => {
    serve(() => problemResponse(409, 'playlist_full', 'A playlist holds at most 10,000 entries.'));
    renderMenu({ type: 'track', trackId: '11', title: 'Sound and Vision' });
    await userEvent.click(screen.getByRole('button', { name: 'Add to playlist' }));
    await userEvent.click(await screen.findByRole('button', { name: /Night drive/ }));
    expect(await screen.findByText('Not added to Night drive: A playlist holds at most 10,000 entries.')).toBeInTheDocument();
  });

  it('when "New playlist…" is chosen, then a playlist is created and the track added to it', async () => {
    const created = playlistView({ id: 'pl-00000008', title: 'Bowie, Berlin years', entries: [] });
    const { requests } = serve(() => jsonResponse(writeResult(2, [trackEntry(1, 'Sound and Vision')], 1), 201), {
      'POST /api/playlists': () => jsonResponse(created, 201),
      'POST /api/playlists/pl-00000008/entries': () => jsonResponse(writeResult(2, [trackEntry(1, 'Sound and Vision')], 1), 201),
    });
    renderMenu({ type: 'track', trackId: '11', title: 'Sound and Vision' });
    await userEvent.click(screen.getByRole('button', { name: 'Add to playlist' }));
    await userEvent.click(await screen.findByRole('button', { name: 'New playlist…' }));
    const dialog = screen.getByRole('dialog', { name: 'New playlist' });
    // The form's code arrives when the dialog first opens.
    await userEvent.type(await within(dialog).findByRole('textbox', { name: 'Title' }), 'Bowie, Berlin years');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create playlist' }));
    const status = await screen.findByText(/Added to/);
    expect(within(status).getByRole('link', { name: 'Bowie, Berlin years' })).toHaveAttribute('href', '/playlists/pl-00000008');
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/api/playlists', '/api/playlists/pl-00000008/entries']);
  });
});

describe('Add to playlist on the album page', () => {
  let restoreSocket: () => void;
  beforeEach(() => {
    restoreSocket = setSocketFactory(() => new FakeSocket().asSocket());
  });
  afterEach(() => restoreSocket());

  it('when signed in, then each track row and the header offer it; signed out, nothing does', async () => {
    const page = albumPage({ tracks: [track(), track({ id: '12', position: 2, positionLabel: 'A2', title: 'Breaking Glass' })] });
    mockFetch({
      'GET /api/albums/42': () => jsonResponse(page),
      'GET /api/albums/42/reviews': () => jsonResponse({ items: [], nextCursor: null }),
      'GET /api/albums/42/friends': () => jsonResponse([]),
    });
    const signedIn = renderAt(<AlbumRoute />, { pattern: '/albums/:id', path: '/albums/42', me: meOf(nina) });
    expect(await screen.findByRole('button', { name: 'Add to playlist: Breaking Glass' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add to list' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add tracks to playlist' })).toBeInTheDocument();
    signedIn.unmount();

    renderAt(<AlbumRoute />, { pattern: '/albums/:id', path: '/albums/42', me: null });
    await screen.findByRole('heading', { name: 'Low' });
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Add to/ })).not.toBeInTheDocument());
  });
});
