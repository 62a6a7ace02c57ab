import type { ActivityType, MuteView } from '@muse/shared';
import type { MuteRow } from './mutes.repo';

/** How the settings page names each activity type. */
export const ACTIVITY_TYPE_LABELS: Record<ActivityType, string> = {
  rated: 'Ratings',
  reviewed: 'Reviews',
  listened: 'Listens',
  liked_review: 'Review likes',
  commented: 'Comments',
  followed: 'Follows',
  favourited: 'Favourites',
  created_playlist: 'New playlists',
  added_to_playlist: 'Playlist additions',
  liked_playlist: 'Playlist likes',
};

/**
 * A mute as the client sees it. User mutes are stored by id (so they survive a handle change)
 * but shown and deleted by handle.
 */
export function presentMute(row: MuteRow): MuteView {
  if (row.kind === 'user') return { kind: 'user', target: row.name ?? row.target, label: row.name ? `@${row.name}` : 'Deleted user' };
  if (row.kind === 'artist') return { kind: 'artist', target: row.target, label: row.name ?? 'Unknown artist' };
  return { kind: 'activity_type', target: row.target, label: ACTIVITY_TYPE_LABELS[row.target as ActivityType] ?? row.target };
}
