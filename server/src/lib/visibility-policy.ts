import type { Visibility } from '@muse/shared';

export interface VisibilityFacts {
  viewerId: string | null;
  actorId: string;
  visibility: Visibility;
  /** The actor's profile is private: only followers see their activity. */
  actorIsPrivate: boolean;
  viewerFollowsActor: boolean;
  /** Either of the two blocked the other. */
  blocked: boolean;
}

/**
 * Whether a viewer may see one activity (or piece of content) of an actor. The actor always
 * sees their own; `private` is for the actor alone; `followers` and private profiles need a
 * follow; a block leaves at most what the whole world sees.
 */
export function canSeeActivity(f: VisibilityFacts): boolean {
  if (f.viewerId !== null && f.viewerId === f.actorId) return true;
  if (f.visibility === 'private') return false;
  const publicToAll = f.visibility === 'public' && !f.actorIsPrivate;
  if (f.blocked || f.viewerId === null) return publicToAll;
  return publicToAll || f.viewerFollowsActor;
}
