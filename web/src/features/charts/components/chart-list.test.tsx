import type { ChartEntry } from '@muse/shared';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { albumSummary } from '../../../testing/social-fixtures';
import { ChartList } from './chart-list';

function entry(rank: number, count: number, provisional: boolean): ChartEntry {
  return { rank, album: albumSummary(rank), stats: { count, mean: 4, weighted: 3.5, histogram: [0, 0, 0, 0, 0, 0, 0, count, 0, 0] }, provisional };
}

describe('ChartList', () => {
  it('when an entry has fewer ratings than the threshold, then it alone is marked provisional', async () => {
    renderWithProviders(<ChartList items={[entry(1, 5, false), entry(2, 1, true)]} minCount={3} />);

    const [established, provisional] = await screen.findAllByRole('listitem');
    expect(within(provisional!).getByText('Provisional')).toHaveAccessibleDescription('Fewer than 3 ratings so far: its place may change.');
    expect(within(established!).queryByText('Provisional')).not.toBeInTheDocument();
  });
});
