import type { Party, PartyMessage, PartySummary } from '@muse/shared';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setSocketFactory } from '../../../lib/socket';
import { FakeSocket } from '../../../testing/fake-socket';
import { jsonResponse, mockFetch, problemResponse } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { PartyPage } from './party-page';

const host = { id: '1', handle: 'hana', displayName: 'Hana Host' };
const guest = { id: '2', handle: 'gus', displayName: 'Gus Guest' };
const now = new Date().toISOString();

function party(overrides: Partial<Party> = {}): Party {
  return {
    id: '9',
    status: 'live',
    visibility: 'public',
    host,
    album: { id: '5', title: 'Space Oddity', artist: 'David Bowie', coverUrl: null },
    tracks: [
      { id: '10', title: 'Space Oddity', position: 1, durationMs: 314_000 },
      { id: '11', title: 'Unwashed and Somewhat Slightly Dazed', position: 2, durationMs: 370_000 },
    ],
    scheduledFor: null,
    startedAt: now,
    endedAt: null,
    playback: { trackId: '10', positionMs: 4000, playing: true, updatedAt: now, version: 3, controller: host },
    participants: [host, guest],
    participantCount: 2,
    ratings: [],
    myRatings: {},
    viewer: { joined: true, isHost: false, inControl: false, canModerate: false },
    serverTime: now,
    ...overrides,
  };
}

const message = (id: string, author = host, body = 'hello'): PartyMessage => ({ id, partyId: '9', author, body, createdAt: now });

let socket: FakeSocket;
let restoreSocket: () => void;
beforeEach(() => {
  socket = new FakeSocket();
  restoreSocket = setSocketFactory(() => socket.asSocket());
});
afterEach(() => restoreSocket());

