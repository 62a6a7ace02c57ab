import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { conversionView, spotifyOnly } from '../../features/conversion/testing/conversion-fixtures';
import { meOf, nina, otto, playlistSummary, playlistView, VISITOR_PERMISSIONS } from '../../features/playlists/testing/playlist-fixtures';
import { renderAt } from '../../features/playlists/testing/render-playlist';
import { setCsrfToken } from '../../lib/api-client';
import { jsonResponse, mockFetch } from '../../testing/mock-fetch';
import { ConvertRoute } from './convert-route';
import { PlaylistRoute } from './playlist-route';

beforeEach(() => setCsrfToken('t'));

describe('Convert entry points', () => {
  it('when someone who may see a playlist presses Convert, then the dialog converts that playlist and the conversion page opens', async () => {
    const { requests } = mockFetch({
      'GET /api/playlists/pl-00000001': () => jsonResponse(playlistView({ permissions: VISITOR_PERMISSIONS })),
      'GET /api/connections': () => jsonResponse(spotifyOnly),
      'POST /api/conversions': () => jsonResponse(conversionView({ id: 'conv-0000042', status: 'queued' }), 202),
    });
    const { router } = renderAt(<PlaylistRoute />, { pattern: '/playlists/:id', path: '/playlists/pl-00000001', me: meOf(otto) });

    await userEvent.click(await screen.findByRole('button', { name: 'Convert' }));
    const dialog = screen.getByRole('dialog', { name: 'Convert playlist' });
    expect(within(dialog).getByText('Night drive')).toBeInTheDocument();
    await userEvent.click(await within(dialog).findByRole('button', { name: 'Convert to Spotify' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/conversions/conv-0000042'));
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      source: { kind: 'muse', playlistId: 'pl-00000001' },
      target: 'spotify',
      mode: 'new',
      name: 'Night drive',
    });
  });

  it('when nobody is signed in, then the playlist page offers no Convert', async () => {
    mockFetch({ 'GET /api/playlists/pl-00000001': () => jsonResponse(playlistView({ permissions: VISITOR_PERMISSIONS })) });
    renderAt(<PlaylistRoute />, { pattern: '/playlists/:id', path: '/playlists/pl-00000001', me: null });
    await screen.findByRole('heading', { name: 'Night drive' });
    expect(screen.queryByRole('button', { name: 'Convert' })).not.toBeInTheDocument();
  });

  it('when /convert lists your Muse and Spotify playlists, then picking one opens the dialog with it, and a Spotify one cannot go back to Spotify', async () => {
    mockFetch({
      'GET /api/playlists': () => jsonResponse({ items: [playlistSummary(1, 'Night drive')], nextCursor: null }),
      'GET /api/connections': () => jsonResponse(spotifyOnly),
      'GET /api/connections/spotify/playlists': () =>
        jsonResponse({ items: [{ id: 'sp1', name: 'Gym', ownerName: 'Nina', trackCount: 12, ownedByUser: true }], next: null, total: 1 }),
    });
    renderAt(<ConvertRoute />, { pattern: '/convert', path: '/convert', me: meOf(nina) });

    await userEvent.click(await screen.findByRole('button', { name: 'Show my Spotify playlists' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Convert Gym from Spotify' }));
    const dialog = screen.getByRole('dialog', { name: 'Convert playlist' });
    expect(within(dialog).getByText('Gym')).toBeInTheDocument();
    expect(await within(dialog).findByRole('radio', { name: 'Spotify' })).toHaveAccessibleDescription('The playlist is already on Spotify.');
    expect(within(dialog).getByRole('radio', { name: 'Spotify' })).toHaveAccessibleDescription('The playlist is already on Spotify.');
    expect(within(dialog).getByRole('radio', { name: 'Muse' })).toBeChecked();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    await userEvent.click(screen.getByRole('button', { name: 'Convert Night drive' }));
    expect(within(screen.getByRole('dialog', { name: 'Convert playlist' })).getByText('Night drive')).toBeInTheDocument();
  });

  it('when a pasted link is not a link, then /convert says so at the field; a link opens the dialog', async () => {
    mockFetch({
      'GET /api/playlists': () => jsonResponse({ items: [], nextCursor: null }),
      'GET /api/connections': () => jsonResponse({ items: [], available: ['spotify', 'apple'] }),
    });
    renderAt(<ConvertRoute />, { pattern: '/convert', path: '/convert', me: meOf(nina) });
    expect(await screen.findByText(/No service is connected\./)).toBeInTheDocument();

    const field = screen.getByRole('textbox', { name: 'Or paste a playlist link' });
    await userEvent.type(field, 'my playlist');
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(field).toBeInvalid();
    expect(field).toHaveAccessibleDescription(/This is not a link\. Paste a Spotify link/);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await userEvent.clear(field);
    await userEvent.type(field, 'https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M');
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    const dialog = screen.getByRole('dialog', { name: 'Convert playlist' });
    expect(within(dialog).getByText('https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M')).toBeInTheDocument();
    expect(within(dialog).getByText(/Spotify link/)).toBeInTheDocument();
    expect(await within(dialog).findByRole('radio', { name: 'Spotify' })).toHaveAccessibleDescription('The playlist is already on Spotify.');
  });
});
