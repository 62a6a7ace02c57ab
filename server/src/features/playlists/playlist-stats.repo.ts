import type { Knex } from 'knex';
import type { Tx } from '../../db/transaction';

export interface PlaylistCounts {
  likeCount: number;
  cloneCount: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const uuids = (ids: string[]) => [...new Set(ids.filter((id) => UUID.test(id)))];

/**
 * The counts people sort playlists by, the likes and the clones, in Postgres. A stats row is
 * made the first time a playlist is liked or cloned; triggers keep the counts in the same
 * transaction as the like or clone (and through account-deletion cascades).
 */
export class PlaylistStatsRepo {
  constructor(private readonly knex: Knex) {}

  /** Counts by playlist id (zero for playlists never liked or cloned), and which of them the viewer liked. */
  async countsFor(ids: string[], viewerId: string | null): Promise<{ counts: Map<string, PlaylistCounts>; liked: Set<string> }> {
    const wanted = uuids(ids);
    if (wanted.length === 0) return { counts: new Map(), liked: new Set() };
    const { rows } = await this.knex.raw<{ rows: { id: string; like_count: number; clone_count: number; liked: boolean }[] }>(
      `SELECT s.playlist_id::text AS id, s.like_count, s.clone_count,
              EXISTS (SELECT 1 FROM playlist_likes l WHERE l.playlist_id = s.playlist_id AND l.user_id = ?::bigint) AS liked
         FROM playlist_stats s WHERE s.playlist_id = ANY(?::uuid[])`,
      [viewerId, wanted],
    );
    return {
      counts: new Map(rows.map((r) => [r.id, { likeCount: r.like_count, cloneCount: r.clone_count }])),
      liked: new Set(rows.filter((r) => r.liked).map((r) => r.id)),
    };
  }

  private async ensureStats(tx: Tx, playlistId: string, ownerId: string): Promise<void> {
    await tx.raw('INSERT INTO playlist_stats (playlist_id, owner_id) VALUES (?, ?) ON CONFLICT (playlist_id) DO NOTHING', [playlistId, ownerId]);
  }

  /** Adds the like; false when it was there already. */
  async like(tx: Tx, playlistId: string, ownerId: string, userId: string): Promise<boolean> {
    await this.ensureStats(tx, playlistId, ownerId);
    const { rowCount } = await tx.raw('INSERT INTO playlist_likes (playlist_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING', [playlistId, userId]);
    return (rowCount ?? 0) > 0;
  }

  async hasLiked(playlistId: string, userId: string): Promise<boolean> {
    return Boolean(await this.knex('playlist_likes').where({ playlist_id: playlistId, user_id: userId }).first('user_id'));
  }

  async unlike(tx: Tx, playlistId: string, userId: string): Promise<void> {
    await tx('playlist_likes').where({ playlist_id: playlistId, user_id: userId }).delete();
  }

  async likeCount(tx: Tx, playlistId: string): Promise<number> {
    const row = await tx('playlist_stats').where({ playlist_id: playlistId }).first('like_count');
    return row?.like_count ?? 0;
  }

  /** Records a clone of `sourceId`, counted on the source. */
  async recordClone(tx: Tx, sourceId: string, sourceOwnerId: string, cloneId: string, userId: string): Promise<void> {
    await this.ensureStats(tx, sourceId, sourceOwnerId);
    await tx.raw('INSERT INTO playlist_clones (clone_id, source_id, user_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [cloneId, sourceId, userId]);
  }

  /** The playlists the user liked, most recent like first, as (liked at, id) for paging. */
  async likedBy(userId: string, after: { at: string; id: string } | undefined, limit: number): Promise<{ id: string; at: string }[]> {
    const q = this.knex('playlist_likes')
      .select(this.knex.raw('playlist_id::text AS id'), this.knex.raw(`to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at`))
      .where({ user_id: userId })
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'playlist_id', order: 'desc' },
      ])
      .limit(limit);
    if (after) q.whereRaw('(created_at, playlist_id) < (?::timestamptz, ?::uuid)', [after.at, after.id]);
    return q;
  }

  /** Playlists by likes received in the last `days` days, most first, skipping `offset`. */
  async mostLikedSince(days: number, offset: number, limit: number): Promise<string[]> {
    const { rows } = await this.knex.raw<{ rows: { id: string }[] }>(
      `SELECT playlist_id::text AS id FROM playlist_likes WHERE created_at > now() - make_interval(days => ?)
        GROUP BY playlist_id ORDER BY count(*) DESC, playlist_id DESC OFFSET ? LIMIT ?`,
      [days, offset, limit],
    );
    return rows.map((r) => r.id);
  }

  /** When the most recent like still standing was made (null: none); one step down the likes' time index. */
  async newestLikeAt(): Promise<string | null> {
    const { rows } = await this.knex.raw<{ rows: { at: string | null }[] }>(
      `SELECT to_char(max(created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS at FROM playlist_likes`,
    );
    return rows[0]?.at ?? null;
  }

  /** A deleted playlist takes its counts, likes and clone records with it. */
  async forget(playlistIds: string[]): Promise<void> {
    const wanted = uuids(playlistIds);
    if (wanted.length) await this.knex('playlist_stats').whereIn('playlist_id', wanted).delete();
  }
}
