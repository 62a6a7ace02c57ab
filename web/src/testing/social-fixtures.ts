import type { ActivityType, ActivityView, AlbumSummary, FeedItem, ProfileView, UserSummary } from '@muse/shared';
import { statsFrom } from './catalog-fixtures';

/** An album summary with a readable title; ids follow `n`. */
export function albumSummary(n: number, title = `Album ${n}`, artistCredit = `Artist ${n}`): AlbumSummary {
  return { id: String(100 + n), title, artistCredit, releaseYear: 1970 + n, type: 'album', coverUrl: null, genres: [] };
}

/** Ana, whose activity the fixtures show. */
export const ana: UserSummary = { id: '2', handle: 'ana', displayName: 'Ana' };
/** Ben, whose reviews Ana likes and comments on. */
export const ben: UserSummary = { id: '3', handle: 'ben', displayName: 'Bén 🎧' };

/** A review as an activity refers to it; Ana's unless another author is given. */
export function reviewRef(id: string, excerpt: string, author: UserSummary = ana, listenNumber: number | null = null): NonNullable<ActivityView['review']> {
  return { id, excerpt, author, listenNumber };
}

/** The artist an album fixture is credited to: id `200 + n`, named as its credit line. */
export function albumArtist(n: number, name = `Artist ${n}`): ActivityView['albumArtists'][number] {
  return { id: String(200 + n), name };
}

/** One activity of Ana's; `n` picks the album, credited to one artist unless overridden. */
export function activity(n: number, type: ActivityType = 'rated', overrides: Partial<ActivityView> = {}): ActivityView {
  const album = overrides.album === undefined ? albumSummary(n) : overrides.album;
  return {
    id: `a${n}`,
    type,
    actor: { ...ana, avatarUrl: null },
    visibility: 'public',
    createdAt: '2026-11-20T10:00:00.000Z',
    album,
    albumArtists: album ? [albumArtist(n, album.artistCredit)] : [],
    rating: type === 'rated' ? 4.5 : null,
    review: null,
    targetUser: null,
    ...overrides,
  };
}

/** A feed item grouping `activities` of their first actor and type. */
export function feedItem(id: string, activities: ActivityView[]): FeedItem {
  const first = activities[0] ?? activity(1);
  return { id, type: first.type, actor: first.actor, activities, createdAt: first.createdAt };
}

/** A profile as `GET /api/users/:handle` answers it; the signed-in owner's unless overridden. */
export function profileView(overrides: Partial<ProfileView> = {}): ProfileView {
  return {
    user: {
      id: '1',
      handle: 'nina',
      displayName: 'Nina',
      avatarUrl: null,
      bio: 'Mostly Krautrock.',
      isPrivate: false,
      followerCount: 3,
      followingCount: 5,
      createdAt: '2026-01-01T00:00:00.000Z',
    },
    isOwn: true,
    relationship: null,
    suspended: false,
    visible: true,
    favourites: [1, 2, 3].map((n) => ({
      ...albumSummary(n, ['Low', 'Tago Mago', 'Hosianna Mantra'][n - 1]),
      stats: statsFrom([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]),
    })),
    stats: null,
    compatibility: null,
    settings: { defaultVisibility: 'public', hideUnloggedTakes: false },
    ...overrides,
  };
}
