import type { Relationship } from '@muse/shared';
import { AppError } from '../../lib/app-error';
import type { SocialGraphReadModel } from '../social/social-graph.read-model';
import { canSeeActivity } from '../../lib/visibility-policy';
import type { ProfileUserRow, ProfileUsersReadModel } from './profile-users.read-model';

export interface ProfileAccessResult {
  isOwn: boolean;
  /** How the viewer relates to the owner; null for the owner and for signed-out visitors. */
  relationship: Relationship | null;
  /** Moderators suspended the owner's account. */
  suspended: boolean;
  /**
   * The owner is suspended and the viewer is not an administrator: the profile shows its name
   * and avatar only, whoever asks (the owner included).
   */
  withheld: boolean;
  /** Whether the viewer may see more than the owner's name and avatar. */
  visible: boolean;
}

/**
 * What a viewer may see of a profile. A profile's content counts as its owner's public activity,
 * so the one visibility rule decides: private profiles open to followers and the owner only.
 * A suspended account's profile is withheld from everyone but administrators, who judge the
 * case and so see it as they would otherwise.
 */
export class ProfileAccess {
  constructor(
    private readonly graph: SocialGraphReadModel,
    private readonly users: Pick<ProfileUsersReadModel, 'isAdmin' | 'findByHandle'>,
  ) {}

  async of(viewerId: string | null, owner: ProfileUserRow): Promise<ProfileAccessResult> {
    const ownerId = String(owner.id);
    const isOwn = viewerId !== null && viewerId === ownerId;
    const suspended = owner.suspended_at !== null;
    // Only a suspension makes the viewer's role matter, so only then is it looked up.
    const withheld = suspended && !(viewerId !== null && (await this.users.isAdmin(viewerId)));
    const relationship = viewerId && !isOwn ? await this.graph.relationship(viewerId, ownerId) : null;
    const visible =
      !withheld &&
      canSeeActivity({
        viewerId,
        actorId: ownerId,
        visibility: 'public',
        actorIsPrivate: owner.is_private,
        viewerFollowsActor: relationship?.following ?? false,
        blocked: Boolean(relationship && (relationship.blocking || relationship.blockedBy)),
      });
    return { isOwn, relationship, suspended, withheld, visible };
  }

  /**
   * The owner of a per-user list (diary, reviews, followers, following) when the viewer may see
   * it: 404 for an unknown handle, 403 `account_suspended` while the account is withheld, 403
   * `profile_private` for a private profile the viewer does not follow.
   */
  async visibleOwner(viewerId: string | null, handle: string): Promise<ProfileUserRow> {
    const owner = await this.users.findByHandle(handle);
    if (!owner) throw AppError.notFound('User');
    const { withheld, visible } = await this.of(viewerId, owner);
    if (withheld) throw AppError.forbidden('account_suspended', 'This account is suspended.');
    if (!visible) throw AppError.forbidden('profile_private', 'This profile is private.');
    return owner;
  }
}
