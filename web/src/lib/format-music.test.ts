import { describe, expect, it } from 'vitest';
import { dayParts, formatCount, formatDuration, formatNumber, formatReleaseDate, formatStars, todayLocal } from './format-music';

describe('formatNumber and formatCount', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [1204, '1,204'],
    [1_000_000, '1,000,000'],
    [-3500, '-3,500'],
  ])('when the number is %i, then it reads %s with English separators whatever the browser locale', (n, expected) => {
    expect(formatNumber(n)).toBe(expected);
  });

  it('when a count is one or many, then the noun agrees', () => {
    expect(formatCount(1, 'rating')).toBe('1 rating');
    expect(formatCount(1204, 'rating')).toBe('1,204 ratings');
    expect(formatCount(2, 'reply', 'replies')).toBe('2 replies');
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0:00'],
    [999, '0:01'],
    [59_000, '0:59'],
    [60_000, '1:00'],
    [183_000, '3:03'],
    [599_499, '9:59'],
    [3_599_000, '59:59'],
    [3_600_000, '1:00:00'],
    [4_834_000, '1:20:34'],
  ])('when the length is %i ms, then it reads %s', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });

  it.each([[null], [undefined], [-5], [Number.NaN], [Number.POSITIVE_INFINITY]])('when the length is %s, then nothing is shown', (ms) => {
    expect(formatDuration(ms)).toBe('');
  });
});

describe('formatStars', () => {
  it('when the rating is one star, then it is singular; otherwise plural', () => {
    expect(formatStars(1)).toBe('1 star');
    expect(formatStars(0.5)).toBe('0.5 stars');
    expect(formatStars(4.5)).toBe('4.5 stars');
  });
});

describe('dates', () => {
  it('when a release date is known to the month, then the day is not invented', () => {
    expect(formatReleaseDate('1977-01-01', 'month', 1977)).toBe('January 1977');
    expect(formatReleaseDate('1977-01-14', 'day', 1977)).toBe('January 14, 1977');
    expect(formatReleaseDate(null, null, 1977)).toBe('1977');
    expect(formatReleaseDate(null, null, null)).toBe('');
  });

  it('when a diary day is split, then month, day and weekday come out in UTC', () => {
    expect(dayParts('2026-03-01')).toEqual({ month: 'March 2026', dayOfMonth: '1', weekday: 'Sun' });
  });

  it('when today is asked for late in the evening, then it is the local calendar day', () => {
    expect(todayLocal(new Date(2026, 0, 31, 23, 59))).toBe('2026-01-31');
  });
});
