import type { Knex } from 'knex';

/** The blocks table, and the graph edges a block ends. */
export class BlocksRepo {
  /** Inserts a block; false when it already existed. */
  async insert(trx: Knex, blockerId: string, blockedId: string): Promise<boolean> {
    const rows = await trx('blocks').insert({ blocker_id: blockerId, blocked_id: blockedId }).onConflict(['blocker_id', 'blocked_id']).ignore().returning('blocker_id');
    return rows.length > 0;
  }

  async delete(trx: Knex, blockerId: string, blockedId: string): Promise<boolean> {
    return (await trx('blocks').where({ blocker_id: blockerId, blocked_id: blockedId }).delete()) > 0;
  }

  /** Removes follows and pending requests between the two users, in both directions. */
  async endTies(trx: Knex, a: string, b: string): Promise<void> {
    for (const [table, from, to] of [['follows', 'follower_id', 'followee_id'], ['follow_requests', 'requester_id', 'target_id']] as const) {
      await trx(table)
        .where((q) => q.where({ [from]: a, [to]: b }).orWhere({ [from]: b, [to]: a }))
        .delete();
    }
  }
}
