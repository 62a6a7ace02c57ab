import { z } from 'zod';
import type { BlockListItem, BlockResult, FollowListQuery, Page } from '@muse/shared';
import type { Transactions } from '../../db/transaction';
import { AppError } from '../../lib/app-error';
import { decodeOptionalCursor, encodeCursor, IdKey, rowsToRead, TimestampKey, toPage } from '../../lib/pagination';
import type { FollowsService } from '../follows/follows.service';
import type { ProfileUserRow, ProfileUsersReadModel } from '../profiles/profile-users.read-model';
import { presentBlock } from './blocks.presenter';
import type { BlocksRepo } from './blocks.repo';
import type { FeedChangeMarks } from '../feed/feed-page.cache';

export interface BlocksServiceDeps {
  transactions: Transactions;
  blocks: BlocksRepo;
  /** Blocks take the locks follows take, so the two never interleave. */
  follows: Pick<FollowsService, 'lockForBlock' | 'lockPair'>;
  users: ProfileUsersReadModel;
  /** A block or its end changes what both people's feeds may show. */
  feedChanges: FeedChangeMarks;
}

/** The block list continues after the (created at, user id) of the last row shown. */
const BLOCK_KEY = z.tuple([TimestampKey, IdKey]);

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
    await this.deps.transactions.run(async (trx) => {
      await follows.lockForBlock(trx, userId, other);
      await blocks.insert(trx, userId, other);
      await blocks.endTies(trx, userId, other);
    });
    await this.deps.feedChanges.changed([userId, other]);
    return { blocking: true };
  }

  /** Lifts the block; follows it ended stay ended. */
  async unblock(userId: string, handle: string): Promise<BlockResult> {
    const { blocks, follows } = this.deps;
    const other = String((await this.other(userId, handle)).id);
    await this.deps.transactions.run(async (trx) => {
      await follows.lockPair(trx, userId, other);
      await blocks.delete(trx, userId, other);
    });
    await this.deps.feedChanges.changed([userId, other]);
    return { blocking: false };
  }

  /** The users the signed-in user blocked, newest first; a cursor of another list is a 400. */
  async list(userId: string, query: FollowListQuery): Promise<Page<BlockListItem>> {
    const rows = await this.deps.blocks.list(userId, { limit: rowsToRead(query.limit), after: decodeOptionalCursor(query.cursor, 'blocks', BLOCK_KEY) });
    return toPage(rows, query.limit, presentBlock, (last) => encodeCursor('blocks', [last.at_key, String(last.id)]));
  }

  private async other(userId: string, handle: string): Promise<ProfileUserRow> {
    const user = await this.deps.users.findByHandle(handle);
    if (!user) throw AppError.notFound('User');
    if (String(user.id) === userId) throw AppError.badRequest('cannot_block_self', 'You cannot block yourself.');
    return user;
  }
}
