import type { AggregateHoldView, ModerationLogEntry } from '@muse/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch, problemResponse } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { AggregateHolds } from './aggregate-holds';
import { describeLogEntry, ModerationLog } from './moderation-log';

const album = { id: '7', title: 'Space Oddity', artistCredit: 'David Bowie', releaseYear: 1969, type: 'album' as const, coverUrl: null, genres: [] };
const hold: AggregateHoldView = { album, heldSince: '2026-12-06T04:00:00.000Z', heldScore: 3.91, liveScore: 2.4, lowHistoryCount: 200, lowHistoryMean: 0.5 };

describe('AggregateHolds', () => {
  it('when an album is held, then its card says how many low-history ratings and both scores', async () => {
    mockFetch({ 'GET /api/admin/aggregate-holds': () => jsonResponse({ items: [hold], nextCursor: null }) });
    renderWithProviders(<AggregateHolds />);
    const card = await screen.findByTestId('aggregate-hold');
    expect(card).toHaveTextContent('200 ratings from low-history accounts averaging 0.50 stars. Score shown while held: 3.91; with these ratings: 2.40.');
    expect(within(card).getByRole('link', { name: 'Space Oddity' })).toHaveAttribute('href', '/albums/7');
  });

  it('when "Release" is pressed, then the decision is sent and the list is read again', async () => {
    let held = [hold];
    const { requests } = mockFetch({
      'GET /api/admin/aggregate-holds': () => jsonResponse({ items: held, nextCursor: null }),
      'GET /api/moderation-log': () => jsonResponse({ items: [], nextCursor: null }),
      'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
      'POST /api/admin/aggregate-holds/7/decision': () => {
        held = [];
        return new Response(null, { status: 204 });
      },
    });
    renderWithProviders(<AggregateHolds />);
    await userEvent.click(await screen.findByRole('button', { name: 'Release the hold on Space Oddity' }));
    await screen.findByText('No album’s score is held.');
    expect(screen.getByRole('status')).toHaveTextContent('Released the hold on Space Oddity.');
    expect(requests.filter((r) => r.method === 'POST').map((r) => [r.path, r.body])).toEqual([
      ['/api/admin/aggregate-holds/7/decision', { decision: 'release' }],
    ]);
  });

  it('when "Confirm brigade" is confirmed but another moderator decided first, then the 409 says so', async () => {
    mockFetch({
      'GET /api/admin/aggregate-holds': () => jsonResponse({ items: [hold], nextCursor: null }),
      'GET /api/moderation-log': () => jsonResponse({ items: [], nextCursor: null }),
      'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
      'POST /api/admin/aggregate-holds/7/decision': () => problemResponse(409, 'not_held', 'This album’s score is not held.'),
    });
    renderWithProviders(<AggregateHolds />);
    await userEvent.click(await screen.findByRole('button', { name: 'Confirm brigade on Space Oddity' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, these ratings lose their weight' }));
    await waitFor(() => expect(screen.getByText('Another moderator already decided that hold.')).toBeInTheDocument());
  });
});

describe('ModerationLog', () => {
  let ids = 0;
  const entry = (action: ModerationLogEntry['action'], ratings: number | null, mean: number | null): ModerationLogEntry => ({
    id: String((ids += 1)),
    action,
    album,
    by: action === 'hold' ? 'rule' : 'moderator',
    ratings,
    mean,
    createdAt: '2026-12-06T04:00:00.000Z',
  });

  it('when entries exist, then each says what happened to which album, newest first, naming nobody', async () => {
    mockFetch({ 'GET /api/moderation-log': () => jsonResponse({ items: [entry('release', null, null), entry('hold', 200, 0.5)], nextCursor: null }) });
    renderWithProviders(<ModerationLog />);
    const items = await screen.findAllByTestId('moderation-log-entry');
    expect(items.map((i) => i.getAttribute('data-action'))).toEqual(['release', 'hold']);
    expect(items[1]).toHaveTextContent('Score held by the surge rule: 200 ratings from low-history accounts averaging 0.50 stars.');
    expect(describeLogEntry(entry('confirm', 30, null))).toBe('Brigade confirmed by a moderator: 30 ratings no longer count in the weighted score.');
  });
});
