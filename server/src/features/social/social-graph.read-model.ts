import type { Knex } from 'knex';
import type { Relationship } from '@muse/shared';

/** Reads of the follow and block graph that feeds, profiles and permissions share. */
export class SocialGraphReadModel {
  constructor(private readonly knex: Knex) {}

  async followeeIds(userId: string): Promise<string[]> {
    const rows = await this.knex('follows').where({ follower_id: userId }).select('followee_id');
    return rows.map((r: { followee_id: string }) => String(r.followee_id));
  }

  async followerIds(userId: string): Promise<string[]> {
    const rows = await this.knex('follows').where({ followee_id: userId }).select('follower_id');
    return rows.map((r: { follower_id: string }) => String(r.follower_id));
  }

  async isFollowing(followerId: string, followeeId: string): Promise<boolean> {
    return Boolean(await this.knex('follows').where({ follower_id: followerId, followee_id: followeeId }).first('follower_id'));
  }

  /** Whether either user blocked the other; `db` lets a caller read inside its own transaction. */
  async blockedEitherWay(a: string, b: string, db: Knex = this.knex): Promise<boolean> {
    const row = await db('blocks')
      .where((q) => q.where({ blocker_id: a, blocked_id: b }).orWhere({ blocker_id: b, blocked_id: a }))
      .first('blocker_id');
    return Boolean(row);
  }

  /** Everyone the user blocked or was blocked by. */
  async blockedIds(userId: string): Promise<string[]> {
    const rows = await this.knex.raw<{ rows: { id: string }[] }>(
      'SELECT blocked_id AS id FROM blocks WHERE blocker_id = ? UNION SELECT blocker_id FROM blocks WHERE blocked_id = ?',
      [userId, userId],
    );
    return rows.rows.map((r) => String(r.id));
  }

  /** How a viewer relates to another user, in one round trip. */
  async relationship(viewerId: string, otherId: string): Promise<Relationship> {
    const { rows } = await this.knex.raw<{ rows: Record<keyof Relationship, boolean>[] }>(
      `SELECT
         EXISTS (SELECT 1 FROM follows WHERE follower_id = :v AND followee_id = :o) AS following,
         EXISTS (SELECT 1 FROM follows WHERE follower_id = :o AND followee_id = :v) AS "followedBy",
         EXISTS (SELECT 1 FROM follow_requests WHERE requester_id = :v AND target_id = :o) AS requested,
         EXISTS (SELECT 1 FROM blocks WHERE blocker_id = :v AND blocked_id = :o) AS blocking,
         EXISTS (SELECT 1 FROM blocks WHERE blocker_id = :o AND blocked_id = :v) AS "blockedBy"`,
      { v: viewerId, o: otherId },
    );
    return rows[0]!;
  }
}
