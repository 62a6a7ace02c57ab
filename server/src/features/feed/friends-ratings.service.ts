import { valueToStars, type UserSummary } from '@muse/shared';
import { AppError } from '../../lib/app-error';
import { canSeeActivity } from '../../lib/visibility-policy';
import type { FriendsRatingsRepo } from './friends-ratings.repo';

export type FriendRating = { user: UserSummary; rating: number };

/**
 * Which people the viewer follows rated an album, and how. A rating counts as its author's
 * activity at their default visibility, so `canSeeActivity` decides as it does in the feed.
 */
export class FriendsRatingsService {
  constructor(private readonly repo: FriendsRatingsRepo) {}

  /** The friends' ratings in stars; empty for signed-out viewers; 404 for an unknown album. */
  async forAlbum(viewerId: string | null, albumId: string): Promise<{ friends: FriendRating[] }> {
    if (!(await this.repo.albumExists(albumId))) throw AppError.notFound('Album');
    return { friends: viewerId ? await this.list(viewerId, albumId) : [] };
  }

  /** The same list without the album check, for the album page, which has already loaded it. */
  async list(viewerId: string, albumId: string): Promise<FriendRating[]> {
    const rows = await this.repo.forAlbum(viewerId, albumId);
    return (
      rows
        // A block hides the friend entirely here, even where the policy would leave public activity.
        .filter(
          (r) =>
            !r.blocked &&
            canSeeActivity({
              viewerId,
              actorId: r.id,
              visibility: r.default_visibility,
              actorIsPrivate: r.is_private,
              viewerFollowsActor: true,
              blocked: false,
            }),
        )
        .map((r) => ({ user: { id: r.id, handle: r.handle, displayName: r.display_name }, rating: valueToStars(r.value) }))
    );
  }
}
