import { valueToStars, type RatingTimelinePoint } from '@muse/shared';

/** A rating the user gave (from `rating_history` or the current rating), stored value 1..10. */
export interface ChainRating {
  value: number;
  /** When it was given. */
  at: Date;
}

/** A diary listen of the album (rated or not). */
export interface DiaryListen {
  listenedOn: string;
  value: number | null;
  reviewId: string | null;
  /** When the entry was written (the rating of that listen was given then too). */
  createdAt: Date;
}

export interface TimelineSources {
  /** Earlier ratings (replaced by relistens) and the current one, any order. */
  chain: ChainRating[];
  diary: DiaryListen[];
}

const utcDay = (at: Date) => at.toISOString().slice(0, 10);

interface Draft {
  on: string;
  at: number;
  value: number;
  source: RatingTimelinePoint['source'];
  reviewId: string | null;
}

/**
 * The user's ratings of one album over time, oldest first. Diary listens with a rating are the
 * points (their day and stars win: they say when the listen was); a rating from the chain (history
 * and current) becomes a point of its own only when no diary listen explains it, i.e. none with the
 * same stars written or dated on the day it was given (a rating set with the stars widget, a change
 * of mind without a relisten). Each point counts as one listen.
 */
export function buildRatingTimeline({ chain, diary }: TimelineSources): RatingTimelinePoint[] {
  const rated = diary.filter((d) => d.value !== null).sort((a, b) => a.listenedOn.localeCompare(b.listenedOn) || +a.createdAt - +b.createdAt);
  const used = new Set<DiaryListen>();
  const drafts: Draft[] = rated.map((d) => ({ on: d.listenedOn, at: +d.createdAt, value: d.value!, source: 'diary', reviewId: d.reviewId }));
  for (const rating of [...chain].sort((a, b) => +a.at - +b.at)) {
    const day = utcDay(rating.at);
    const explained = rated.find((d) => !used.has(d) && d.value === rating.value && (utcDay(d.createdAt) === day || d.listenedOn === day));
    if (explained) used.add(explained);
    else drafts.push({ on: day, at: +rating.at, value: rating.value, source: 'rating', reviewId: null });
  }
  drafts.sort((a, b) => a.on.localeCompare(b.on) || a.at - b.at);
  return drafts.map((d, i) => ({ on: d.on, rating: valueToStars(d.value), source: d.source, listenNumber: i + 1, reviewId: d.reviewId }));
}

/** The last point's stars minus the first's; null with fewer than two points. */
export function timelineChange(points: RatingTimelinePoint[]): number | null {
  return points.length < 2 ? null : points[points.length - 1]!.rating - points[0]!.rating;
}
