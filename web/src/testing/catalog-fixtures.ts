import type { AlbumPage, RatingStats, ReviewView, TrackView } from '@muse/shared';

/** Rating stats with the given histogram (index 0 = half a star); count and mean follow from it. */
export function statsFrom(histogram: number[], weighted: number | null = null): RatingStats {
  const count = histogram.reduce((sum, n) => sum + n, 0);
  const sum = histogram.reduce((total, n, bucket) => total + n * ((bucket + 1) / 2), 0);
  return { count, histogram, mean: count ? Math.round((sum / count) * 100) / 100 : null, weighted };
}

export function track(overrides: Partial<TrackView> = {}): TrackView {
  return {
    id: '11',
    disc: 1,
    position: 1,
    positionLabel: 'A1',
    title: 'Sound and Vision',
    artistCredit: 'David Bowie',
    durationMs: 183_000,
    isrc: null,
    stats: { count: 0, mean: null },
    viewerRating: null,
    ...overrides,
  };
}

/** An album page as `GET /api/albums/:id` answers it, for a signed-in viewer unless `viewer: null`. */
export function albumPage(overrides: Partial<AlbumPage> = {}): AlbumPage {
  return {
    album: {
      id: '42',
      title: 'Low',
      artistCredit: 'David Bowie',
      releaseYear: 1977,
      type: 'album',
      coverUrl: null,
      genres: ['Electronic', 'Rock'],
      credits: [{ artistId: '7', name: 'David Bowie', joinPhrase: '' }],
      releaseDate: '1977-01-14',
      releaseDatePrecision: 'day',
      styles: ['Art Rock'],
      label: 'RCA Victor',
      catalogNumber: 'PL 12030',
      country: 'UK',
      upc: null,
      spotifyId: null,
      appleId: null,
      discogsId: '1',
    },
    tracks: [track()],
    stats: statsFrom([0, 0, 0, 0, 0, 0, 1, 2, 0, 1], 3.6),
    viewer: { rating: null, ratingHistory: [], diary: [], reviewId: null },
    topReviews: [],
    friends: [],
    embargoedUntil: null,
    ...overrides,
  };
}

export function review(overrides: Partial<ReviewView> = {}): ReviewView {
  const page = albumPage();
  return {
    id: '900',
    album: { id: page.album.id, title: page.album.title, artistCredit: page.album.artistCredit, releaseYear: 1977, type: 'album', coverUrl: null, genres: [] },
    track: null,
    author: { id: '1', handle: 'nina', displayName: 'Nina' },
    body: 'Side B is a whole winter.',
    rating: 4.5,
    listenedOn: '2026-01-02',
    isRelisten: false,
    visibility: 'public',
    listenNumber: null,
    likeCount: 0,
    commentCount: 0,
    likedByViewer: false,
    createdAt: '2026-01-02T10:00:00.000Z',
    updatedAt: '2026-01-02T10:00:00.000Z',
    ...overrides,
  };
}
