import type { ReportView } from '@muse/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { ReportQueue } from './report-queue';
import { SuspendedAccounts } from './suspended-accounts';

const report = (id: string, reason: string): ReportView => ({
  id,
  targetType: 'review',
  targetId: '900',
  link: '/reviews/900',
  excerpt: 'Buy cheap vinyl at …',
  author: { id: '5', handle: 'spammer', displayName: 'Spammer' },
  reporter: { id: '6', handle: 'nina', displayName: 'Nina' },
  reason,
  status: 'open',
  createdAt: '2026-11-20T10:00:00.000Z',
});

describe('ReportQueue', () => {
  it('when a report is dismissed, then the API hears the action and note and the report leaves the open queue', async () => {
    const { requests } = mockFetch({
      'GET /api/admin/reports': () => jsonResponse({ items: [report('1', 'Spam'), report('2', 'Also spam')], nextCursor: null }),
      'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
      'POST /api/admin/reports/1/resolve': () => jsonResponse({ ...report('1', 'Spam'), status: 'dismissed' }),
    });
    renderWithProviders(<ReportQueue status="open" />);
    const first = (await screen.findAllByTestId('report'))[0]!;
    await userEvent.type(within(first).getByLabelText('Note to the reporter (optional)'), 'Not spam after all');
    await userEvent.click(within(first).getByRole('button', { name: 'Dismiss' }));

    await waitFor(() => expect(screen.getAllByTestId('report')).toHaveLength(1));
    expect(screen.getByText('Also spam')).toBeInTheDocument();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ action: 'dismiss', note: 'Not spam after all' });
  });

  it('when a party chat message is reported, then the queue names it, links to the party and offers to remove it', async () => {
    const { requests } = mockFetch({
      'GET /api/admin/reports': () =>
        jsonResponse({ items: [{ ...report('3', 'Slurs in the chat'), targetType: 'party_message', targetId: '41', link: '/parties/12' }], nextCursor: null }),
      'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
      'POST /api/admin/reports/3/resolve': () => jsonResponse({ ...report('3', 'Slurs in the chat'), status: 'actioned' }),
    });
    renderWithProviders(<ReportQueue status="open" />);
    const card = await screen.findByTestId('report');
    expect(within(card).getByRole('heading', { name: /^Party chat message by Spammer/ })).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'open' })).toHaveAttribute('href', '/parties/12');
    await userEvent.click(within(card).getByRole('button', { name: 'Remove message' }));
    await screen.findByText('Nothing to review. The queue is empty.');
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ action: 'hide' });
  });

  it('when a report is about the admin’s own review, then it says so and offers no action', async () => {
    mockFetch({
      'GET /api/admin/reports': () =>
        jsonResponse({
          items: [report('1', 'Rude'), report('2', 'Spam')].map((r, i) => (i === 0 ? { ...r, author: { id: '7', handle: 'boss', displayName: 'Boss' } } : r)),
          nextCursor: null,
        }),
    });
    renderWithProviders(<ReportQueue status="open" viewerId="7" />);

    const [own, other] = await screen.findAllByTestId('report');
    expect(within(own!).getByText(/about your own content/)).toBeInTheDocument();
    expect(within(own!).queryByRole('button')).not.toBeInTheDocument();
    expect(within(other!).getByRole('button', { name: 'Dismiss' })).toBeInTheDocument();
  });

  it('when "Suspend author" is pressed, then it asks first and only the confirmation sends suspend_author', async () => {
    const { requests } = mockFetch({
      'GET /api/admin/reports': () => jsonResponse({ items: [report('1', 'Spam')], nextCursor: null }),
      'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
      'POST /api/admin/reports/1/resolve': () => jsonResponse({ ...report('1', 'Spam'), status: 'actioned' }),
    });
    renderWithProviders(<ReportQueue status="open" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Suspend author' }));
    expect(requests.filter((r) => r.method === 'POST')).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Yes, suspend Spammer' }));
    await screen.findByText('Nothing to review. The queue is empty.');
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ action: 'suspend_author' });
  });

  it('when an author is suspended from the queue, then the suspended accounts list is read again and shows them', async () => {
    let suspended: { user: { id: string; handle: string; displayName: string }; suspendedAt: string; suspendedBy: null; report: null }[] = [];
    mockFetch({
      'GET /api/admin/reports': () => jsonResponse({ items: [report('1', 'Spam')], nextCursor: null }),
      'GET /api/admin/users/suspended': () => jsonResponse({ items: suspended, nextCursor: null }),
      'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
      'POST /api/admin/reports/1/resolve': () => {
        suspended = [
          { user: { id: '5', handle: 'spammer', displayName: 'Spammer' }, suspendedAt: '2026-11-20T10:00:00.000Z', suspendedBy: null, report: null },
        ];
        return jsonResponse({ ...report('1', 'Spam'), status: 'actioned' });
      },
    });
    renderWithProviders(
      <>
        <ReportQueue status="open" />
        <SuspendedAccounts />
      </>,
    );
    expect(await screen.findByText('No account is suspended.')).toBeInTheDocument();
    await userEvent.click(await screen.findByRole('button', { name: 'Suspend author' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, suspend Spammer' }));
    expect(await screen.findByRole('button', { name: 'Lift suspension of Spammer' })).toBeInTheDocument();
  });
});
