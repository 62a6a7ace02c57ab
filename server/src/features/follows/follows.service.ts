import type { Knex } from 'knex';
import type { FollowListItem, FollowListQuery, FollowRequestItem, FollowResult, Page } from '@muse/shared';
import type { DocumentStore } from '../../docstore/document-store.port';
import type { JobQueues } from '../../jobs/queues';
import { AppError } from '../../lib/app-error';
import type { Logger } from '../../lib/logger';
import { AfterCommit } from '../../db/after-commit';
import { BLOCKED_MESSAGE } from '../../lib/blocked-message';
import type { ProfileAccess } from '../profiles/profile-access';
import type { ProfileUserRow, ProfileUsersReadModel } from '../profiles/profile-users.read-model';
import { followAcceptedNotificationJob } from './follow-accepted-notification.job';
import { followRequestNotificationJob } from './follow-request-notification.job';
import { graphPage, graphPageRequest } from './graph-page';
import type { FollowsRepo } from './follows.repo';
import { presentFollowListItem, presentFollowRequest } from './follows.presenter';
import { newFollowerNotificationJob } from './new-follower-notification.job';

export interface FollowsServiceDeps {
  follows: FollowsRepo;
  users: ProfileUsersReadModel;
  access: ProfileAccess;
  docs: DocumentStore;
  queues: JobQueues;
  logger: Logger;
}

const CANNOT_FOLLOW_SELF = () => AppError.badRequest('cannot_follow_self', 'You cannot follow yourself.');

const BLOCKED = () => AppError.forbidden('blocked', BLOCKED_MESSAGE);

const SUSPENDED = () => AppError.conflict('account_suspended', 'This account is suspended.');

/**
 * Following people: at once for public profiles, by request for private ones. Repeats change
 * nothing; a block on either side, or the account being suspended, refuses. Notifications go
 * through the worker after commit.
 */
export class FollowsService {
  constructor(private readonly deps: FollowsServiceDeps) {}

  /**
   * Follows (or asks to follow) the user; 400 for oneself, 403 when blocked, 404 when unknown,
   * 409 `account_suspended` while moderators have the account suspended.
   */
  async follow(viewerId: string, handle: string): Promise<FollowResult> {
    const { follows, users } = this.deps;
    const target = await this.other(viewerId, handle, CANNOT_FOLLOW_SELF);
    const targetId = String(target.id);
    const outcome = await follows.transaction(async (trx) => {
      await follows.lockProfileShared(trx, targetId);
      await follows.lockPair(trx, viewerId, targetId);
      if (await follows.blockedEitherWay(trx, viewerId, targetId)) throw BLOCKED();
      const fresh = await users.findById(targetId, trx);
      if (!fresh) throw AppError.notFound('User');
      if (fresh.suspended_at) throw SUSPENDED();
      let status: FollowResult['status'] = 'following';
      let created = false;
      if (await follows.isFollowing(viewerId, targetId, trx)) created = false;
      else if (fresh.is_private) {
        status = 'requested';
        created = await follows.insertRequest(trx, viewerId, targetId);
      } else created = await follows.insertFollow(trx, viewerId, targetId);
      return { status, created, followerCount: await follows.followerCount(trx, targetId) };
    });
    if (outcome.created) {
      const effects = new AfterCommit();
      if (outcome.status === 'following') this.announceFollows(effects, [viewerId], targetId, 'new_follower');
      else effects.add(() => this.deps.queues.enqueue(followRequestNotificationJob, { requesterId: viewerId, targetId }));
      await effects.run(this.deps.logger);
    }
    return { status: outcome.status, followerCount: outcome.followerCount };
  }

  /** Unfollows, or withdraws a pending request; harmless when there was neither. */
  async unfollow(viewerId: string, handle: string): Promise<FollowResult> {
    const { follows } = this.deps;
    const target = await this.other(viewerId, handle, CANNOT_FOLLOW_SELF);
    const targetId = String(target.id);
    const followerCount = await follows.transaction(async (trx) => {
      await follows.lockPair(trx, viewerId, targetId);
      await follows.deleteFollow(trx, viewerId, targetId);
      await follows.deleteRequest(trx, viewerId, targetId);
      return follows.followerCount(trx, targetId);
    });
    return { status: 'none', followerCount };
  }

