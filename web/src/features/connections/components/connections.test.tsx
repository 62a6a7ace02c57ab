import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockFetch, problemResponse } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { ConnectedServices } from './connected-services';
import { SpotifySignupForm } from './spotify-signup-form';

const session = {
  user: {
    id: '1',
    handle: 'demo_listener',
    email: 'x@accounts.muse.invalid',
    displayName: 'Demo',
    role: 'user',
    createdAt: '2026-01-01T00:00:00.000Z',
    hasPassword: false,
  },
  csrfToken: 'session-token',
};

describe('ConnectedServices', () => {
  it('shows each available service with its scopes and state, offers reconnecting a revoked one, and disconnects', async () => {
    let items = [
      { provider: 'spotify', displayName: 'Demo Listener', scopes: ['playlist-read-private'], status: 'active', connectedAt: '2026-12-01T00:00:00.000Z' },
      { provider: 'apple', displayName: 'Apple Music', scopes: [], status: 'needs_reconnect', connectedAt: '2026-12-01T00:00:00.000Z' },
    ];
    const { requests } = mockFetch({
      'GET /api/connections': () => jsonResponse({ items, available: ['spotify', 'apple'] }),
      'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
      'DELETE /api/connections/spotify': () => {
        items = items.filter((i) => i.provider !== 'spotify');
        return new Response(null, { status: 204 });
      },
    });
    renderWithProviders(<ConnectedServices oauthError="spotify_taken" justConnected={null} />);

    expect(await screen.findByText(/Connected as Demo Listener/)).toHaveTextContent('playlist-read-private');
    expect(screen.getByRole('alert')).toHaveTextContent('already connected to another Muse account');
    expect(screen.getByText(/needs reconnecting/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Reconnect' })).toHaveAttribute('href', '/api/connections/apple/start');

    await userEvent.setup().click(screen.getAllByRole('button', { name: 'Disconnect' })[0]!);
    await waitFor(() => expect(screen.getByRole('link', { name: 'Connect' })).toHaveAttribute('href', '/api/connections/spotify/start'));
    expect(requests.some((r) => r.method === 'DELETE' && r.path === '/api/connections/spotify')).toBe(true);
    expect(JSON.stringify(document.body.innerHTML)).not.toMatch(/token/i);
  });

  it('when the server refuses to disconnect Spotify (the account signs in with it and has no password), then its message shows and Spotify stays', async () => {
    const items = [
      { provider: 'spotify', displayName: 'Demo Listener', scopes: ['playlist-read-private'], status: 'active', connectedAt: '2026-12-01T00:00:00.000Z' },
    ];
    mockFetch({
      'GET /api/connections': () => jsonResponse({ items, available: ['spotify', 'apple'] }),
      'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
      'DELETE /api/connections/spotify': () =>
        problemResponse(409, 'sign_in_method_needed', 'Spotify is how you sign in: set a password first, then disconnect it.'),
    });
    renderWithProviders(<ConnectedServices oauthError={null} justConnected={null} />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Disconnect' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not disconnect Spotify. Spotify is how you sign in: set a password first, then disconnect it.',
    );
    expect(screen.getByText(/Connected as Demo Listener/)).toBeInTheDocument();
  });

  it('says so when the server offers no music service', async () => {
    mockFetch({ 'GET /api/connections': () => jsonResponse({ items: [], available: [] }) });
    renderWithProviders(<ConnectedServices oauthError={null} justConnected={null} />);
    expect(await screen.findByText('This server has no music services configured.')).toBeInTheDocument();
  });
});

describe('SpotifySignupForm', () => {
  it('starts from the suggested handle and creates the account with the chosen one', async () => {
    const { requests } = mockFetch({
      'GET /api/auth/spotify/pending': () => jsonResponse({ displayName: 'Demo Listener', suggestedHandle: 'demo_listener' }),
      'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
      'POST /api/auth/spotify/complete': () => jsonResponse(session, 201),
    });
    const onSuccess = vi.fn();
    renderWithProviders(<SpotifySignupForm onSuccess={onSuccess} />);
    const handle = await screen.findByLabelText('Handle');
    expect(handle).toHaveValue('demo_listener');
    const user = userEvent.setup();
    await user.clear(handle);
    await user.type(handle, 'my_handle');
    await user.click(screen.getByRole('button', { name: 'Create my account' }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalled());
    expect(requests.find((r) => r.path === '/api/auth/spotify/complete')?.body).toEqual({ handle: 'my_handle', displayName: 'Demo Listener' });
  });

  it('shows a taken handle next to the field', async () => {
    mockFetch({
      'GET /api/auth/spotify/pending': () => jsonResponse({ displayName: null, suggestedHandle: 'listener_ab' }),
      'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
      'POST /api/auth/spotify/complete': () =>
        problemResponse(409, 'handle_taken', 'That handle is taken.', [{ path: 'handle', message: 'That handle is taken' }]),
    });
    renderWithProviders(<SpotifySignupForm onSuccess={vi.fn()} />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Display name'), 'Someone');
    await user.click(screen.getByRole('button', { name: 'Create my account' }));
    await waitFor(() => expect(screen.getByLabelText('Handle')).toHaveAccessibleDescription(/That handle is taken/));
  });

  it('explains when no Spotify sign-in is waiting', async () => {
    mockFetch({ 'GET /api/auth/spotify/pending': () => problemResponse(400, 'no_pending_signup', 'Nothing pending.') });
    renderWithProviders(<SpotifySignupForm onSuccess={vi.fn()} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('no Spotify sign-in waiting');
  });
});
