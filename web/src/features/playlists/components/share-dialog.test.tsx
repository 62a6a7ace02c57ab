import type { PlaylistView } from '@muse/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PlaylistRoute } from '../../../app/routes/playlist-route';
import { setCsrfToken } from '../../../lib/api-client';
import { jsonResponse, mockFetch } from '../../../testing/mock-fetch';
import { meOf, nina, otto, playlistView } from '../testing/playlist-fixtures';
import { renderAt } from '../testing/render-playlist';

const TOKEN = 'AAAAAAAAAAAAAAAAAAAAAA';
const NEW_TOKEN = 'BBBBBBBBBBBBBBBBBBBBBB';
const ana = { id: '4', handle: 'ana', displayName: 'Ana Lúcia', avatarUrl: null };

function renderOwnerPage(view: PlaylistView, routes: Parameters<typeof mockFetch>[0] = {}) {
  setCsrfToken('t');
  const { requests } = mockFetch({
    'GET /api/playlists/pl-00000001': () => jsonResponse(view),
    'GET /api/users/nina/followers': () =>
      jsonResponse({
        items: [
          { user: { ...otto, avatarUrl: null }, followedAt: '2026-10-01T00:00:00.000Z', viewerFollows: true },
          { user: ana, followedAt: '2026-10-02T00:00:00.000Z', viewerFollows: false },
        ],
        nextCursor: null,
      }),
    ...routes,
  });
  renderAt(<PlaylistRoute />, { pattern: '/playlists/:id', path: '/playlists/pl-00000001', me: meOf(nina) });
  return { requests };
}

async function openShare() {
  await userEvent.click(await screen.findByRole('button', { name: 'Share' }));
  return screen.getByRole('dialog', { name: 'Share' });
}

describe('share dialog', () => {
  it('when "Specific people" is chosen, then the owner searches their followers, picks some and saves them with the version', async () => {
    const { requests } = renderOwnerPage(playlistView(), {
      'PATCH /api/playlists/pl-00000001': () => jsonResponse(playlistView({ version: 2, visibility: 'people', sharedWith: [otto] })),
    });
    const dialog = await openShare();
    expect(within(dialog).getByRole('radio', { name: /^Public/ })).toBeChecked();
    await userEvent.click(within(dialog).getByRole('radio', { name: /^Specific people/ }));
    const people = await within(dialog).findByRole('list', { name: 'Your followers' });
    expect(within(people).getAllByRole('checkbox')).toHaveLength(2);

    await userEvent.type(within(dialog).getByRole('searchbox', { name: 'Search your followers' }), 'lucia');
    expect(within(people).getAllByRole('checkbox')).toHaveLength(1);
    expect(within(people).getByRole('checkbox', { name: 'Ana Lúcia @ana' })).not.toBeChecked();
    await userEvent.clear(within(dialog).getByRole('searchbox', { name: 'Search your followers' }));
    await userEvent.type(within(dialog).getByRole('searchbox', { name: 'Search your followers' }), 'ott');
    await userEvent.click(within(people).getByRole('checkbox', { name: /Otto/ }));
    expect(within(dialog).getByText('1 person picked')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ version: 1, visibility: 'people', sharedWith: ['2'] }));
    expect(await within(dialog).findByText('Saved: specific people.')).toBeInTheDocument();
  });

  it('when "Specific people" is saved with nobody picked, then it is refused before anything is sent', async () => {
    const { requests } = renderOwnerPage(playlistView());
    const dialog = await openShare();
    await userEvent.click(within(dialog).getByRole('radio', { name: /^Specific people/ }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Pick at least one follower');
    expect(requests.some((r) => r.method === 'PATCH')).toBe(false);
  });

  it('when the playlist is link-only, then its link can be copied, and a new link is made only after confirming that old links stop working', async () => {
    const user = userEvent.setup();
    let token = TOKEN;
    const { requests } = renderOwnerPage(playlistView({ visibility: 'link', linkToken: TOKEN }), {
      'GET /api/playlists/pl-00000001': () => jsonResponse(playlistView({ visibility: 'link', linkToken: token })),
      'POST /api/playlists/pl-00000001/link': () => {
        token = NEW_TOKEN;
        return jsonResponse({ linkToken: NEW_TOKEN });
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Share' }));
    const dialog = screen.getByRole('dialog', { name: 'Share' });
    const link = within(dialog).getByRole('textbox', { name: 'Link' });
    expect(link).toHaveValue(`${window.location.origin}/playlists/pl-00000001?token=${TOKEN}`);
    await user.click(within(dialog).getByRole('button', { name: 'Copy link' }));
    expect(await navigator.clipboard.readText()).toBe(`${window.location.origin}/playlists/pl-00000001?token=${TOKEN}`);
    expect(within(dialog).getByText('Link copied.')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Make a new link' }));
    expect(requests.some((r) => r.path.endsWith('/link'))).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Yes, old links stop working' }));
    await waitFor(() =>
      expect(within(dialog).getByRole('textbox', { name: 'Link' })).toHaveValue(`${window.location.origin}/playlists/pl-00000001?token=${NEW_TOKEN}`),
    );
    expect(within(dialog).getByText('A new link is ready. Old links no longer work.')).toBeInTheDocument();
    expect(requests.filter((r) => r.path.endsWith('/link'))).toHaveLength(1);
  });

  it('when a public playlist is made link-only, then saving shows the link the server made', async () => {
    const { requests } = renderOwnerPage(playlistView(), {
      'PATCH /api/playlists/pl-00000001': () => jsonResponse(playlistView({ version: 2, visibility: 'link', linkToken: TOKEN })),
    });
    const dialog = await openShare();
    await userEvent.click(within(dialog).getByRole('radio', { name: /^Anyone with the link/ }));
    expect(within(dialog).getByText('Save to make the link.')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByRole('textbox', { name: 'Link' })).toHaveValue(`${window.location.origin}/playlists/pl-00000001?token=${TOKEN}`);
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ version: 1, visibility: 'link' });
    expect(requests.some((r) => r.path.endsWith('/link'))).toBe(false);
  });
});
