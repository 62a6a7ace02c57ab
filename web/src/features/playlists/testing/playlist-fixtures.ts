import type { PlaylistEntryView, PlaylistSummary, PlaylistView, UserSummary } from '@muse/shared';

/** Nina, who owns the playlists of these tests. */
export const nina: UserSummary = { id: '1', handle: 'nina', displayName: 'Nina' };
/** Otto, a visitor, follower and would-be collaborator. */
export const otto: UserSummary = { id: '2', handle: 'otto', displayName: 'Otto' };

export { meOf } from '../../../testing/session-fixtures';

/** A catalog track entry with a readable title; ids follow `n`. */
export function trackEntry(n: number, title: string, overrides: Partial<PlaylistEntryView> = {}): PlaylistEntryView {
  return {
    id: `entry-000${n}`,
    trackId: String(500 + n),
    albumId: String(100 + n),
    snapshot: { title, artists: ['Radiohead'], album: 'Kid A', durationMs: 180_000 + n * 1000 },
    serviceIds: {},
    note: null,
    addedBy: nina.id,
    addedAt: '2026-11-01T10:00:00.000Z',
    rank: null,
    album: null,
    stats: { count: 3, mean: 4.2 },
    viewerRating: null,
    addedByUser: nina,
    ...overrides,
  };
}

/** An album entry of a list. */
export function albumEntry(n: number, title: string, overrides: Partial<PlaylistEntryView> = {}): PlaylistEntryView {
  return trackEntry(n, title, {
    trackId: null,
    snapshot: { title, artists: [`Artist ${n}`], releaseYear: 1990 + n },
    ...overrides,
  });
}

/** A playlist as `GET /api/playlists/:id` answers it to its owner, Nina. */
export function playlistView(overrides: Partial<PlaylistView> = {}): PlaylistView {
  const entries = overrides.entries ?? [trackEntry(1, 'Everything in Its Right Place'), trackEntry(2, 'Kid A'), trackEntry(3, 'The National Anthem')];
  return {
    id: 'pl-00000001',
    kind: 'playlist',
    title: 'Night drive',
    description: 'For the A1 at 3 am.\nHeadphones on.',
    visibility: 'public',
    ranked: false,
    owner: nina,
    entryCount: entries.length,
    covers: [],
    likeCount: 2,
    cloneCount: 0,
    likedByViewer: false,
    version: 1,
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-02T10:00:00.000Z',
    collaborators: [],
    sharedWith: [],
    linkToken: null,
    clonedFrom: null,
    permissions: { edit: true, editEntries: true, delete: true, clone: true, like: false },
    entriesNext: null,
    ...overrides,
    entries,
  };
}

/** What a visitor (signed in, not owner or collaborator) may do. */
export const VISITOR_PERMISSIONS: PlaylistView['permissions'] = { edit: false, editEntries: false, delete: false, clone: true, like: true };

/** A playlist as lists show it. */
export function playlistSummary(n: number, title: string, overrides: Partial<PlaylistSummary> = {}): PlaylistSummary {
  return {
    id: `pl-0000000${n}`,
    kind: 'playlist',
    title,
    description: '',
    visibility: 'public',
    ranked: false,
    owner: nina,
    entryCount: n * 3,
    covers: [],
    likeCount: 0,
    cloneCount: 0,
    likedByViewer: false,
    version: 1,
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-02T10:00:00.000Z',
    ...overrides,
  };
}

/** The answer of an entry write. */
export function writeResult(version: number, entries: PlaylistEntryView[], entryCount = 3) {
  return { version, entryCount, entries };
}

/** The body of a 409 playlist_version_conflict carrying `current`. */
export function conflictResponse(current: PlaylistView): Response {
  const body = {
    type: 'https://muse.example/problems/playlist_version_conflict',
    title: 'Conflict',
    status: 409,
    detail: 'This playlist changed since you loaded it. Here is the current version.',
    code: 'playlist_version_conflict',
    current,
  };
  return new Response(JSON.stringify(body), { status: 409, headers: { 'content-type': 'application/problem+json' } });
}
