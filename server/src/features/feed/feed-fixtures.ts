import type { Visibility } from '@muse/shared';
import type { TestApp } from '../../testing/test-app';

/** Test support: follow edges written directly, as the follows feature stores them. */
export async function follow(app: TestApp, followerId: string, followeeId: string): Promise<void> {
  await app.container.knex('follows').insert({ follower_id: followerId, followee_id: followeeId }).onConflict(['follower_id', 'followee_id']).ignore();
}

/** Ends a follow, as unfollowing does. */
export async function unfollow(app: TestApp, followerId: string, followeeId: string): Promise<void> {
  await app.container.knex('follows').where({ follower_id: followerId, followee_id: followeeId }).delete();
}

/** A block as the blocks feature stores it: the block, and follows in both directions end. */
export async function block(app: TestApp, blockerId: string, blockedId: string): Promise<void> {
  const { knex } = app.container;
  await knex.transaction(async (trx) => {
    await trx('blocks').insert({ blocker_id: blockerId, blocked_id: blockedId });
    await trx('follows')
      .where({ follower_id: blockerId, followee_id: blockedId })
      .orWhere({ follower_id: blockedId, followee_id: blockerId })
      .delete();
  });
}

/** Sets privacy columns directly, as `PATCH /api/me/privacy` stores them. */
export async function setPrivacy(app: TestApp, userId: string, settings: { isPrivate?: boolean; defaultVisibility?: Visibility; hideUnloggedTakes?: boolean }): Promise<void> {
  const row: Record<string, unknown> = {};
  if (settings.isPrivate !== undefined) row.is_private = settings.isPrivate;
  if (settings.defaultVisibility !== undefined) row.default_visibility = settings.defaultVisibility;
  if (settings.hideUnloggedTakes !== undefined) row.hide_unlogged_takes = settings.hideUnloggedTakes;
  await app.container.knex('users').where({ id: userId }).update(row);
}

/** Resolves once every fan-out job enqueued so far has run (the worker must be running). */
export async function fanOutSettled(app: TestApp, timeoutMs = 10_000): Promise<void> {
  const queue = app.container.queues.byName.feed;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
    if (Object.values(counts).every((n) => n === 0)) return;
    if (Date.now() > deadline) throw new Error(`fan-out not settled: ${JSON.stringify(counts)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
