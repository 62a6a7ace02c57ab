import type { ServiceImportView } from '@muse/shared';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../../../lib/api-client';
import { setSocketFactory } from '../../../lib/socket';
import { FakeSocket } from '../../../testing/fake-socket';
import { jsonResponse, mockFetch, problemResponse } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { ServiceImport } from './service-import';

let socket: FakeSocket;
let restoreSocket: () => void;

beforeEach(() => {
  setCsrfToken('t');
  socket = new FakeSocket();
  restoreSocket = setSocketFactory(() => socket.asSocket());
});

afterEach(() => restoreSocket());

const connection = (provider: 'spotify' | 'apple', status = 'active') => ({
  provider,
  displayName: 'Demo Listener',
  scopes: [],
  status,
  connectedAt: '2026-12-01T00:00:00.000Z',
});

function importView(overrides: Partial<ServiceImportView> = {}): ServiceImportView {
  return {
    id: '41',
    provider: 'spotify',
    sourcePlaylistId: '37i9dQZF1DXcBWIGoYBM5M',
    sourceName: 'Road trip',
    status: 'queued',
    processed: 0,
    total: 0,
    linked: 0,
    localFiles: 0,
    unavailable: 0,
    playlistId: null,
    error: null,
    createdAt: '2026-12-06T10:00:00.000Z',
    finishedAt: null,
    ...overrides,
  };
}

const SPOTIFY_PAGE_1 = {
  items: [
    { id: '37i9dQZF1DXcBWIGoYBM5M', name: 'Road trip', ownerName: 'Demo Listener', trackCount: 300, ownedByUser: true },
    { id: '1aaaaaaaaaaaaaaaaaaaaa', name: 'Friends’ mix', ownerName: 'Someone Else', trackCount: 40, ownedByUser: false },
  ],
  next: '50',
  total: 3,
};
const SPOTIFY_PAGE_2 = {
  items: [{ id: '2bbbbbbbbbbbbbbbbbbbbb', name: 'Late night', ownerName: 'Demo Listener', trackCount: 12, ownedByUser: true }],
  next: null,
  total: 3,
};

async function following() {
  await waitFor(() => expect(socket.listenerCount('service-import:progress')).toBe(1));
}

