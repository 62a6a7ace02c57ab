import type { Knex } from 'knex';
import { preparedQuery } from '../../db/prepared';
import { wellFormedIds as ids } from './activity-lookups.read-model';

/** What one viewer's feed is filtered by. */
export interface ViewerContext {
  viewerId: string;
  /** Everyone the viewer follows. */
  followees: Set<string>;
  /** Followees with too many followers to push to; their activity is merged on read. */
  pulled: Set<string>;
  /** Users the viewer blocked or was blocked by. */
  blocked: Set<string>;
  mutedUsers: Set<string>;
  mutedArtists: Set<string>;
  mutedTypes: Set<string>;
  hideUnloggedTakes: boolean;
}

// Followees past this many followers are pulled on read; equal to PUSH_MAX_FOLLOWERS and to the
// predicate of users_big_accounts_idx, which makes finding them nearly free.
const VIEWER_SQL = `
  SELECT u.hide_unlogged_takes AS hide,
         ARRAY(SELECT kind || ':' || target FROM mutes WHERE user_id = u.id) AS mutes,
         ARRAY(SELECT blocked_id::text FROM blocks WHERE blocker_id = u.id
               UNION SELECT blocker_id::text FROM blocks WHERE blocked_id = u.id) AS blocked,
         ARRAY(SELECT followee_id::text FROM follows WHERE follower_id = u.id) AS followees,
         ARRAY(SELECT b.id::text FROM users b JOIN follows f ON f.follower_id = u.id AND f.followee_id = b.id
                WHERE b.follower_count > 5000) AS pulled
    FROM users u WHERE u.id = $1`;

function mutesOf(mutes: string[]): Pick<ViewerContext, 'mutedUsers' | 'mutedArtists' | 'mutedTypes'> {
  const muted = (kind: string) => new Set(mutes.filter((m) => m.startsWith(`${kind}:`)).map((m) => m.slice(kind.length + 1)));
  return { mutedUsers: muted('user'), mutedArtists: muted('artist'), mutedTypes: muted('activity_type') };
}

/** Reads for the feed: the viewer's filters, followers to push to, and who logged an album. */
export class FeedRepo {
  constructor(private readonly knex: Knex) {}

  /** The viewer's followees, blocks, mutes and settings in one planned-once statement. */
  async viewerContext(viewerId: string): Promise<ViewerContext> {
    const [row] = await preparedQuery<{ hide: boolean; mutes: string[]; blocked: string[]; followees: string[]; pulled: string[] }>(
      this.knex,
      'feed_viewer',
      VIEWER_SQL,
      [viewerId],
    );
    const r = row ?? { hide: false, mutes: [], blocked: [], followees: [], pulled: [] };
    return {
      viewerId,
      followees: new Set(r.followees),
      pulled: new Set(r.pulled),
      blocked: new Set(r.blocked),
      ...mutesOf(r.mutes),
      hideUnloggedTakes: r.hide,
    };
  }

  /**
   * Contexts of several followers of one actor, for live delivery: each holds the actor (and
   * `others`, such as the author of a review the activity is about) as a followee only while
   * the follow still stands and the account is not suspended, and as blocked while a block
   * stands either way.
   */
  async followerContexts(viewerIds: string[], actorId: string, others: string[] = []): Promise<ViewerContext[]> {
    if (viewerIds.length === 0) return [];
    const people = ids([actorId, ...others]);
    const { rows } = await this.knex.raw<{ rows: { id: string; hide: boolean; mutes: string[]; follows: string[]; blocked: string[] }[] }>(
      `SELECT u.id, u.hide_unlogged_takes AS hide,
              ARRAY(SELECT kind || ':' || target FROM mutes WHERE user_id = u.id) AS mutes,
              ARRAY(SELECT f.followee_id::text FROM follows f JOIN users o ON o.id = f.followee_id
                     WHERE f.follower_id = u.id AND f.followee_id = ANY(:people::bigint[]) AND o.suspended_at IS NULL) AS follows,
              ARRAY(SELECT blocked_id::text FROM blocks WHERE blocker_id = u.id AND blocked_id = ANY(:people::bigint[])
                    UNION SELECT blocker_id::text FROM blocks WHERE blocked_id = u.id AND blocker_id = ANY(:people::bigint[])) AS blocked
         FROM users u
        WHERE u.id = ANY(:viewers::bigint[])`,
      { people, viewers: viewerIds },
    );
    return rows.map((r) => ({
      viewerId: String(r.id),
      followees: new Set(r.follows),
      pulled: new Set<string>(),
      blocked: new Set(r.blocked),
      ...mutesOf(r.mutes),
      hideUnloggedTakes: r.hide,
    }));
  }

  /**
   * Follower ids of a user, and the trigger-kept follower count that the read side also uses
   * to choose between push and pull (so both sides always agree).
   */
  async followersOf(userId: string): Promise<{ count: number; ids: string[] }> {
    const [rows, user] = await Promise.all([
      this.rows<{ id: string }>(`SELECT follower_id::text AS id FROM follows WHERE followee_id = ?`, [userId]),
      this.knex('users').where({ id: userId }).first<{ follower_count: number } | undefined>('follower_count'),
    ]);
    return { count: Number(user?.follower_count ?? 0), ids: rows.map((r) => r.id) };
  }

  /** Which of these users rated or logged the album. */
  async usersWhoLogged(userIds: string[], albumId: string): Promise<Set<string>> {
    if (userIds.length === 0 || ids([albumId]).length === 0) return new Set();
    const rows = await this.rows<{ user_id: string }>(
      `SELECT user_id::text FROM album_ratings WHERE album_id = ? AND user_id = ANY(?::bigint[])
       UNION SELECT user_id::text FROM diary_entries WHERE album_id = ? AND user_id = ANY(?::bigint[])`,
      [albumId, ids(userIds), albumId, ids(userIds)],
    );
    return new Set(rows.map((r) => r.user_id));
  }

  private async rows<T>(sql: string, bindings: unknown[]): Promise<T[]> {
    if (bindings.some((b) => Array.isArray(b) && b.length === 0) && bindings.every((b) => !Array.isArray(b) || b.length === 0)) return [];
    return (await this.knex.raw<{ rows: T[] }>(sql, bindings as Knex.RawBinding[])).rows;
  }
}
