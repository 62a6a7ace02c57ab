import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { conversionView } from '../testing/conversion-fixtures';
import { ConversionHistory } from './conversion-history';

describe('Conversion history', () => {
  it('when there are more conversions, then "Show more" appends the next page; each lists source, target, status and counts', async () => {
    const pages = [
      {
        items: [
          conversionView({ id: 'conv-0000003', status: 'done', matched: 36, needsReview: 2, notFound: 1, skipped: 1 }),
          conversionView({ id: 'conv-0000002', status: 'failed', target: 'muse', source: { kind: 'muse', provider: null, playlistId: 'pl-1', title: 'Gym' } }),
        ],
        nextCursor: 'c2',
      },
      {
        items: [
          conversionView({
            id: 'conv-0000001',
            status: 'cancelled',
            mode: 'sync',
            source: { kind: 'service', provider: 'apple', playlistId: 'p.1', title: 'Focus' },
            target: 'spotify',
          }),
        ],
        nextCursor: null,
      },
    ];
    let served = 0;
    const { spy } = mockFetch({ 'GET /api/conversions': () => jsonResponse(pages[Math.min(served++, 1)]) });
    renderWithProviders(<ConversionHistory />);

    const first = await screen.findByRole('link', { name: 'Road trip → Apple Music' });
    expect(first).toHaveAttribute('href', '/conversions/conv-0000003');
    const items = () => screen.getAllByTestId('conversion-history-item');
    expect(items()).toHaveLength(2);
    expect(within(items()[0]!).getByText('Done')).toBeInTheDocument();
    expect(within(items()[0]!).getByText(/36 matched · 2 need review · 1 not found · 1 skipped/)).toBeInTheDocument();
    expect(within(items()[0]!).getByText(/From Spotify into “Road trip”/)).toBeInTheDocument();
    expect(within(items()[1]!).getByRole('link', { name: 'Gym → Muse' })).toBeInTheDocument();
    expect(within(items()[1]!).getByText('Failed')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));

    expect(await screen.findByRole('link', { name: 'Focus → Spotify' })).toHaveAttribute('href', '/conversions/conv-0000001');
    expect(items()).toHaveLength(3);
    expect(within(items()[2]!).getByText('Cancelled')).toBeInTheDocument();
    expect(within(items()[2]!).getByText(/From Apple Music into “Road trip” \(sync\)/)).toBeInTheDocument();
    expect(spy.mock.calls.map(([input]) => String(input))).toEqual(['/api/conversions?limit=20', '/api/conversions?cursor=c2&limit=20']);
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
  });

  it('when there is none yet, then it says so and points to /convert', async () => {
    mockFetch({ 'GET /api/conversions': () => jsonResponse({ items: [], nextCursor: null }) });
    renderWithProviders(<ConversionHistory />);
    expect(await screen.findByText(/No conversions yet\./)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Convert a playlist' })).toHaveAttribute('href', '/convert');
  });
});
