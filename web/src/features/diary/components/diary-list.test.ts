import { describe, expect, it } from 'vitest';
import { review } from '../../../testing/catalog-fixtures';
import { groupByMonth } from './diary-list';

const entry = (id: string, listenedOn: string) => ({
  id,
  album: review().album,
  listenedOn,
  rating: null,
  isRelisten: false,
  reviewId: null,
  createdAt: `${listenedOn}T12:00:00Z`,
});

describe('groupByMonth', () => {
  it('when entries span months, then each month is one group in the order given', () => {
    const groups = groupByMonth([entry('3', '2026-03-02'), entry('2', '2026-03-01'), entry('1', '2026-02-28'), entry('0', '2025-12-31')]);
    expect(groups.map((g) => [g.month, g.entries.map((e) => e.id)])).toEqual([
      ['March 2026', ['3', '2']],
      ['February 2026', ['1']],
      ['December 2025', ['0']],
    ]);
  });

  it('when there are no entries, then there are no groups', () => {
    expect(groupByMonth([])).toEqual([]);
  });
});
