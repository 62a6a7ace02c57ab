import type { ConversionReportRow } from '@muse/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../../../lib/api-client';
import { jsonResponse, mockFetch, type RecordedRequest } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { candidate, conversionView, reportRow } from '../testing/conversion-fixtures';
import { ConversionReport } from './conversion-report';

const BASE = '/api/conversions/conv-0000001';
const done = conversionView({ status: 'done', phase: 'finished', processed: 4, total: 4, matched: 1, needsReview: 1, notFound: 1, skipped: 1 });

const review = reportRow(1, 'Inertia Creeps', {
  outcome: 'needs_review',
  reason: 'Two versions are about as likely',
  method: 'search',
  confidence: 0.72,
  chosen: null,
  written: false,
  alternatives: [candidate('am-alt-1', 'Inertia Creeps (Live)', 0.72, { album: 'Live at Glastonbury' }), candidate('am-alt-2', 'Inertia Creeps', 0.7)],
});
const missing = reportRow(2, 'Exchange', {
  outcome: 'not_found',
  reason: 'No track like it on Apple Music',
  method: null,
  confidence: null,
  chosen: null,
  written: false,
});
const skipped = reportRow(3, 'Voice memo', { outcome: 'skipped', reason: 'A local file', method: null, confidence: null, chosen: null, written: false });
const rows = [reportRow(0, 'Angel'), review, missing];

beforeEach(() => setCsrfToken('t'));

function serve(extra: Record<string, (request: RecordedRequest) => Response> = {}) {
  const pages = [
    { items: rows, nextCursor: 'c1' },
    { items: [skipped], nextCursor: null },
  ];
  let served = 0;
  const mock = mockFetch({ [`GET ${BASE}/report`]: () => jsonResponse(pages[Math.min(served++, 1)]), ...extra });
  const urls = () => mock.spy.mock.calls.map(([input]) => String(input));
  return { ...mock, urls, posts: () => mock.requests.filter((r) => r.method === 'POST') };
}

const rowOf = (title: string) =>
  screen.getAllByTestId('conversion-row').find((row) => within(row).queryByText(title, { selector: '.conversion-source-title' }))!;
const sourceTitles = () => screen.getAllByTestId('conversion-row').map((row) => row.querySelector('.conversion-source-title')?.textContent);

