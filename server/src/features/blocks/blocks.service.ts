import type { BlockListItem, BlockResult, FollowListQuery, Page } from '@muse/shared';
import { AppError } from '../../lib/app-error';
import type { FollowsRepo } from '../follows/follows.repo';
import { graphPage, graphPageRequest } from '../follows/graph-page';
import { presentBlock } from '../follows/follows.presenter';
import type { ProfileUserRow, ProfileUsersReadModel } from '../profiles/profile-users.read-model';
import type { BlocksRepo } from './blocks.repo';

export interface BlocksServiceDeps {
  blocks: BlocksRepo;
  follows: FollowsRepo;
  users: ProfileUsersReadModel;
}

/**
 * Blocking: the block and the end of every follow and request between the two users happen in
 * one transaction, under the same locks a follow takes, so no follow can slip in between.
 */
export class BlocksService {
  constructor(private readonly deps: BlocksServiceDeps) {}

  /** Blocks the user named by handle; repeating it changes nothing. */
  async block(userId: string, handle: string): Promise<BlockResult> {
    const { blocks, follows } = this.deps;
    const other = String((await this.other(userId, handle)).id);
    await follows.transaction(async (trx) => {
      // Both profile locks, in id order, so a profile turning public cannot approve a request this ends.
      for (const id of [userId, other].sort((x, y) => (BigInt(x) < BigInt(y) ? -1 : 1))) await follows.lockProfileShared(trx, id);
      await follows.lockPair(trx, userId, other);
      await blocks.insert(trx, userId, other);
      await blocks.endTies(trx, userId, other);
    });
    return { blocking: true };
  }

  /** Lifts the block; follows it ended stay ended. */
  async unblock(userId: string, handle: string): Promise<BlockResult> {
    const { blocks, follows } = this.deps;
    const other = String((await this.other(userId, handle)).id);
    await follows.transaction(async (trx) => {
      await follows.lockPair(trx, userId, other);
      await blocks.delete(trx, userId, other);
    });
    return { blocking: false };
  }

  /** The users the signed-in user blocked, newest first. */
  async list(userId: string, query: FollowListQuery): Promise<Page<BlockListItem>> {
    const rows = await this.deps.follows.blocks(userId, graphPageRequest('blocks', query));
    return graphPage('blocks', query.limit, rows, presentBlock);
  }

  private async other(userId: string, handle: string): Promise<ProfileUserRow> {
    const user = await this.deps.users.findByHandle(handle);
    if (!user) throw AppError.notFound('User');
    if (String(user.id) === userId) throw AppError.badRequest('cannot_block_self', 'You cannot block yourself.');
    return user;
  }
}