  /** Approves a pending request from `handle`; 404 when there is none. */
  async approve(userId: string, handle: string): Promise<void> {
    const { follows } = this.deps;
    const requester = await this.other(userId, handle, () => AppError.notFound('Follow request'));
    const requesterId = String(requester.id);
    const approved = await follows.transaction(async (trx) => {
      await follows.lockPair(trx, userId, requesterId);
      return follows.approveRequests(trx, userId, [requesterId]);
    });
    if (!approved.length) throw AppError.notFound('Follow request');
    await this.announceApproved(userId, approved);
  }

  /** Denies a pending request from `handle`; 404 when there is none. */
  async deny(userId: string, handle: string): Promise<void> {
    const { follows } = this.deps;
    const requester = await this.other(userId, handle, () => AppError.notFound('Follow request'));
    const removed = await follows.transaction(async (trx) => {
      await follows.lockPair(trx, userId, String(requester.id));
      return follows.deleteRequest(trx, String(requester.id), userId);
    });
    if (!removed) throw AppError.notFound('Follow request');
  }

  /**
   * Inside the caller's transaction (which holds the owner's exclusive profile lock): turns every
   * pending request into a follow. Call `announceApproved` with the result after commit.
   */
  async approveAllPending(trx: Knex.Transaction, userId: string): Promise<string[]> {
    const { follows } = this.deps;
    const requesterIds = await follows.pendingRequesterIds(trx, userId);
    for (const id of requesterIds) await follows.lockPair(trx, userId, id);
    return follows.approveRequests(trx, userId, requesterIds);
  }

  /** The activities and notifications of follows approved in bulk. */
  async announceApproved(userId: string, requesterIds: string[]): Promise<void> {
    const effects = new AfterCommit();
    this.announceFollows(effects, requesterIds, userId, 'follow_accepted');
    await effects.run(this.deps.logger);
  }

  /**
   * Who follows the user; a private profile's list is for its followers and owner only (403
   * `profile_private`), a suspended account's for administrators only (403 `account_suspended`).
   */
  async followers(viewerId: string | null, handle: string, query: FollowListQuery): Promise<Page<FollowListItem>> {
    const owner = await this.deps.access.visibleOwner(viewerId, handle);
    const rows = await this.deps.follows.followers(String(owner.id), viewerId, graphPageRequest('followers', query));
    return graphPage('followers', query.limit, rows, presentFollowListItem);
  }

  /** Whom the user follows; same visibility as `followers`. */
  async following(viewerId: string | null, handle: string, query: FollowListQuery): Promise<Page<FollowListItem>> {
    const owner = await this.deps.access.visibleOwner(viewerId, handle);
    const rows = await this.deps.follows.following(String(owner.id), viewerId, graphPageRequest('following', query));
    return graphPage('following', query.limit, rows, presentFollowListItem);
  }

  /** Pending requests to follow the signed-in user, newest first. */
  async requests(userId: string, query: FollowListQuery): Promise<Page<FollowRequestItem>> {
    const rows = await this.deps.follows.requests(userId, graphPageRequest('follow-requests', query));
    return graphPage('follow-requests', query.limit, rows, presentFollowRequest);
  }

  /** The user named by handle, who must not be the caller (`onSelf` says what that answers). */
  private async other(selfId: string, handle: string, onSelf: () => AppError): Promise<ProfileUserRow> {
    const user = await this.deps.users.findByHandle(handle);
    if (!user) throw AppError.notFound('User');
    if (String(user.id) === selfId) throw onSelf();
    return user;
  }

  /** Each new follow is a `followed` activity of the follower, and one notification. */
  private announceFollows(effects: AfterCommit, followerIds: string[], followeeId: string, notice: 'new_follower' | 'follow_accepted'): void {
    for (const followerId of followerIds) {
      // No visibility given: the activity log applies the follower's default.
      effects.add(() => this.deps.docs.activity.append({ actorId: followerId, type: 'followed', subject: { kind: 'user', id: followeeId } }));
      effects.add(() =>
        notice === 'new_follower'
          ? this.deps.queues.enqueue(newFollowerNotificationJob, { followerId, followeeId })
          : this.deps.queues.enqueue(followAcceptedNotificationJob, { targetId: followeeId, requesterId: followerId }),
      );
    }
  }
}
