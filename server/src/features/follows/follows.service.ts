import { z } from 'zod';
import type { FollowListItem, FollowListQuery, FollowRequestItem, FollowResult, Page } from '@muse/shared';
import type { DocumentStore } from '../../docstore/document-store.port';
import type { JobQueues } from '../../jobs/queues';
import { AppError } from '../../lib/app-error';
import type { Logger } from '../../lib/logger';
import { AfterCommit } from '../../db/after-commit';
import type { Transactions, Tx } from '../../db/transaction';
import { decodeOptionalCursor, encodeCursor, IdKey, rowsToRead, TimestampKey, toPage } from '../../lib/pagination';
import { BLOCKED_MESSAGE } from '../../lib/blocked-message';
import type { ProfileAccess } from '../profiles/profile-access';
import type { ProfileUserRow, ProfileUsersReadModel } from '../profiles/profile-users.read-model';
import { followAcceptedNotificationJob } from './follow-accepted-notification.job';
import { followRequestNotificationJob } from './follow-request-notification.job';
import type { FollowsRepo, GraphListRow, ListPage } from './follows.repo';
import { presentFollowListItem, presentFollowRequest } from '../../http/presenters/follows.presenter';
import { newFollowerNotificationJob } from './new-follower-notification.job';
import type { FeedChangeMarks } from '../feed/feed-page.cache';

export interface FollowsServiceDeps {
  transactions: Transactions;
  follows: FollowsRepo;
  users: ProfileUsersReadModel;
  access: ProfileAccess;
  docs: DocumentStore;
  queues: JobQueues;
  logger: Logger;
  /** Approving a request changes what the requester's feed may show. */
  feedChanges: FeedChangeMarks;
}

const CANNOT_FOLLOW_SELF = () => AppError.badRequest('cannot_follow_self', 'You cannot follow yourself.');

const BLOCKED = () => AppError.forbidden('blocked', BLOCKED_MESSAGE);

const SUSPENDED = () => AppError.conflict('account_suspended', 'This account is suspended.');

/** Graph lists continue after the (created at, user id) of the last row shown. */
const GRAPH_KEY = z.tuple([TimestampKey, IdKey]);

/** The rows to read for a page of the graph list `kind`; a cursor of another list is a 400. */
function listPage(kind: string, query: FollowListQuery): ListPage {
  return { limit: rowsToRead(query.limit), after: decodeOptionalCursor(query.cursor, kind, GRAPH_KEY) };
}

/** The page shown of rows read with `listPage`. */
function pageOf<T>(kind: string, query: FollowListQuery, rows: GraphListRow[], present: (row: GraphListRow) => T): Page<T> {
  return toPage(rows, query.limit, present, (last) => encodeCursor(kind, [last.at_key, String(last.id)]));
}

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
    const { follows, users, transactions } = this.deps;
    const target = await this.other(viewerId, handle, CANNOT_FOLLOW_SELF);
    const targetId = String(target.id);
    const outcome = await transactions.run(async (trx) => {
      await follows.lockProfileShared(trx, targetId);
      await follows.lockPair(trx, viewerId, targetId);
      if (await follows.blockedEitherWay(trx, viewerId, targetId)) throw BLOCKED();
      const fresh = await users.findById(targetId, trx);
      if (!fresh) throw AppError.notFound('User');
      if (fresh.suspended_at) throw SUSPENDED();
      // Already following stays following, even if the profile has turned private since.
      const already = await follows.isFollowing(viewerId, targetId, trx);
      const status: FollowResult['status'] = !already && fresh.is_private ? 'requested' : 'following';
      let created = false;
      if (!already) created = fresh.is_private ? await follows.insertRequest(trx, viewerId, targetId) : await follows.insertFollow(trx, viewerId, targetId);
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
    const followerCount = await this.deps.transactions.run(async (trx) => {
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
    const approved = await this.deps.transactions.run(async (trx) => {
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
    const removed = await this.deps.transactions.run(async (trx) => {
      await follows.lockPair(trx, userId, String(requester.id));
      return follows.deleteRequest(trx, String(requester.id), userId);
    });
    if (!removed) throw AppError.notFound('Follow request');
  }

  /**
   * Inside the caller's transaction (which holds the owner's exclusive profile lock): turns every
   * pending request into a follow. Call `announceApproved` with the result after commit.
   */
  async approveAllPending(trx: Tx, userId: string): Promise<string[]> {
    const { follows } = this.deps;
    const requesterIds = await follows.pendingRequesterIds(trx, userId);
    for (const id of requesterIds) await follows.lockPair(trx, userId, id);
    return follows.approveRequests(trx, userId, requesterIds);
  }

  /**
   * Inside the caller's transaction: the locks a follow between the two users takes (both
   * profiles shared, in id order, then the pair), so a block cannot interleave with a follow or
   * with a profile turning public and approving a request the block ends.
   */
  async lockForBlock(trx: Tx, userId: string, otherId: string): Promise<void> {
    const { follows } = this.deps;
    for (const id of [userId, otherId].sort((x, y) => (BigInt(x) < BigInt(y) ? -1 : 1))) await follows.lockProfileShared(trx, id);
    await follows.lockPair(trx, userId, otherId);
  }

  /** Inside the caller's transaction: serialises a change between two users (an unblock) with follows. */
  async lockPair(trx: Tx, a: string, b: string): Promise<void> {
    await this.deps.follows.lockPair(trx, a, b);
  }

  /**
   * Inside the caller's transaction: held while the user's privacy changes, so no follow or
   * request is decided on the old setting. Take it before `approveAllPending`.
   */
  async lockForPrivacyChange(trx: Tx, userId: string): Promise<void> {
    await this.deps.follows.lockProfileExclusive(trx, userId);
  }

  /** The activities and notifications of follows approved in bulk. */
  async announceApproved(userId: string, requesterIds: string[]): Promise<void> {
    await this.deps.feedChanges.changed(requesterIds);
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
    const rows = await this.deps.follows.followers(String(owner.id), viewerId, listPage('followers', query));
    return pageOf('followers', query, rows, presentFollowListItem);
  }

  /** Whom the user follows; same visibility as `followers`. */
  async following(viewerId: string | null, handle: string, query: FollowListQuery): Promise<Page<FollowListItem>> {
    const owner = await this.deps.access.visibleOwner(viewerId, handle);
    const rows = await this.deps.follows.following(String(owner.id), viewerId, listPage('following', query));
    return pageOf('following', query, rows, presentFollowListItem);
  }

  /** Pending requests to follow the signed-in user, newest first. */
  async requests(userId: string, query: FollowListQuery): Promise<Page<FollowRequestItem>> {
    const rows = await this.deps.follows.requests(userId, listPage('follow-requests', query));
    return pageOf('follow-requests', query, rows, presentFollowRequest);
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
