import type { SuspendedAccountView } from '@muse/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch, problemResponse } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { SuspendedAccounts } from './suspended-accounts';

const account = (id: string, handle: string, displayName: string, withReport = true): SuspendedAccountView => ({
  user: { id, handle, displayName },
  suspendedAt: '2026-11-20T10:00:00.000Z',
  suspendedBy: { id: '1', handle: 'mod_boss', displayName: 'Mod Boss' },
  report: withReport ? { id: '40', targetType: 'review', targetId: '900', excerpt: 'Buy cheap vinyl at …', reason: 'Spam links' } : null,
});

describe('SuspendedAccounts', () => {
  it('when accounts are suspended, then each shows who, by whom and the report behind it', async () => {
    mockFetch({
      'GET /api/admin/users/suspended': () =>
        jsonResponse({ items: [account('5', 'spammer', 'Spammer'), account('6', 'troll', 'Troll', false)], nextCursor: null }),
    });
    renderWithProviders(<SuspendedAccounts />);
    expect(screen.getByRole('heading', { name: 'Suspended accounts' })).toBeInTheDocument();
    const [spammer, troll] = await screen.findAllByTestId('suspended-account');
    expect(within(spammer!).getByRole('link', { name: 'Spammer' })).toHaveAttribute('href', '/users/spammer');
    expect(within(spammer!).getByText('@spammer')).toBeInTheDocument();
    expect(within(spammer!).getByText(/by Mod Boss/)).toBeInTheDocument();
    expect(within(spammer!).getByText('Reported review:').closest('p')).toHaveTextContent('Reported review: Spam links · open');
    expect(within(spammer!).getByText('Buy cheap vinyl at …')).toBeInTheDocument();
    expect(within(spammer!).getByRole('link', { name: 'open' })).toHaveAttribute('href', '/reviews/900');
    expect(within(troll!).getByText('The report behind this suspension is no longer on record.')).toBeInTheDocument();
  });

  it('when "Lift suspension" is confirmed, then the API hears it, the list is read again and the account leaves it', async () => {
    let suspended = [account('5', 'spammer', 'Spammer'), account('6', 'troll', 'Troll')];
    const { requests } = mockFetch({
      'GET /api/admin/users/suspended': () => jsonResponse({ items: suspended, nextCursor: null }),
      'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
      'POST /api/admin/users/5/unsuspend': () => {
        suspended = suspended.filter((a) => a.user.id !== '5');
        return new Response(null, { status: 204 });
      },
    });
    renderWithProviders(<SuspendedAccounts />);
    await userEvent.click(await screen.findByRole('button', { name: 'Lift suspension of Spammer' }));
    // The first press only asks.
    expect(requests.filter((r) => r.method === 'POST')).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Yes, let Spammer sign in again' }));

    await waitFor(() => expect(screen.getAllByTestId('suspended-account')).toHaveLength(1));
    expect(screen.queryByRole('link', { name: 'Spammer' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Troll' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Spammer can sign in again.');
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/api/admin/users/5/unsuspend']);
    expect(requests.filter((r) => r.method === 'GET' && r.path === '/api/admin/users/suspended')).toHaveLength(2);
  });

  it('when "Cancel" is pressed instead, then nothing is sent and the account stays', async () => {
    const { requests } = mockFetch({
      'GET /api/admin/users/suspended': () => jsonResponse({ items: [account('5', 'spammer', 'Spammer')], nextCursor: null }),
    });
    renderWithProviders(<SuspendedAccounts />);
    await userEvent.click(await screen.findByRole('button', { name: 'Lift suspension of Spammer' }));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Lift suspension of Spammer' })).toBeInTheDocument();
    expect(requests.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('when someone else lifted it first, then it says so and the fresh list no longer shows the account', async () => {
    let suspended = [account('5', 'spammer', 'Spammer')];
    mockFetch({
      'GET /api/admin/users/suspended': () => jsonResponse({ items: suspended, nextCursor: null }),
      'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
      'POST /api/admin/users/5/unsuspend': () => {
        suspended = [];
        return problemResponse(409, 'not_suspended', 'This account is not suspended.');
      },
    });
    renderWithProviders(<SuspendedAccounts />);
    await userEvent.click(await screen.findByRole('button', { name: 'Lift suspension of Spammer' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, let Spammer sign in again' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That suspension was already lifted.');
    expect(await screen.findByText('No account is suspended.')).toBeInTheDocument();
  });

  it('when there are more pages, then "More suspended accounts" loads the next with its cursor', async () => {
    const { requests, spy } = mockFetch({
      'GET /api/admin/users/suspended': (request) =>
        requests.filter((r) => r.path === request.path).length === 1
          ? jsonResponse({ items: [account('5', 'spammer', 'Spammer')], nextCursor: 'next-page' })
          : jsonResponse({ items: [account('6', 'troll', 'Troll')], nextCursor: null }),
    });
    renderWithProviders(<SuspendedAccounts />);
    await userEvent.click(await screen.findByRole('button', { name: 'More suspended accounts' }));
    await waitFor(() => expect(screen.getAllByTestId('suspended-account')).toHaveLength(2));
    expect(screen.queryByRole('button', { name: 'More suspended accounts' })).not.toBeInTheDocument();
    expect(spy.mock.calls.map(([url]) => String(url))).toContainEqual(expect.stringContaining('cursor=next-page'));
  });
});
