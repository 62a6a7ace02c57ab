import { GROWERS_MIN_PAIRS, type ChartEntry } from '@muse/shared';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { albumSummary } from '../../../testing/social-fixtures';
import { ChartFormula } from './chart-formula';
import { ChartList } from './chart-list';
import { ChartNav } from './chart-nav';

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

describe('the growers tab and formula', () => {
  it('when the growers chart is open, then its tab is current and the formula says how it ranks and its minimum', () => {
    const chart = { kind: 'growers', year: null, genre: null, computedAt: null, priorMean: 3.5, priorWeight: 10, minCount: 3, items: [] } as const;
    renderWithProviders(
      <>
        <ChartNav kind="growers" years={[]} genres={[]} onSelect={() => {}} />
        <ChartFormula chart={{ ...chart, items: [] }} />
      </>,
    );
    const tab = screen.getByRole('link', { name: 'Growers' });
    expect(tab).toHaveAttribute('href', '/charts?kind=growers');
    expect(tab).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('complementary', { name: 'How charts are ranked' })).toHaveTextContent(
      `for albums at least ${GROWERS_MIN_PAIRS} people relistened`,
    );
  });
});
