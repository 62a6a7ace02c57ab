import type { FollowListItem, FollowRequestItem, SocialUser } from '@muse/shared';
import type { GraphListRow } from '../../features/follows/follows.repo';

/** A user as graph lists show them: public fields only. */
export function presentSocialUser(row: Pick<GraphListRow, 'id' | 'handle' | 'display_name' | 'avatar_url'>): SocialUser {
  return { id: String(row.id), handle: row.handle, displayName: row.display_name, avatarUrl: row.avatar_url };
}

/** One row of a followers or following list, with whether the viewer follows that user. */
export function presentFollowListItem(row: GraphListRow): FollowListItem {
  return { user: presentSocialUser(row), followedAt: new Date(row.at).toISOString(), viewerFollows: Boolean(row.viewer_follows) };
}

/** One pending request, as its target sees it. */
export function presentFollowRequest(row: GraphListRow): FollowRequestItem {
  return { user: presentSocialUser(row), requestedAt: new Date(row.at).toISOString() };
}
