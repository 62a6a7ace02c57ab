/* Closed sets of values pages and the API share; the schemas build their enums from them. */

export const SEARCH_TYPES = ['all', 'album', 'artist', 'track', 'user', 'playlist'] as const;

export const ACTIVITY_TYPES = [
  'rated',
  'reviewed',
  'listened',
  'liked_review',
  'commented',
  'followed',
  'favourited',
  'created_playlist',
  'added_to_playlist',
  'liked_playlist',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
