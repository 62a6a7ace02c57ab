import type { PlaylistKind, PlaylistSummary, PlaylistVisibility } from '@muse/shared';
import { formatCount } from '../../../lib/format-music';

/** Each visibility's name, its short form on badges, and what it means, in the words the share dialog uses. */
export const VISIBILITY_TEXT: Record<PlaylistVisibility, { label: string; badge: string; help: string }> = {
  public: { label: 'Public', badge: 'Public', help: 'Anyone can find and open it: it shows on your profile, in Discover and in search.' },
  followers: { label: 'Followers', badge: 'Followers', help: 'Only people who follow you.' },
  people: { label: 'Specific people', badge: 'Shared', help: 'Only the followers you pick. Each of them is told and finds it under “Shared with me”.' },
  private: { label: 'Private', badge: 'Private', help: 'Only you and the collaborators you invite.' },
  link: { label: 'Anyone with the link', badge: 'Link only', help: 'Not listed anywhere: only people holding the link can open it.' },
};

/** "Playlist" or "List" (or "Ranked list"). */
export function kindLabel(kind: PlaylistKind, ranked = false): string {
  if (kind === 'playlist') return 'Playlist';
  return ranked ? 'Ranked list' : 'List';
}

/** "12 tracks", "1 album": what the entries are, counted. */
export function entryCountLabel(summary: Pick<PlaylistSummary, 'kind' | 'entryCount'>): string {
  return summary.kind === 'playlist' ? formatCount(summary.entryCount, 'track') : formatCount(summary.entryCount, 'album');
}
