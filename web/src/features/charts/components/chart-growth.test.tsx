import type { ChartEntry } from '@muse/shared';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { albumSummary } from '../../../testing/social-fixtures';
import { ChartList } from './chart-list';

const stats = { count: 9, mean: 4, weighted: 3.8, histogram: [0, 0, 0, 0, 0, 0, 0, 9, 0, 0] };

describe('growers in ChartList', () => {
  it('when an entry carries its growth, then the row says the mean rise and how many relisteners it is over', async () => {
    const grower: ChartEntry = { rank: 1, album: albumSummary(1), stats, growth: { meanRise: 2 / 3, pairs: 3 }, provisional: false };
    const plain: ChartEntry = { rank: 2, album: albumSummary(2), stats, provisional: false };
    renderWithProviders(<ChartList items={[grower, plain]} />);
    const [first, second] = await screen.findAllByRole('listitem');
    expect(first).toHaveTextContent('+0.67 ★ on relistens · 3 relisteners');
    expect(second).not.toHaveTextContent('relisten');
  });
});
