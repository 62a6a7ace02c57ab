import type { BlockListItem } from '@muse/shared';
import { presentSocialUser } from '../../http/presenters/follows.presenter';
import type { BlockRow } from './blocks.repo';

/** One blocked user, as the blocker sees them. */
export function presentBlock(row: BlockRow): BlockListItem {
  return { user: presentSocialUser(row), blockedAt: new Date(row.at).toISOString() };
}
