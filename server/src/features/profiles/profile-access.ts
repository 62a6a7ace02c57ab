import type { Relationship } from '@muse/shared';
import type { SocialGraphRepo } from '../social/social-graph.repo';
import { canSeeActivity } from '../social/visibility-policy';
import type { ProfileUserRow } from './profile-users.repo';

export interface ProfileAccessResult {
  isOwn: boolean;
  /** How the viewer relates to the owner; null for the owner and for signed-out visitors. */
  relationship: Relationship | null;
  /** Whether the viewer may see more than the owner's name and avatar. */
  visible: boolean;
}

/**
 * What a viewer may see of a profile. A profile's content counts as its owner's public activity,
 * so the one visibility rule decides: private profiles open to followers and the owner only.
 */
export class ProfileAccess {
  constructor(private readonly graph: SocialGraphRepo) {}

  async of(viewerId: string | null, owner: ProfileUserRow): Promise<ProfileAccessResult> {
    const ownerId = String(owner.id);
    const isOwn = viewerId !== null && viewerId === ownerId;
    const relationship = viewerId && !isOwn ? await this.graph.relationship(viewerId, ownerId) : null;
    const visible = canSeeActivity({
      viewerId,
      actorId: ownerId,
      visibility: 'public',
      actorIsPrivate: owner.is_private,
      viewerFollowsActor: relationship?.following ?? false,
      blocked: Boolean(relationship && (relationship.blocking || relationship.blockedBy)),
    });
    return { isOwn, relationship, visible };
  }
}
