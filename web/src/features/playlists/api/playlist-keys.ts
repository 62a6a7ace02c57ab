import type { PlaylistDiscoverQuery, PlaylistKind, PlaylistListQuery } from '@muse/shared';

/** Which of the signed-in user's lists `GET /api/playlists` returns (`invited`: invitations not yet answered). */
export type PlaylistFilter = PlaylistListQuery['filter'];
/** Which Discover list `GET /api/playlists/discover` returns. */
export type DiscoverSection = PlaylistDiscoverQuery['section'];

/**
 * Query keys of playlists. Someone's playlists sit under `['users', handle]` so that whatever
 * refreshes a user's pages (a follow, a block) refreshes what of theirs the viewer may see.
 */
export const playlistKeys = {
  all: ['playlists'] as const,
  lists: ['playlists', 'list'] as const,
  list: (filter: PlaylistFilter, kind: PlaylistKind | undefined) => ['playlists', 'list', filter, kind ?? 'all'] as const,
  discover: (section: DiscoverSection, kind: PlaylistKind | undefined) => ['playlists', 'discover', section, kind ?? 'all'] as const,
  detail: (id: string) => ['playlists', 'detail', id] as const,
  /** Mutations that change a playlist's version run one after another under this scope. */
  writeScope: (id: string) => `playlist-write:${id}`,
  entryEdits: (id: string) => ['playlists', 'detail', id, 'entry-edits'] as const,
  user: (handle: string, kind: PlaylistKind | undefined) => ['users', handle.toLowerCase(), 'playlists', kind ?? 'all'] as const,
  people: (handle: string, side: 'followers' | 'following') => ['users', handle.toLowerCase(), side, 'picker'] as const,
};
