import type { Knex } from 'knex';
import type { Visibility } from '@muse/shared';
import { preparedQuery } from '../../db/prepared';

export interface FriendRatingRow {
  id: string;
  handle: string;
  display_name: string;
  value: number;
  default_visibility: Visibility;
  is_private: boolean;
  blocked: boolean;
}

// At most 50 friends; the limit is written into the SQL so the prepared statement's text never varies.
const FRIENDS_SQL = `
  SELECT u.id::text, u.handle, u.display_name, r.value, u.default_visibility, u.is_private,
         EXISTS (SELECT 1 FROM blocks b WHERE (b.blocker_id = u.id AND b.blocked_id = f.follower_id)
                                           OR (b.blocker_id = f.follower_id AND b.blocked_id = u.id)) AS blocked
    FROM follows f
    JOIN album_ratings r ON r.user_id = f.followee_id AND r.album_id = $2
    JOIN users u ON u.id = f.followee_id
   WHERE f.follower_id = $1 AND u.suspended_at IS NULL
   ORDER BY r.updated_at DESC, u.id
   LIMIT 50`;

/** "Popular with friends": people a viewer follows who rated an album. */
export class FriendsRatingsRepo {
  constructor(private readonly knex: Knex) {}

  /**
   * Followees of the viewer with a current rating of the album, most recent first: one probe of
   * the ratings primary key per followee, so it stays cheap for a user following hundreds.
   */
  async forAlbum(viewerId: string, albumId: string): Promise<FriendRatingRow[]> {
    // Runs beside every signed-in album page, so it is planned once per connection.
    return preparedQuery<FriendRatingRow>(this.knex, 'album_friends', FRIENDS_SQL, [viewerId, albumId]);
  }

  async albumExists(albumId: string): Promise<boolean> {
    return Boolean(await this.knex('albums').where({ id: albumId }).first('id'));
  }
}
