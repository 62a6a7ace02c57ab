import type { Knex } from 'knex';
import type { Visibility } from '@muse/shared';
import { preparedQuery } from '../../db/prepared';
import type { AlbumRow } from '../catalog/catalog.read-model';

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

export interface FeedUserRow {
  id: string;
  handle: string;
  display_name: string;
  avatar_url: string | null;
  is_private: boolean;
  suspended: boolean;
}

export interface FeedReviewRow {
  id: string;
  user_id: string;
  album_id: string;
  excerpt: string;
  hidden: boolean;
  /** The review's own visibility, which every activity about it is held to as well. */
  visibility: Visibility;
}

/** An artist credited on an album, by id and catalog name (the name mutes are listed under). */
export interface FeedArtistRow {
  id: string;
  name: string;
}

/** An album as the feed shows it, with its credited artists in credit order, each once. */
export type FeedAlbumRow = Pick<AlbumRow, 'id' | 'title' | 'artist_credit' | 'release_year' | 'type' | 'cover_url' | 'genres'> & { artists: FeedArtistRow[] };

/** The rows an activity page needs, fetched in one parallel round. */
export interface FeedLookups {
  /** The users asked for and the authors of the reviews asked for. */
  users: Map<string, FeedUserRow>;
  reviews: Map<string, FeedReviewRow>;
  /** Comment ids that exist and are not hidden. */
  visibleComments: Set<string>;
  albums: Map<string, FeedAlbumRow>;
  /** Albums of the page the viewer rated or logged (filled only when asked). */
  loggedAlbums: Set<string>;
}

export interface LookupRequest {
  userIds: string[];
  reviewIds: string[];
  commentIds: string[];
  albumIds: string[];
  /** Whose logged albums to return, or null to skip that query. */
  loggedBy: string | null;
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

// The excerpt length is written into the SQL so the statement's text never varies.
const LOOKUPS_SQL = `
  WITH rv AS (
    SELECT id::text, user_id::text, album_id::text, left(body, 280) AS excerpt, hidden_at IS NOT NULL AS hidden, visibility
      FROM reviews WHERE id = ANY($2::bigint[])
  ), al AS (
    SELECT a.id::text, a.title, a.artist_credit, a.release_year, a.type, a.cover_url, a.genres,
           COALESCE((SELECT json_agg(json_build_object('id', c.artist_id::text, 'name', c.name) ORDER BY c.position)
                       FROM (SELECT DISTINCT ON (aa.artist_id) aa.artist_id, aa.position, ar.name
                               FROM album_artists aa JOIN artists ar ON ar.id = aa.artist_id
                              WHERE aa.album_id = a.id ORDER BY aa.artist_id, aa.position) c), '[]'::json) AS artists
      FROM albums a
     WHERE a.id IN (SELECT unnest($4::bigint[]) UNION SELECT album_id::bigint FROM rv)
  )
  SELECT
    (SELECT json_agg(json_build_object('id', id::text, 'handle', handle, 'display_name', display_name, 'avatar_url', avatar_url,
                                       'is_private', is_private, 'suspended', suspended_at IS NOT NULL))
       FROM users WHERE id IN (SELECT unnest($1::bigint[]) UNION SELECT user_id::bigint FROM rv)) AS users,
    (SELECT json_agg(rv) FROM rv) AS reviews,
    (SELECT json_agg(id::text) FROM review_comments WHERE id = ANY($3::bigint[]) AND hidden_at IS NULL) AS comments,
    (SELECT json_agg(al) FROM al) AS albums,
    (SELECT json_agg(x.album_id) FROM (
       SELECT album_id::text FROM album_ratings WHERE user_id = $5::bigint AND album_id IN (SELECT id::bigint FROM al)
       UNION SELECT album_id::text FROM diary_entries WHERE user_id = $5::bigint AND album_id IN (SELECT id::bigint FROM al)
     ) x) AS logged`;

function mutesOf(mutes: string[]): Pick<ViewerContext, 'mutedUsers' | 'mutedArtists' | 'mutedTypes'> {
  const muted = (kind: string) => new Set(mutes.filter((m) => m.startsWith(`${kind}:`)).map((m) => m.slice(kind.length + 1)));
  return { mutedUsers: muted('user'), mutedArtists: muted('artist'), mutedTypes: muted('activity_type') };
}

/** Reads for the feed: the viewer's filters and the rows that turn activities into views. */
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
    return { viewerId, followees: new Set(r.followees), pulled: new Set(r.pulled), blocked: new Set(r.blocked), ...mutesOf(r.mutes), hideUnloggedTakes: r.hide };
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

  /** Everything needed to present and filter a page of activities, in one planned-once statement. */
  async lookups(req: LookupRequest): Promise<FeedLookups> {
    const [row] = await preparedQuery<{ users: FeedUserRow[] | null; reviews: FeedReviewRow[] | null; comments: string[] | null; albums: FeedAlbumRow[] | null; logged: string[] | null }>(
      this.knex,
      'feed_lookups',
      LOOKUPS_SQL,
      [ids(req.userIds), ids(req.reviewIds), ids(req.commentIds), ids(req.albumIds), req.loggedBy],
    );
    return {
      users: new Map((row?.users ?? []).map((u) => [u.id, u])),
      reviews: new Map((row?.reviews ?? []).map((r) => [r.id, r])),
      visibleComments: new Set(row?.comments ?? []),
      albums: new Map((row?.albums ?? []).map((a) => [a.id, a])),
      loggedAlbums: new Set(row?.logged ?? []),
    };
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
    if (userIds.length === 0 || !ID.test(albumId)) return new Set();
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

const ID = /^[1-9][0-9]{0,17}$/;

/** Distinct well-formed bigint ids (activity data is free-form, so never trust it in SQL). */
function ids(values: string[]): string[] {
  return [...new Set(values.filter((v) => ID.test(v)))];
}