describe('Conversion report', () => {
  it('when a row needs review, then Fix offers its alternatives with their confidence, and picking one updates the row in place', async () => {
    const fixed: ConversionReportRow = {
      ...review,
      outcome: 'matched',
      reason: null,
      method: 'manual',
      confidence: 0.7,
      chosen: review.alternatives[1]!,
      written: true,
    };
    const { posts } = serve({ [`POST ${BASE}/rows/1/fix`]: () => jsonResponse(fixed) });
    renderWithProviders(<ConversionReport view={done} />);
    await screen.findByText('Inertia Creeps', { selector: '.conversion-source-title' });
    expect(within(rowOf('Inertia Creeps')).getByText('Needs review')).toBeInTheDocument();
    expect(within(rowOf('Inertia Creeps')).getByText('Two versions are about as likely')).toBeInTheDocument();
    expect(within(rowOf('Angel')).queryByRole('button', { name: /Fix/ })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Fix Massive Attack – Inertia Creeps' }));

    const panel = screen.getByRole('group', { name: 'Fix “Massive Attack – Inertia Creeps”' });
    expect(within(panel).getByRole('heading', { name: 'Fix “Massive Attack – Inertia Creeps”' })).toHaveFocus();
    const live = within(panel).getByRole('radio', { name: /Inertia Creeps \(Live\).*72 % confidence/ });
    expect(live).toBeChecked();
    await userEvent.click(within(panel).getByRole('radio', { name: /^Massive Attack – Inertia Creeps · Mezzanine.*70 % confidence/ }));
    await userEvent.click(within(panel).getByRole('button', { name: 'Use this track' }));

    await waitFor(() => expect(posts()[0]?.body).toEqual({ action: 'pick', trackId: 'am-alt-2' }));
    await waitFor(() => expect(screen.queryByRole('group', { name: /^Fix/ })).not.toBeInTheDocument());
    const row = rowOf('Inertia Creeps');
    expect(within(row).getByText('Matched')).toBeInTheDocument();
    expect(within(row).getByText('Fixed by you')).toBeInTheDocument();
    expect(row.querySelector('td')).toHaveFocus();
    expect(within(row).getByText('70 %')).toBeInTheDocument();
    expect(within(row).queryByRole('button', { name: /Fix/ })).not.toBeInTheDocument();
    expect(sourceTitles()).toEqual(['Angel', 'Inertia Creeps', 'Exchange']);
    expect(screen.getByText(/Track 2 fixed: Massive Attack – Inertia Creeps\. Later conversions will use your choice\./)).toHaveAttribute('role', 'status');
  });

  it('when a track was not found, then the target service can be searched and a hit picked', async () => {
    const hit = candidate('am-77', 'Exchange', 0.9, { album: 'Mezzanine (Deluxe)' });
    const fixed: ConversionReportRow = { ...missing, outcome: 'matched', reason: null, method: 'manual', confidence: 0.9, chosen: hit, written: true };
    const { posts, urls } = serve({
      [`GET ${BASE}/rows/2/search`]: () => jsonResponse([hit]),
      [`POST ${BASE}/rows/2/fix`]: () => jsonResponse(fixed),
    });
    renderWithProviders(<ConversionReport view={done} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Fix Massive Attack – Exchange' }));
    const panel = screen.getByRole('group', { name: 'Fix “Massive Attack – Exchange”' });
    expect(within(panel).getByText('No alternatives were found. Search Apple Music below.')).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'Use this track' })).toBeDisabled();

    const box = within(panel).getByRole('searchbox', { name: 'Search Apple Music' });
    expect(box).toHaveValue('Massive Attack Exchange');
    await userEvent.clear(box);
    await userEvent.type(box, 'exchange mezzanine{Enter}');

    const result = await within(panel).findByRole('radio', { name: /Exchange · Mezzanine \(Deluxe\).*90 % confidence/ });
    expect(urls()).toContain(`${BASE}/rows/2/search?q=exchange+mezzanine`);
    await userEvent.click(result);
    await userEvent.click(within(panel).getByRole('button', { name: 'Use this track' }));

    await waitFor(() => expect(posts()[0]?.body).toEqual({ action: 'pick', trackId: 'am-77' }));
    await waitFor(() => expect(within(rowOf('Exchange')).getByText('Matched')).toBeInTheDocument());
  });

  it('when a track is marked not on this service, then the row says so and offers no fix', async () => {
    const marked: ConversionReportRow = { ...review, notOnService: true };
    const { posts } = serve({ [`POST ${BASE}/rows/1/fix`]: () => jsonResponse(marked) });
    renderWithProviders(<ConversionReport view={done} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Fix Massive Attack – Inertia Creeps' }));

    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.getByRole('button', { name: 'Fix Massive Attack – Inertia Creeps' })).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'Fix Massive Attack – Inertia Creeps' }));

    await userEvent.click(screen.getByRole('button', { name: 'Not on this service' }));

    await waitFor(() => expect(posts()[0]?.body).toEqual({ action: 'not_on_service' }));
    const row = rowOf('Inertia Creeps');
    await waitFor(() => expect(within(row).getByText('Marked not on this service')).toBeInTheDocument());
    expect(within(row).queryByRole('button', { name: /Fix/ })).not.toBeInTheDocument();
    expect(screen.getByText(/Track 2 is marked not on Apple Music/)).toBeInTheDocument();
  });

  it('when the conversion is still running, then rows cannot be fixed yet', async () => {
    serve();
    renderWithProviders(<ConversionReport view={{ ...done, status: 'running', phase: 'matching' }} />);
    await screen.findByText('Inertia Creeps', { selector: '.conversion-source-title' });
    expect(screen.queryByRole('button', { name: /^Fix/ })).not.toBeInTheDocument();
  });

  it('when filtered by outcome and paged, then it asks for that outcome and appends the next page', async () => {
    const { urls } = serve();
    renderWithProviders(<ConversionReport view={done} />);
    await screen.findByText('Exchange', { selector: '.conversion-source-title' });
    expect(urls()).toContain(`${BASE}/report?limit=50`);

    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await screen.findByText('Voice memo', { selector: '.conversion-source-title' });
    expect(urls()).toContain(`${BASE}/report?cursor=c1&limit=50`);
    expect(sourceTitles()).toEqual(['Angel', 'Inertia Creeps', 'Exchange', 'Voice memo']);
    expect(within(rowOf('Voice memo')).getByText('Skipped')).toBeInTheDocument();
    expect(within(rowOf('Voice memo')).getByText('A local file')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();

    const needsReview = screen.getByRole('button', { name: 'Needs review 1' });
    await userEvent.click(needsReview);
    expect(needsReview).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(urls()).toContain(`${BASE}/report?limit=50&outcome=needs_review`));
  });
});
