import { buildRatingTimeline, timelineChange, type DiaryListen } from './rating-timeline';

const listen = (listenedOn: string, value: number | null, createdAt: string, reviewId: string | null = null): DiaryListen => ({
  listenedOn,
  value,
  reviewId,
  createdAt: new Date(createdAt),
});
const rows = (points: ReturnType<typeof buildRatingTimeline>) => points.map((p) => [p.on, p.rating, p.source, p.listenNumber]);

describe('buildRatingTimeline', () => {
  it('when a relisten repeats the first rating, then both listens are points and the unchanged current rating adds none', () => {
    const points = buildRatingTimeline({
      chain: [{ value: 8, at: new Date('2024-01-02T10:00:00Z') }],
      diary: [listen('2024-06-01', 8, '2024-06-01T09:00:00Z'), listen('2024-01-02', 8, '2024-01-02T10:00:00Z')],
    });
    expect(rows(points)).toEqual([
      ['2024-01-02', 4, 'diary', 1],
      ['2024-06-01', 4, 'diary', 2],
    ]);
  });

  it('when an imported listen is dated in the past and its rating was given on that date, then the diary explains it', () => {
    const points = buildRatingTimeline({
      chain: [{ value: 6, at: new Date('2020-05-01T00:00:00Z') }],
      diary: [listen('2020-05-01', 6, '2026-12-01T12:00:00Z')],
    });
    expect(rows(points)).toEqual([['2020-05-01', 3, 'diary', 1]]);
  });

  it('when the diary and the rating chain disagree, then the diary keeps its listen and the other rating is a point of its own on its day', () => {
    const points = buildRatingTimeline({
      chain: [
        { value: 4, at: new Date('2024-01-02T10:00:00Z') },
        { value: 9, at: new Date('2024-03-10T08:00:00Z') },
      ],
      diary: [listen('2024-01-02', 4, '2024-01-02T10:00:00Z', '7'), listen('2024-02-01', null, '2024-02-01T10:00:00Z')],
    });
    expect(rows(points)).toEqual([
      ['2024-01-02', 2, 'diary', 1],
      ['2024-03-10', 4.5, 'rating', 2],
    ]);
    expect(points[0]!.reviewId).toBe('7');
    expect(timelineChange(points)).toBe(2.5);
  });

  it('when nothing was rated, then there are no points and no change', () => {
    const points = buildRatingTimeline({ chain: [], diary: [listen('2024-02-01', null, '2024-02-01T10:00:00Z')] });
    expect(points).toEqual([]);
    expect(timelineChange(points)).toBeNull();
  });
});
