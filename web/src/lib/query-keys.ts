/**
 * Query keys of the catalog pages. They live here, not in a feature, because a write in one
 * feature (a review with a rating) must refresh queries another feature owns (the album page,
 * the diary).
 */
export const catalogKeys = {
  search: (params: Record<string, string | number | undefined>) => ['search', params] as const,
  albums: ['albums'] as const,
  album: (id: string) => ['albums', id] as const,
  /** The viewer's own ratings of the album over time; under the album's key, so what refreshes the album refreshes it. */
  albumMyTimeline: (id: string) => ['albums', id, 'my-timeline'] as const,
  albumReviews: (id: string, sort: string) => ['albums', id, 'reviews', sort] as const,
  albumReviewsAll: (id: string) => ['albums', id, 'reviews'] as const,
  tracks: ['tracks'] as const,
  track: (id: string) => ['tracks', id] as const,
  trackReviews: (id: string, sort: string) => ['tracks', id, 'reviews', sort] as const,
  artist: (id: string) => ['artists', id] as const,
  reviews: ['reviews'] as const,
  review: (id: string) => ['reviews', id] as const,
  reviewComments: (id: string) => ['reviews', id, 'comments'] as const,
  userDiary: (handle: string) => ['users', handle.toLowerCase(), 'diary'] as const,
  userReviews: (handle: string) => ['users', handle.toLowerCase(), 'reviews'] as const,
  users: ['users'] as const,
  charts: ['charts'] as const,
  chart: (params: Record<string, string | number | undefined>) => ['charts', 'chart', params] as const,
  chartFacets: () => ['charts', 'facets'] as const,
  imports: ['imports'] as const,
  importList: () => ['imports', 'list'] as const,
  import: (id: string) => ['imports', id] as const,
};

/**
 * Query keys of the social pages. A follow changes the profile, both follow lists and the feed,
 * which belong to different features, so the keys are shared here.
 */
export const socialKeys = {
  profile: (handle: string) => ['users', handle.toLowerCase(), 'profile'] as const,
  followers: (handle: string) => ['users', handle.toLowerCase(), 'followers'] as const,
  following: (handle: string) => ['users', handle.toLowerCase(), 'following'] as const,
  userActivity: (handle: string) => ['users', handle.toLowerCase(), 'activity'] as const,
  me: ['me'] as const,
  followRequests: () => ['me', 'follow-requests'] as const,
  blocks: () => ['me', 'blocks'] as const,
  mutes: () => ['me', 'mutes'] as const,
  notificationPreferences: () => ['me', 'notification-preferences'] as const,
  feed: () => ['feed'] as const,
  reports: (status: string) => ['admin', 'reports', status] as const,
  reportsAll: ['admin', 'reports'] as const,
};

/**
 * Query keys of the signed-in user's Listen later queue. Rating, logging or reviewing an album
 * takes it off the queue on the server, so the features that write those refresh `all`.
 */
export const listenLaterKeys = {
  all: ['me', 'listen-later'] as const,
  index: () => ['me', 'listen-later', 'ids'] as const,
  lists: () => ['me', 'listen-later', 'list'] as const,
  list: (sort: string, limit: number) => ['me', 'listen-later', 'list', sort, limit] as const,
};