describe('ServiceImport', () => {
  it('when no service is connected, then it links to Settings → Connected services', async () => {
    mockFetch({ 'GET /api/connections': () => jsonResponse({ items: [connection('apple', 'needs_reconnect')], available: ['spotify', 'apple'] }) });
    renderWithProviders(<ServiceImport />);
    expect(await screen.findByRole('link', { name: 'Settings → Connected services' })).toHaveAttribute('href', '/settings#connections');
    expect(screen.getByRole('link', { name: 'Reconnect it in Settings' })).toHaveAttribute('href', '/settings#connections');
    expect(screen.queryByRole('button', { name: /Import/ })).not.toBeInTheDocument();
  });

  it('when a listed playlist is imported, then the bar follows the live progress and ends with a link to the playlist', async () => {
    let view = importView();
    const { requests } = mockFetch({
      'GET /api/connections': () => jsonResponse({ items: [connection('spotify')], available: ['spotify', 'apple'] }),
      'GET /api/connections/spotify/playlists': (r) => jsonResponse(requests.filter((q) => q.path === r.path).length > 1 ? SPOTIFY_PAGE_2 : SPOTIFY_PAGE_1),
      'POST /api/service-imports': () => jsonResponse(view, 202),
      'GET /api/service-imports/41': () => jsonResponse(view),
    });
    const { router } = renderWithProviders(<ServiceImport />);
    const user = userEvent.setup();

    const list = await screen.findByRole('list', { name: 'Your Spotify playlists' });
    expect(within(list).getByText('Road trip')).toBeInTheDocument();
    expect(within(list).getByText(/40 tracks · by Someone Else/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show more Spotify playlists' }));
    expect(await within(list).findByText('Late night')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show more Spotify playlists' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Import Road trip' }));
    await following();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ provider: 'spotify', playlistId: '37i9dQZF1DXcBWIGoYBM5M' });
    expect(router.state.location.search).toBe('?import=41');
    expect(screen.getByRole('heading', { name: 'Importing “Road trip” from Spotify' })).toBeInTheDocument();

    // The server's record moves with the events (the status change makes the page read it again).
    view = importView({ status: 'importing', processed: 100, total: 300 });
    act(() => socket.serverEmit('service-import:progress', { importId: '41', status: 'importing', processed: 100, total: 300 }));
    const bar = await screen.findByRole('progressbar', { name: 'Tracks imported' });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '100'));
    expect(bar).toHaveAttribute('aria-valuemax', '300');
    expect(screen.getByText('100 of 300 tracks')).toBeInTheDocument();
    act(() => socket.serverEmit('service-import:progress', { importId: '41', status: 'importing', processed: 200, total: 300 }));
    await waitFor(() => expect(screen.getByRole('progressbar', { name: 'Tracks imported' })).toHaveAttribute('aria-valuenow', '200'));
    // Another import's progress is not this one's.
    act(() => socket.serverEmit('service-import:progress', { importId: '99', status: 'importing', processed: 290, total: 300 }));
    expect(screen.getByRole('progressbar', { name: 'Tracks imported' })).toHaveAttribute('aria-valuenow', '200');

    view = importView({
      status: 'done',
      processed: 300,
      total: 300,
      linked: 280,
      localFiles: 2,
      unavailable: 3,
      playlistId: '01a2-pl',
      finishedAt: '2026-12-06T10:01:00.000Z',
    });
    act(() => socket.serverEmit('service-import:progress', { importId: '41', status: 'done', processed: 300, total: 300, playlistId: '01a2-pl' }));
    expect(await screen.findByRole('link', { name: 'Open playlist' })).toHaveAttribute('href', '/playlists/01a2-pl');
    await waitFor(() =>
      expect(
        screen.getByText(/300 tracks imported: 280 linked to Muse’s catalog; 2 local files and 3 unavailable tracks kept as the service named them/),
      ).toBeInTheDocument(),
    );
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('when a pasted link is not a playlist link, then it says why without asking the server; a server refusal is shown as said', async () => {
    const { requests } = mockFetch({
      'GET /api/connections': () => jsonResponse({ items: [connection('spotify'), connection('apple')], available: ['spotify', 'apple'] }),
      'GET /api/connections/spotify/playlists': () => jsonResponse({ items: [], next: null, total: 0 }),
      'GET /api/connections/apple/playlists': () =>
        jsonResponse({ items: [{ id: 'p.abc', name: 'Library mix 5', ownerName: null, trackCount: 5, ownedByUser: true }], next: null, total: 1 }),
      'POST /api/service-imports': () => problemResponse(404, 'not_found', 'Apple Music connection not found.'),
    });
    renderWithProviders(<ServiceImport />);
    const user = userEvent.setup();
    expect(await screen.findByText('You have no playlists on Spotify.')).toBeInTheDocument();

    const field = screen.getByLabelText('Or paste a playlist link');
    await user.type(field, 'https://open.spotify.com/album/4aawyAB9vmqN3uQ7FjRGTy');
    await user.click(screen.getByRole('button', { name: 'Import from link' }));
    expect(await screen.findByText('This Spotify link is to an album, not a playlist.')).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    await user.clear(field);
    await user.type(field, 'https://music.apple.com/library/playlist/p.abc');
    await user.click(screen.getByRole('button', { name: 'Import from link' }));
    expect(await screen.findByText('Apple Music connection not found.')).toBeInTheDocument();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ url: 'https://music.apple.com/library/playlist/p.abc' });

    // The other connected service's playlists are one press away.
    await user.click(screen.getByRole('button', { name: 'Apple Music' }));
    expect(screen.getByRole('button', { name: 'Apple Music' })).toHaveAttribute('aria-pressed', 'true');
    expect(await screen.findByRole('button', { name: 'Import Library mix 5' })).toBeInTheDocument();
  });

  it('when the page is opened without naming an import while one runs, then it follows that one; a finished one is not shown', async () => {
    let items = [importView({ status: 'importing', processed: 300, total: 2000, sourceName: 'Demo mix 2,000' })];
    const { requests } = mockFetch({
      'GET /api/connections': () => jsonResponse({ items: [connection('spotify')], available: ['spotify'] }),
      'GET /api/connections/spotify/playlists': () => jsonResponse({ items: [], next: null, total: 0 }),
      'GET /api/service-imports': () => jsonResponse({ items }),
      'GET /api/service-imports/41': () => jsonResponse(items[0]),
    });
    const first = renderWithProviders(<ServiceImport />);
    expect(await screen.findByRole('progressbar', { name: 'Tracks imported' })).toHaveAttribute('aria-valuenow', '300');
    first.unmount();

    items = [importView({ status: 'done', processed: 2000, total: 2000, playlistId: '01a2-pl' })];
    renderWithProviders(<ServiceImport />);
    expect(await screen.findByText('You have no playlists on Spotify.')).toBeInTheDocument();
    await waitFor(() => expect(requests.filter((r) => r.path === '/api/service-imports')).toHaveLength(2));
    await act(() => Promise.resolve());
    expect(screen.queryByRole('heading', { name: /Import of|Importing/ })).not.toBeInTheDocument();
    expect(requests.filter((r) => r.path === '/api/service-imports/41')).toHaveLength(1);
  });

  it('when the page is reloaded during an import, then it reads where the import is and goes on following it; a failure reads plainly', async () => {
    let view = importView({ status: 'importing', processed: 100, total: 2000, sourceName: 'Demo mix 2,000' });
    mockFetch({
      'GET /api/connections': () => jsonResponse({ items: [connection('spotify')], available: ['spotify'] }),
      'GET /api/connections/spotify/playlists': () => jsonResponse({ items: [], next: null, total: 0 }),
      'GET /api/service-imports/41': () => jsonResponse(view),
    });
    const { router } = renderWithProviders(<ServiceImport />);
    await act(() => router.navigate('/playlists/import?import=41'));
    const bar = await screen.findByRole('progressbar', { name: 'Tracks imported' });
    expect(bar).toHaveAttribute('aria-valuenow', '100');
    await following();
    act(() => socket.serverEmit('service-import:progress', { importId: '41', status: 'importing', processed: 600, total: 2000 }));
    await waitFor(() => expect(screen.getByRole('progressbar', { name: 'Tracks imported' })).toHaveAttribute('aria-valuenow', '600'));

    view = importView({
      status: 'failed',
      processed: 600,
      total: 2000,
      sourceName: 'Demo mix 2,000',
      error: 'Spotify no longer lets Muse act for you. Reconnect it in Settings → Connected services, then import again.',
    });
    act(() => socket.serverEmit('service-import:progress', { importId: '41', status: 'failed', processed: 600, total: 2000 }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The import failed');
    expect(alert).toHaveTextContent('Spotify no longer lets Muse act for you.');
    expect(within(alert).getByRole('link', { name: 'Open Connected services' })).toHaveAttribute('href', '/settings#connections');
    expect(screen.queryByRole('link', { name: 'Open playlist' })).not.toBeInTheDocument();
  });
});
