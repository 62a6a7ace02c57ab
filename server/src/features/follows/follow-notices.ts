import type { NewNotification } from '../notifications/notification-batching';
import type { ProfileUsersReadModel } from '../profiles/profile-users.read-model';
import type { FollowsRepo } from './follows.repo';

/**
 * What to tell whom about follows, decided when the job runs: an unfollow, a withdrawn request
 * or a deleted account in the meantime means nothing is said. Dedupe keys name the other user,
 * so unfollowing and following again never notifies twice.
 */
export class FollowNotices {
  constructor(
    private readonly users: ProfileUsersReadModel,
    private readonly follows: FollowsRepo,
  ) {}

  /** For the followee: someone now follows them. */
  async forNewFollower(followerId: string, followeeId: string): Promise<NewNotification | null> {
    const follower = await this.users.findById(followerId);
    if (!follower || !(await this.follows.isFollowing(followerId, followeeId))) return null;
    return {
      userId: followeeId,
      type: 'new_follower',
      title: `${follower.display_name} followed you`,
      body: `@${follower.handle} now follows you.`,
      link: `/users/${follower.handle}`,
      data: { followerId },
      actorId: followerId,
      dedupeKey: `new_follower:${followerId}`,
    };
  }

  /** For the owner of a private profile: someone asks to follow them. */
  async forFollowRequest(requesterId: string, targetId: string): Promise<NewNotification | null> {
    const requester = await this.users.findById(requesterId);
    if (!requester || !(await this.follows.hasRequest(requesterId, targetId))) return null;
    return {
      userId: targetId,
      type: 'follow_request',
      title: `${requester.display_name} asked to follow you`,
      body: `@${requester.handle} wants to follow you. Approve or deny the request.`,
      link: `/users/${requester.handle}`,
      data: { requesterId },
      actorId: requesterId,
      dedupeKey: `follow_request:${requesterId}`,
    };
  }

  /** For the requester: their request was approved. */
  async forFollowAccepted(targetId: string, requesterId: string): Promise<NewNotification | null> {
    const target = await this.users.findById(targetId);
    if (!target || !(await this.follows.isFollowing(requesterId, targetId))) return null;
    return {
      userId: requesterId,
      type: 'follow_accepted',
      title: `${target.display_name} accepted your follow request`,
      body: `You now follow @${target.handle}.`,
      link: `/users/${target.handle}`,
      data: { targetId },
      actorId: targetId,
      dedupeKey: `follow_accepted:${targetId}`,
    };
  }
}
