import type { Knex } from 'knex';
import type { Tx } from '../../db/transaction';
import { timestampKeySql } from '../../lib/pagination';
import type { GraphListRow, ListPage } from '../follows/follows.repo';

/** A blocked user in the blocker's list, keyed like every graph list (`at` is when the block was made). */
export type BlockRow = Omit<GraphListRow, 'viewer_follows'>;

/** The blocks table, and the graph edges a block ends. */
export class BlocksRepo {
  constructor(private readonly knex: Knex) {}

  /** Inserts a block; false when it already existed. */
  async insert(trx: Tx, blockerId: string, blockedId: string): Promise<boolean> {
    const rows = await trx('blocks')
      .insert({ blocker_id: blockerId, blocked_id: blockedId })
      .onConflict(['blocker_id', 'blocked_id'])
      .ignore()
      .returning('blocker_id');
    return rows.length > 0;
  }

  async delete(trx: Tx, blockerId: string, blockedId: string): Promise<boolean> {
    return (await trx('blocks').where({ blocker_id: blockerId, blocked_id: blockedId }).delete()) > 0;
  }

  /** Removes follows and pending requests between the two users, in both directions. */
  async endTies(trx: Tx, a: string, b: string): Promise<void> {
    for (const [table, from, to] of [
      ['follows', 'follower_id', 'followee_id'],
      ['follow_requests', 'requester_id', 'target_id'],
    ] as const) {
      await trx(table)
        .where((q) => q.where({ [from]: a, [to]: b }).orWhere({ [from]: b, [to]: a }))
        .delete();
    }
  }

  /** `limit` users the user blocked, newest first, continuing below the (created at, id) key `after`. */
  async list(blockerId: string, page: ListPage): Promise<BlockRow[]> {
    const q = this.knex('blocks as b')
      .join('users as u', 'u.id', 'b.blocked_id')
      .where('b.blocker_id', blockerId)
      .select('u.id', 'u.handle', 'u.display_name', 'u.avatar_url', 'b.created_at as at', this.knex.raw(`${timestampKeySql('b.created_at')} AS at_key`))
      .orderBy([
        { column: 'b.created_at', order: 'desc' },
        { column: 'b.blocked_id', order: 'desc' },
      ])
      .limit(page.limit);
    if (page.after) q.whereRaw(`(b.created_at, b.blocked_id) < (?::timestamp AT TIME ZONE 'UTC', ?::bigint)`, [...page.after]);
    return (await q) as BlockRow[];
  }
}
