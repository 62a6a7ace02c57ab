import { valueToStars, type AlbumSummary, type Compatibility, type ProfileStats, type ProfileView } from '@muse/shared';
import { MAX_DIFF_STARS, MIN_SHARED_FOR_SCORE } from '../../lib/taste-compatibility';
import type { CompatibilityRow } from './compatibility.repo';
import type { ProfileStatsRow } from './profile-stats.repo';
import type { ProfileUserRow } from './profile-users.read-model';

const round2 = (n: number): number => Math.round(n * 100) / 100;
/** Mean in stars of `count` rating values summing to `sum`. */
const meanStars = (sum: number, count: number): number => round2(valueToStars(sum / count));

/** The profile's owner; the bio stays hidden from those who may not see the profile. */
export function presentProfileUser(row: ProfileUserRow, visible: boolean): ProfileView['user'] {
  return {
    id: String(row.id),
    handle: row.handle,
    displayName: row.display_name,
    avatarUrl: row.avatar_url,
    bio: visible ? row.bio : '',
    isPrivate: row.is_private,
    followerCount: row.follower_count,
    followingCount: row.following_count,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Stats with means in stars (two decimals) from the counts and sums the query returns. */
export function presentProfileStats(row: ProfileStatsRow): ProfileStats {
  return {
    ratingCount: row.rating_count,
    reviewCount: row.review_count,
    diaryCount: row.diary_count,
    histogram: row.histogram.map(Number),
    byDecade: row.by_decade.map((d) => ({ decade: d.decade, count: d.count, mean: meanStars(d.sum, d.count) })),
    byYearRated: row.by_year_rated.map((y) => ({ year: y.year, count: y.count })),
    topArtists: row.top_artists.map((a) => ({ artistId: a.artist_id, name: a.name, count: a.count, mean: meanStars(a.sum, a.count) })),
    topGenres: row.top_genres.map((g) => ({ genre: g.genre, count: g.count, mean: meanStars(g.sum, g.count) })),
    diaryStreak: { current: row.streak_current, longest: row.streak_longest },
  };
}

/**
 * Taste compatibility: 100 × (1 − mean absolute difference in stars / 4.5), rounded to a whole
 * number, over the albums both rated; null below three shared ratings.
 */
export function presentCompatibility(row: CompatibilityRow, albums: Map<string, AlbumSummary>): Compatibility {
  const score = row.shared_count >= MIN_SHARED_FOR_SCORE ? Math.round(100 * (1 - valueToStars(row.abs_diff_sum / row.shared_count) / MAX_DIFF_STARS)) : null;
  return {
    score,
    sharedCount: row.shared_count,
    disagreements: row.disagreements.flatMap((d) => {
      const album = albums.get(String(d.album_id));
      return album ? [{ album, yours: valueToStars(d.yours), theirs: valueToStars(d.theirs) }] : [];
    }),
  };
}
