import type { PartyListItem } from '@muse/shared';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { PartyList } from './party-list';

const item = (id: string, overrides: Partial<PartyListItem> = {}): PartyListItem => ({
  id,
  status: 'live',
  visibility: 'public',
  host: { id: '1', handle: 'hana', displayName: 'Hana Host' },
  album: { id: `a${id}`, title: `Album ${id}`, artist: 'Ünïcode Artist', coverUrl: null },
  scheduledFor: null,
  startedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
  participantCount: 1234,
  reason: 'public',
  ...overrides,
});

describe('PartyList', () => {
  it('when parties are live and scheduled, then each section lists them with who hosts, why they are there and a link to the party', async () => {
    const soon = new Date(Date.now() + 2 * 3_600_000).toISOString();
    mockFetch({
      'GET /api/parties': () =>
        jsonResponse({
          live: [item('7', { reason: 'following' }), item('8')],
          upcoming: [item('9', { status: 'scheduled', visibility: 'private', startedAt: null, scheduledFor: soon, participantCount: 0, reason: 'invited' })],
        }),
    });
    renderWithProviders(<PartyList />);
    const live = await screen.findByRole('region', { name: 'Live now' });
    const rows = within(live).getAllByTestId('party-list-item');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByRole('link', { name: 'Album 7' })).toHaveAttribute('href', '/parties/7');
    expect(rows[0]).toHaveTextContent('Ünïcode Artist · hosted by Hana Host');
    expect(rows[0]).toHaveTextContent('Live · 1,234 listening · started 5 minutes ago');
    expect(rows[0]).toHaveTextContent('You follow Hana Host');
    expect(rows[1]).not.toHaveTextContent('You follow');
    const upcoming = screen.getByRole('region', { name: 'Coming up' });
    const next = within(upcoming).getByTestId('party-list-item');
    expect(next).toHaveTextContent('· private');
    expect(next).toHaveTextContent(/Starts .* · in 2 hours/);
    expect(next).toHaveTextContent('You are invited');
  });

  it('when nothing is on, then both sections say what to do next', async () => {
    mockFetch({ 'GET /api/parties': () => jsonResponse({ live: [], upcoming: [] }) });
    renderWithProviders(<PartyList />);
    expect(await screen.findByText(/No party is live right now/)).toBeInTheDocument();
    expect(screen.getByText(/Nothing scheduled by you or the people you follow/)).toBeInTheDocument();
  });
});
