import { timingSafeEqual } from 'node:crypto';
import type { PlaylistPermissions } from '@muse/shared';
import type { PlaylistDocument } from '../../docstore/playlist-store.port';
import type { PlaylistPerson, ViewerFacts } from './playlist-people.repo';

/** How the viewer came: signed in or not, with the link token of the URL if any. */
export interface PlaylistViewer extends ViewerFacts {
  token?: string;
}

/** The viewer's part in a playlist. */
export type PlaylistRole = 'owner' | 'collaborator' | 'invited' | 'none';

export function roleOf(doc: PlaylistDocument, viewerId: string | null): PlaylistRole {
  if (!viewerId) return 'none';
  if (doc.ownerId === viewerId) return 'owner';
  const c = doc.collaborators.find((x) => x.userId === viewerId);
  return c ? (c.status === 'accepted' ? 'collaborator' : 'invited') : 'none';
}

function sameToken(given: string | undefined, stored: string | null): boolean {
  if (!given || !stored) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The one rule of who may open a playlist, applied on every path (by id, lists, search, feed,
 * notifications, exports). The owner always may. A suspended owner's playlists are hidden from
 * everyone else but admins; a block either way hides it. Collaborators and invited people may.
 * Then by visibility: public → anyone; followers → the owner's followers; people → those it is
 * shared with who still follow the owner; private → nobody else; link → whoever holds the
 * current token (old tokens stop working when the owner makes a new one).
 */
export function canSeePlaylist(doc: PlaylistDocument, owner: PlaylistPerson | undefined, viewer: PlaylistViewer): boolean {
  const role = roleOf(doc, viewer.viewerId);
  if (role === 'owner') return true;
  if (!owner) return false;
  if (owner.suspended) return viewer.isAdmin;
  if (owner.blocked) return false;
  if (role !== 'none') return true;
  switch (doc.visibility) {
    case 'public':
      return true;
    case 'followers':
      return owner.viewerFollows;
    case 'people':
      return viewer.viewerId !== null && owner.viewerFollows && doc.sharedWith.includes(viewer.viewerId);
    case 'private':
      return false;
    case 'link':
      return sameToken(viewer.token, doc.linkToken);
  }
}

/** Whether a playlist belongs in lists others browse (discover, search, profiles): never link-only or private ones. */
export function isListed(doc: PlaylistDocument): boolean {
  return doc.visibility === 'public' || doc.visibility === 'followers' || doc.visibility === 'people';
}

/** What the viewer may do with a playlist they can see. */
export function permissionsOf(doc: PlaylistDocument, viewer: PlaylistViewer): PlaylistPermissions {
  const role = roleOf(doc, viewer.viewerId);
  const signedIn = viewer.viewerId !== null;
  return {
    edit: role === 'owner',
    editEntries: role === 'owner' || role === 'collaborator',
    delete: role === 'owner',
    clone: signedIn,
    like: signedIn && role !== 'owner',
  };
}
