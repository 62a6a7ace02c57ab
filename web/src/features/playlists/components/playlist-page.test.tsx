import type { Me, PlaylistView } from '@muse/shared';
import { getDefaultNormalizer, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PlaylistRoute } from '../../../app/routes/playlist-route';
import { setCsrfToken } from '../../../lib/api-client';
import { jsonResponse, mockFetch, problemResponse } from '../../../testing/mock-fetch';
import { albumEntry, meOf, nina, otto, playlistView, trackEntry, VISITOR_PERMISSIONS } from '../testing/playlist-fixtures';
import { renderAt } from '../testing/render-playlist';

function renderPlaylist(view: PlaylistView, me: Me | null = meOf(nina), extra: Parameters<typeof mockFetch>[0] = {}, path = `/playlists/${view.id}`) {
  setCsrfToken('t');
  const { requests } = mockFetch({ [`GET /api/playlists/${view.id}`]: () => jsonResponse(view), ...extra });
  return { ...renderAt(<PlaylistRoute />, { pattern: '/playlists/:id', path, me }), requests };
}

describe('playlist page, by who is looking', () => {
  it('when the owner opens it, then header, description line breaks and every owner action are there, and each row can be reordered', async () => {
    renderPlaylist(playlistView());
    expect(await screen.findByRole('heading', { level: 1, name: 'Night drive' })).toBeInTheDocument();
    // Plain text with its line breaks kept (shown with white-space: pre-wrap), never markup.
    expect(screen.getByText('For the A1 at 3 am.\nHeadphones on.', { normalizer: getDefaultNormalizer({ collapseWhitespace: false }) })).toHaveClass(
      'playlist-description',
    );
    expect(screen.getByText(/3 tracks/)).toBeInTheDocument();
    for (const name of ['Share', 'Collaborators', 'Edit', 'Delete Night drive', 'Duplicate']) expect(screen.getByRole('button', { name })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Download Night drive as JSPF' })).toHaveAttribute('href', '/api/playlists/pl-00000001/export.jspf');
    expect(screen.getByRole('button', { name: 'Actions for Kid A' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Reorder Kid A, position 2 of 3/ })).toBeInTheDocument();
    // Owners cannot like their own playlist: the count is shown instead.
    expect(screen.queryByRole('button', { name: /Like/ })).not.toBeInTheDocument();
    expect(screen.getByText('2 likes')).toBeInTheDocument();
  });

  it('when someone else opens it, then they may like and clone it but nothing else, and the track rows show ratings and albums', async () => {
    const view = playlistView({ permissions: VISITOR_PERMISSIONS, sharedWith: null });
    view.entries[1] = { ...view.entries[1]!, viewerRating: 4.5, note: 'The one with the harp.' };
    const { requests } = renderPlaylist(view, meOf(otto), {
      'PUT /api/playlists/pl-00000001/like': () => jsonResponse({ liked: true, likeCount: 3 }),
    });
    await screen.findByRole('heading', { level: 1, name: 'Night drive' });
    for (const name of ['Share', 'Collaborators', 'Edit', 'Actions for Kid A']) expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Reorder/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Delete/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Clone' })).toBeInTheDocument();

    const row = screen.getByText('Kid A', { selector: '.entry-title' }).closest('li')!;
    expect(within(row).getByText('Your rating: 4.5 stars')).toBeInTheDocument();
    expect(within(row).getByText(/average from 3 ratings/)).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'Kid A' })).toHaveAttribute('href', '/albums/102#track-502');
    expect(within(row).getByText('The one with the harp.')).toBeInTheDocument();
    expect(within(row).getByText('3:02')).toBeInTheDocument();

    const like = screen.getByRole('button', { name: /Like/ });
    expect(like).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(like);
    await waitFor(() => expect(screen.getByRole('button', { name: /Like/ })).toHaveAttribute('aria-pressed', 'true'));
    expect(screen.getByRole('button', { name: /Like/ })).toHaveTextContent('3 likes');
    expect(requests.some((r) => r.method === 'PUT' && r.path.endsWith('/like'))).toBe(true);
  });

  it('when a signed-out visitor opens a link playlist, then the token is passed on and they are asked to log in to like or clone', async () => {
    const view = playlistView({ visibility: 'link', permissions: { ...VISITOR_PERMISSIONS, like: false, clone: false }, sharedWith: null });
    const { requests } = renderPlaylist(view, null, {}, `/playlists/${view.id}?token=AAAAAAAAAAAAAAAAAAAAAA`);
    await screen.findByRole('heading', { level: 1, name: 'Night drive' });
    expect(screen.getByRole('link', { name: 'Log in to like or clone' })).toHaveAttribute(
      'href',
      `/login?next=${encodeURIComponent('/playlists/pl-00000001?token=AAAAAAAAAAAAAAAAAAAAAA')}`,
    );
    expect(screen.getByRole('link', { name: 'Download Night drive as CSV' })).toHaveAttribute(
      'href',
      '/api/playlists/pl-00000001/export.csv?token=AAAAAAAAAAAAAAAAAAAAAA',
    );
    const read = (requests[0] as { path: string }).path;
    expect(read).toBe('/api/playlists/pl-00000001');
    expect(screen.queryByRole('button', { name: 'Clone' })).not.toBeInTheDocument();
  });

  it('when a visitor clones a link playlist, then the token goes with it and they land on their private copy, which says where it came from', async () => {
    const view = playlistView({ visibility: 'link', permissions: VISITOR_PERMISSIONS, sharedWith: null });
    const copy = playlistView({
      id: 'pl-00000077',
      owner: otto,
      visibility: 'private',
      clonedFrom: { id: view.id, title: view.title, owner: nina },
    });
    const { requests } = renderPlaylist(
      view,
      meOf(otto),
      {
        'POST /api/playlists/pl-00000001/clone': () => jsonResponse(copy, 201),
        'GET /api/playlists/pl-00000077': () => jsonResponse(copy),
      },
      `/playlists/${view.id}?token=AAAAAAAAAAAAAAAAAAAAAA`,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Clone' }));
    expect(await screen.findByText(/Cloned “Night drive”\. This copy is yours and private/)).toBeInTheDocument();
    const from = screen.getByText(/Cloned from/);
    expect(within(from).getByRole('link', { name: 'Night drive' })).toHaveAttribute('href', '/playlists/pl-00000001');
    expect(within(from).getByRole('link', { name: 'Nina' })).toHaveAttribute('href', '/users/nina');
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ token: 'AAAAAAAAAAAAAAAAAAAAAA' });
  });

  it('when the playlist cannot be seen, then the page says it is not found, whatever the reason', async () => {
    setCsrfToken('t');
    mockFetch({ 'GET /api/playlists/pl-00000009': () => problemResponse(404, 'not_found', 'Playlist not found.') });
    renderAt(<PlaylistRoute />, { pattern: '/playlists/:id', path: '/playlists/pl-00000009', me: meOf(otto) });
    expect(await screen.findByRole('heading', { name: 'This playlist isn’t on the record' })).toBeInTheDocument();
  });

  it('when the viewer was invited, then a banner offers Accept, and accepting makes the entries editable', async () => {
    const invited = playlistView({
      permissions: VISITOR_PERMISSIONS,
      collaborators: [{ user: otto, status: 'invited', invitedAt: '2026-11-03T10:00:00.000Z' }],
    });
    const accepted = playlistView({
      permissions: { ...VISITOR_PERMISSIONS, editEntries: true },
      collaborators: [{ user: otto, status: 'accepted', invitedAt: '2026-11-03T10:00:00.000Z' }],
      version: 2,
    });
    const { requests } = renderPlaylist(invited, meOf(otto), { 'POST /api/playlists/pl-00000001/collaborators/accept': () => jsonResponse(accepted) });
    const banner = await screen.findByRole('region', { name: 'Invitation to collaborate' });
    expect(banner).toHaveTextContent('Nina invited you to collaborate on “Night drive”');
    expect(screen.queryByRole('button', { name: 'Actions for Kid A' })).not.toBeInTheDocument();
    await userEvent.click(within(banner).getByRole('button', { name: 'Accept' }));
    expect(await screen.findByRole('button', { name: 'Actions for Kid A' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Invitation to collaborate' })).not.toBeInTheDocument();
    expect(screen.getByText(/with/).closest('p')).toHaveTextContent('by Nina with Otto');
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('when a ranked list is shown, then albums carry their rank numbers, covers and notes', async () => {
    const list = playlistView({
      kind: 'list',
      ranked: true,
      title: 'Best of the 90s',
      entries: [albumEntry(1, 'OK Computer', { rank: 1, note: 'Obviously.' }), albumEntry(2, 'Loveless', { rank: 2 })],
      permissions: VISITOR_PERMISSIONS,
    });
    renderPlaylist(list, meOf(otto));
    await screen.findByRole('heading', { level: 1, name: 'Best of the 90s' });
    expect(screen.getByText('Ranked list')).toBeInTheDocument();
    expect(screen.getByLabelText('Number 1')).toHaveTextContent('1');
    expect(screen.getByLabelText('Number 2')).toHaveTextContent('2');
    expect(screen.getByRole('link', { name: 'OK Computer' })).toHaveAttribute('href', '/albums/101');
    expect(screen.getByText('Obviously.')).toBeInTheDocument();
    expect(screen.getByText('Artist 2 · 1992')).toBeInTheDocument();
  });

  it('when the owner deletes it after confirming, then they land on the index', async () => {
    const { router, requests } = renderPlaylist(playlistView(), meOf(nina), { 'DELETE /api/playlists/pl-00000001': () => new Response(null, { status: 204 }) });
    await userEvent.click(await screen.findByRole('button', { name: 'Delete Night drive' }));
    expect(requests.some((r) => r.method === 'DELETE')).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Yes, delete it' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/playlists'));
    expect(requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual(['/api/playlists/pl-00000001']);
  });
});

describe('a long playlist', () => {
  const long = (first: number, total: number, version = 4) =>
    playlistView({
      version,
      entryCount: total,
      entriesNext: first < total ? first : null,
      entries: Array.from({ length: first }, (_, i) => trackEntry(i + 1, `Song ${i + 1}`)),
    });
  const page = (offset: number, count: number, total: number, version = 4) => ({
    version,
    entryCount: total,
    offset,
    entries: Array.from({ length: count }, (_, i) => trackEntry(offset + i + 1, `Song ${offset + i + 1}`)),
    next: offset + count < total ? offset + count : null,
  });

  it('when it holds more entries than the page answers, then "Show more" brings the next ones after them until all are there', async () => {
    const { requests } = renderPlaylist(long(3, 5), meOf(nina), {
      'GET /api/playlists/pl-00000001/entries': () => jsonResponse(page(3, 2, 5)),
    });
    expect(await screen.findByText('Showing 3 of 5 tracks.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Show 2 more' }));
    expect(await screen.findByText('Song 5', { selector: '.entry-title' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Show .* more/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Reorder Song 5, position 5 of 5/ })).toBeInTheDocument();
    expect(requests.filter((r) => r.path.endsWith('/entries'))).toHaveLength(1);
  });

  it('when the playlist changed before the next page came, then the page is read again rather than mixing two versions', async () => {
    let reads = 0;
    renderPlaylist(long(3, 5), meOf(nina), {
      'GET /api/playlists/pl-00000001': () => {
        reads += 1;
        return jsonResponse(reads === 1 ? long(3, 5) : long(3, 6, 5));
      },
      'GET /api/playlists/pl-00000001/entries': () => jsonResponse(page(3, 2, 6, 5)),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Show 2 more' }));
    expect(await screen.findByText('Showing 3 of 6 tracks.')).toBeInTheDocument();
    expect(screen.queryByText('Song 4', { selector: '.entry-title' })).not.toBeInTheDocument();
  });
});