describe('PartyPage', () => {
  it('when a guest is in a live party, then it shows what plays, follows the room’s events, and shows the summary when the host ends it', async () => {
    let current = party();
    const summary: PartySummary = {
      partyId: '9',
      album: { id: '5', title: 'Space Oddity', artist: 'David Bowie' },
      attendees: [host, guest],
      attendeeCount: 2,
      tracks: [{ trackId: '10', title: 'Space Oddity', position: 1, average: 4.5, count: 2 }],
      albumAverage: 4.5,
      logLink: '/albums/5',
      endedAt: now,
    };
    mockFetch({
      'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
      'GET /api/parties/9': () => jsonResponse(current),
      'GET /api/parties/9/messages': () => jsonResponse({ items: [message('1')] }),
      'GET /api/parties/9/summary': () => jsonResponse(summary),
    });
    renderWithProviders(<PartyPage partyId="9" viewerId={guest.id} />);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Now playing: Space Oddity'));
    // Not in control: no play buttons, but a rating for each track.
    expect(screen.queryByRole('button', { name: /^Play for everyone/ })).toBeNull();
    expect(screen.getAllByRole('slider', { name: /^Your party rating of / })).toHaveLength(2);
    await waitFor(() => expect(socket.emitted.some((e) => e.event === 'party:watch' && e.args[0] === '9')).toBe(true));

    act(() => {
      socket.serverEmit('party:playback', { partyId: '9', playback: { ...current.playback, trackId: '11', version: 4 }, serverTime: now });
      // A late, older state changes nothing.
      socket.serverEmit('party:playback', { partyId: '9', playback: { ...current.playback, trackId: '10', version: 2 }, serverTime: now });
      socket.serverEmit('party:message', { message: message('2', guest, 'what a track') });
      socket.serverEmit('party:rating', { partyId: '9', rating: { trackId: '11', average: 3.5, count: 2 } });
    });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Now playing: Unwashed and Somewhat Slightly Dazed'));
    expect(await within(screen.getByRole('log', { name: 'Party chat' })).findByText('what a track')).toBeInTheDocument();
    expect(screen.getByTestId('party-rating-11')).toHaveTextContent('Party: 3.5 stars (2)');

    // A moderator removes the latest message: it goes from the open page.
    act(() => socket.serverEmit('party:message-removed', { partyId: '9', messageId: '2' }));
    await waitFor(() => expect(within(screen.getByRole('log', { name: 'Party chat' })).queryByText('what a track')).toBeNull());
    expect(within(screen.getByRole('log', { name: 'Party chat' })).getByText('hello')).toBeInTheDocument();

    current = party({ status: 'ended', endedAt: now, participantCount: 0 });
    act(() => socket.serverEmit('party:status', { partyId: '9', status: 'ended' }));
    const region = await screen.findByRole('region', { name: 'Party summary' });
    expect(within(region).getByTestId('party-album-average')).toHaveTextContent('4.5 stars');
    expect(within(region).getByRole('link', { name: 'Log Space Oddity' })).toHaveAttribute('href', '/albums/5');
  });

  it('when the viewer has control, then a track’s play button sets the shared player for everyone', async () => {
    const { requests } = mockFetch({
      'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
      'GET /api/parties/9': () => jsonResponse(party({ viewer: { joined: true, isHost: true, inControl: true, canModerate: true } })),
      'GET /api/parties/9/messages': () => jsonResponse({ items: [message('1', guest)] }),
      'PUT /api/parties/9/playback': () => jsonResponse({ trackId: '11', positionMs: 0, playing: true, updatedAt: now, version: 4, controller: host }),
      'DELETE /api/parties/9/messages/1': () => new Response(null, { status: 204 }),
    });
    renderWithProviders(<PartyPage partyId="9" viewerId={host.id} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Play for everyone: Unwashed and Somewhat Slightly Dazed' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true));
    expect(requests.find((r) => r.method === 'PUT')).toEqual(
      expect.objectContaining({ path: '/api/parties/9/playback', body: { trackId: '11', positionMs: 0, playing: true } }),
    );
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Now playing: Unwashed'));
    // The host moderates the chat.
    const log = await screen.findByRole('log', { name: 'Party chat' });
    await userEvent.click(await within(log).findByRole('button', { name: 'Remove message by Gus Guest' }));
    await waitFor(() => expect(within(log).queryByText('hello')).toBeNull());
    expect(requests.some((r) => r.method === 'DELETE' && r.path === '/api/parties/9/messages/1')).toBe(true);
  });

  it('when a guest reports the host’s chat message, then the dialog asks why and sends the reason to the party’s report endpoint', async () => {
    const { requests } = mockFetch({
      'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
      'GET /api/parties/9': () => jsonResponse(party()),
      'GET /api/parties/9/messages': () => jsonResponse({ items: [message('41', host, 'buy my mixtape'), message('42', guest, 'mine')] }),
      'POST /api/parties/9/messages/41/reports': () => new Response(null, { status: 204 }),
    });
    renderWithProviders(<PartyPage partyId="9" viewerId={guest.id} />);
    const log = await screen.findByRole('log', { name: 'Party chat' });
    await within(log).findByText('buy my mixtape');
    // One's own message offers no report.
    expect(within(log).getAllByRole('button', { name: /^Report message by/ })).toHaveLength(1);
    await userEvent.click(within(log).getByRole('button', { name: 'Report message by Hana Host' }));
    await userEvent.type(screen.getByLabelText('What is wrong?'), 'Spam in the chat');
    await userEvent.click(screen.getByRole('button', { name: 'Send report' }));
    expect(await screen.findByText('Thanks. Your report is with the moderators.')).toBeInTheDocument();
    expect(requests.find((r) => r.method === 'POST')).toEqual(
      expect.objectContaining({ path: '/api/parties/9/messages/41/reports', body: { reason: 'Spam in the chat' } }),
    );
  });

  it('when the host invites more people, then the handles are sent without their @ and the list shows everyone invited', async () => {
    const nina = { id: '7', handle: 'nina', displayName: 'Nína' };
    const { requests } = mockFetch({
      'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
      'GET /api/parties/9': () => jsonResponse(party({ visibility: 'private', viewer: { joined: true, isHost: true, inControl: true, canModerate: true } })),
      'GET /api/parties/9/messages': () => jsonResponse({ items: [] }),
      'GET /api/parties/9/invitations': () => jsonResponse({ items: [guest] }),
      'POST /api/parties/9/invitations': () => jsonResponse({ items: [guest, nina] }),
    });
    renderWithProviders(<PartyPage partyId="9" viewerId={host.id} />);
    const section = await screen.findByRole('region', { name: 'Invitations' });
    expect(await within(section).findByRole('link', { name: 'Gus Guest' })).toBeInTheDocument();
    await userEvent.type(within(section).getByLabelText('Invite more people (handles)'), '@nina, ');
    await userEvent.click(within(section).getByRole('button', { name: 'Invite' }));
    expect(await within(section).findByRole('link', { name: 'Nína' })).toBeInTheDocument();
    expect(requests.find((r) => r.method === 'POST')).toEqual(expect.objectContaining({ path: '/api/parties/9/invitations', body: { invite: ['nina'] } }));
  });

  it('when the host withdraws an invitation, then that person leaves the list', async () => {
    const { requests } = mockFetch({
      'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
      'GET /api/parties/9': () => jsonResponse(party({ visibility: 'private', viewer: { joined: true, isHost: true, inControl: true, canModerate: true } })),
      'GET /api/parties/9/messages': () => jsonResponse({ items: [] }),
      'GET /api/parties/9/invitations': () => jsonResponse({ items: [guest] }),
      'DELETE /api/parties/9/invitations/2': () => jsonResponse({ items: [] }),
    });
    renderWithProviders(<PartyPage partyId="9" viewerId={host.id} />);
    const section = await screen.findByRole('region', { name: 'Invitations' });
    await userEvent.click(await within(section).findByRole('button', { name: 'Withdraw the invitation of Gus Guest' }));
    expect(await within(section).findByText('Nobody invited yet.')).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'DELETE' && r.path === '/api/parties/9/invitations/2')).toBe(true);
  });

  it('when the host withdraws the viewer’s invitation while the page is open, then the page says the party is not open to them', async () => {
    let withdrawn = false;
    mockFetch({
      'GET /api/parties/9': () => (withdrawn ? problemResponse(404, 'not_found', 'Party not found.') : jsonResponse(party({ visibility: 'private' }))),
      'GET /api/parties/9/messages': () => jsonResponse({ items: [] }),
    });
    renderWithProviders(<PartyPage partyId="9" viewerId={guest.id} />);
    await screen.findByRole('log', { name: 'Party chat' });
    await waitFor(() => expect(socket.emitted.some((e) => e.event === 'party:watch')).toBe(true));
    withdrawn = true;
    act(() => socket.serverEmit('party:removed', { partyId: '9' }));
    expect(await screen.findByText(/This party is not open to you/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See the parties you can join' })).toHaveAttribute('href', '/parties');
  });

  it('when a guest opens the party, then there is no invitations box', async () => {
    mockFetch({
      'GET /api/parties/9': () => jsonResponse(party()),
      'GET /api/parties/9/messages': () => jsonResponse({ items: [] }),
    });
    renderWithProviders(<PartyPage partyId="9" viewerId={guest.id} />);
    await screen.findByRole('log', { name: 'Party chat' });
    expect(screen.queryByRole('region', { name: 'Invitations' })).toBeNull();
  });
});
