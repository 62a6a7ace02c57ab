import type { Knex } from 'knex';
import type { Tx } from '../../db/transaction';
import { timestampKeySql } from '../../lib/pagination';

/** A user in a list of the graph, with the key that continues the list after them. */
export interface GraphListRow {
  id: string;
  handle: string;
  display_name: string;
  avatar_url: string | null;
  /** When the follow, request or block was made. */
  at: Date;
  /** The same instant as a cursor key (microseconds kept). */
  at_key: string;
  viewer_follows: boolean;
}

/** Rows to read for a page of a graph list, and the (created at, user id) key to continue after. */
export interface ListPage {
  limit: number;
  after?: readonly [at: string, id: string];
}

/**
 * Follows and follow requests. Every change of the graph runs in a transaction (Transactions,
 * whose retry also covers the follow-count trigger locking two user rows: three users following
 * each other in a ring at the same instant can lock them in a cycle) and takes advisory locks so
 * that a follow, a block and a profile turning public never interleave for the same pair of users.
 */
export class FollowsRepo {
  constructor(private readonly knex: Knex) {}

  /**
   * Serialises graph changes between two users (follow, approve, block). Taken after
   * `lockProfileShared`, never before, so locks are always acquired in one order.
   */
  async lockPair(trx: Tx, a: string, b: string): Promise<void> {
    const [lo, hi] = BigInt(a) < BigInt(b) ? [a, b] : [b, a];
    await trx.raw(`SELECT pg_advisory_xact_lock(hashtextextended(?, 0))`, [`muse:pair:${lo}:${hi}`]);
  }

  /** Held while a change depends on whether the user's profile is private. */
  async lockProfileShared(trx: Tx, userId: string): Promise<void> {
    await trx.raw(`SELECT pg_advisory_xact_lock_shared(hashtextextended(?, 0))`, [`muse:profile:${userId}`]);
  }

  /** Held while the user's privacy changes, so no follow or request is decided on the old setting. */
  async lockProfileExclusive(trx: Tx, userId: string): Promise<void> {
    await trx.raw(`SELECT pg_advisory_xact_lock(hashtextextended(?, 0))`, [`muse:profile:${userId}`]);
  }

  /** Inserts a follow; false when it already existed. */
  async insertFollow(trx: Tx, followerId: string, followeeId: string): Promise<boolean> {
    const rows = await trx('follows')
      .insert({ follower_id: followerId, followee_id: followeeId })
      .onConflict(['follower_id', 'followee_id'])
      .ignore()
      .returning('follower_id');
    return rows.length > 0;
  }

  async deleteFollow(trx: Tx, followerId: string, followeeId: string): Promise<boolean> {
    return (await trx('follows').where({ follower_id: followerId, followee_id: followeeId }).delete()) > 0;
  }

  async isFollowing(followerId: string, followeeId: string, trx: Knex = this.knex): Promise<boolean> {
    return Boolean(await trx('follows').where({ follower_id: followerId, followee_id: followeeId }).first('follower_id'));
  }

  async hasRequest(requesterId: string, targetId: string): Promise<boolean> {
    return Boolean(await this.knex('follow_requests').where({ requester_id: requesterId, target_id: targetId }).first('requester_id'));
  }

  /** Inserts a follow request; false when one was already pending. */
  async insertRequest(trx: Tx, requesterId: string, targetId: string): Promise<boolean> {
    const rows = await trx('follow_requests')
      .insert({ requester_id: requesterId, target_id: targetId })
      .onConflict(['requester_id', 'target_id'])
      .ignore()
      .returning('requester_id');
    return rows.length > 0;
  }

  async deleteRequest(trx: Tx, requesterId: string, targetId: string): Promise<boolean> {
    return (await trx('follow_requests').where({ requester_id: requesterId, target_id: targetId }).delete()) > 0;
  }

  /** Requesters waiting on a user, for locking before they are approved together. */
  async pendingRequesterIds(trx: Tx, targetId: string): Promise<string[]> {
    const rows = await trx('follow_requests').where({ target_id: targetId }).orderBy('requester_id').select('requester_id');
    return rows.map((r: { requester_id: string }) => String(r.requester_id));
  }

  /** Turns the listed pending requests into follows; returns the requesters who now follow. */
  async approveRequests(trx: Tx, targetId: string, requesterIds: string[]): Promise<string[]> {
    if (!requesterIds.length) return [];
    const { rows } = await trx.raw<{ rows: { requester_id: string }[] }>(
      `WITH gone AS (DELETE FROM follow_requests WHERE target_id = ? AND requester_id = ANY(?::bigint[]) RETURNING requester_id)
       INSERT INTO follows (follower_id, followee_id) SELECT requester_id, ? FROM gone
       ON CONFLICT DO NOTHING RETURNING follower_id AS requester_id`,
      [targetId, requesterIds, targetId],
    );
    return rows.map((r) => String(r.requester_id));
  }

  async blockedEitherWay(trx: Tx, a: string, b: string): Promise<boolean> {
    const row = await trx('blocks')
      .where((q) => q.where({ blocker_id: a, blocked_id: b }).orWhere({ blocker_id: b, blocked_id: a }))
      .first('blocker_id');
    return Boolean(row);
  }

  async followerCount(trx: Tx, userId: string): Promise<number> {
    const row = await trx('users').where({ id: userId }).first('follower_count');
    return Number(row?.follower_count ?? 0);
  }

  /** Who follows the user, newest first. */
  followers(userId: string, viewerId: string | null, page: ListPage): Promise<GraphListRow[]> {
    return this.list('follows', 'followee_id', 'follower_id', userId, viewerId, page);
  }

  /** Whom the user follows, newest first. */
  following(userId: string, viewerId: string | null, page: ListPage): Promise<GraphListRow[]> {
    return this.list('follows', 'follower_id', 'followee_id', userId, viewerId, page);
  }

  /** Pending requests to follow the user, newest first. */
  requests(userId: string, page: ListPage): Promise<GraphListRow[]> {
    return this.list('follow_requests', 'target_id', 'requester_id', userId, null, page);
  }

  /** Keyset page over one side of an edge table, ordered by (created_at, other id) descending. */
  private async list(table: string, ownColumn: string, otherColumn: string, userId: string, viewerId: string | null, page: ListPage): Promise<GraphListRow[]> {
    const q = this.knex(`${table} as e`)
      .join('users as u', 'u.id', `e.${otherColumn}`)
      .where(`e.${ownColumn}`, userId)
      .select('u.id', 'u.handle', 'u.display_name', 'u.avatar_url', 'e.created_at as at', this.knex.raw(`${timestampKeySql('e.created_at')} AS at_key`))
      .select(
        viewerId
          ? this.knex.raw('EXISTS (SELECT 1 FROM follows vf WHERE vf.follower_id = ? AND vf.followee_id = u.id) AS viewer_follows', [viewerId])
          : this.knex.raw('false AS viewer_follows'),
      )
      .orderBy([
        { column: 'e.created_at', order: 'desc' },
        { column: `e.${otherColumn}`, order: 'desc' },
      ])
      .limit(page.limit);
    if (page.after) {
      q.whereRaw(`(e.created_at, e.${otherColumn}) < (?::timestamp AT TIME ZONE 'UTC', ?::bigint)`, [...page.after]);
    }
    return (await q) as GraphListRow[];
  }
}
