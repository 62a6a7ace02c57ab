import type { Knex } from 'knex';
import type { ModerationLogAction } from '@muse/shared';
import type { RaterWeightRule } from '../../lib/rater-weight';

/** What the surge rule reads of one album: its recent ratings by standing, and the stable sums. */
export interface SurgeWindowRow {
  held_at: Date | null;
  stable_weight_sum: string;
  stable_weighted_sum: string;
  weight_sum: string;
  weighted_sum: string;
  /** Ratings in the window, and those from low-history accounts with the sum of their values (1..10). */
  recent: number;
  low: number;
  low_sum: number;
}

export interface HeldAlbumRow extends SurgeWindowRow {
  album_id: string;
  count: number;
  sum: string;
}

export interface ModerationLogRow {
  id: string;
  action: ModerationLogAction;
  album_id: string;
  moderator_id: string | null;
  detail: { ratings?: number; mean?: number };
  created_at: Date;
}

export interface HoldDetail {
  ratings: number;
  mean: number;
}

// Low-history ratings a moderator has not looked at yet, inside the window ending now.
const WINDOW_SQL = `
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS recent,
           (count(*) FILTER (WHERE NOT r.established AND NOT r.discounted))::int AS low,
           coalesce(sum(r.value) FILTER (WHERE NOT r.established AND NOT r.discounted), 0)::int AS low_sum
      FROM album_ratings r
     WHERE r.album_id = s.album_id
       AND r.updated_at >= greatest(now() - make_interval(hours => :hours::int), coalesce(s.surge_reviewed_at, '-infinity'))
  ) w`;

/**
 * Surge holds, moderators' decisions on them and the public moderation log, plus the sweep that
 * gives full weight to accounts that became established. The aggregates themselves move only
 * through the rating trigger.
 */
export class AggregateTrustRepo {
  constructor(private readonly knex: Knex) {}

  /** The album's surge window, read through album_ratings (album_id, updated_at) index; null when nobody rated it. */
  async surgeWindow(albumId: string, windowHours: number): Promise<SurgeWindowRow | null> {
    const { rows } = await this.knex.raw<{ rows: SurgeWindowRow[] }>(
      `SELECT s.held_at, s.stable_weight_sum, s.stable_weighted_sum, s.weight_sum, s.weighted_sum, w.*
         FROM album_rating_stats s ${WINDOW_SQL}
        WHERE s.album_id = :albumId`,
      { albumId, hours: windowHours },
    );
    return rows[0] ?? null;
  }

  /** Puts the hold on and logs it, once: a concurrent second hold finds it on and writes nothing (false). */
  async hold(trx: Knex.Transaction, albumId: string, detail: HoldDetail): Promise<boolean> {
    const held = await trx('album_rating_stats').where({ album_id: albumId }).whereNull('held_at').update({ held_at: trx.fn.now() }, ['album_id']);
    if (!held.length) return false;
    await this.log(trx, 'hold', albumId, null, detail);
    return true;
  }

  /**
   * Ends a hold: the stable sums become the live ones, the ratings seen so far count as looked
   * at, and the decision is logged. A confirmed brigade first takes the weight away for good from
   * the low-history ratings of the held window (and of the hold since). False when no hold was on.
   */
  async endHold(trx: Knex.Transaction, albumId: string, moderatorId: string, decision: 'release' | 'confirm', windowHours: number): Promise<boolean> {
    const stats = await trx('album_rating_stats').where({ album_id: albumId }).whereNotNull('held_at').forUpdate().first('held_at', 'surge_reviewed_at');
    if (!stats) return false;
    let discounted = 0;
    if (decision === 'confirm') {
      // The trigger moves the live weighted sums; the stable ones stay put while the hold is on.
      discounted = await trx('album_ratings')
        .where({ album_id: albumId, established: false, discounted: false })
        .where(
          'updated_at',
          '>=',
          trx.raw(`greatest(?::timestamptz - make_interval(hours => ?::int), coalesce(?::timestamptz, '-infinity'))`, [
            stats.held_at,
            windowHours,
            stats.surge_reviewed_at,
          ]),
        )
        .update({ weight: 0, discounted: true });
    }
    await trx('album_rating_stats')
      .where({ album_id: albumId })
      .update({ held_at: null, surge_reviewed_at: trx.fn.now(), stable_weight_sum: trx.ref('weight_sum'), stable_weighted_sum: trx.ref('weighted_sum') });
    await this.log(trx, decision, albumId, moderatorId, decision === 'confirm' ? { ratings: discounted } : {});
    return true;
  }

  async albumExists(albumId: string): Promise<boolean> {
    return Boolean(await this.knex('albums').where({ id: albumId }).first('id'));
  }

  /** The album's release date as YYYY-MM-DD, null when unknown (or no such album). */
  async releaseDate(albumId: string): Promise<string | null> {
    const row = await this.knex('albums').where({ id: albumId }).first(this.knex.raw(`to_char(release_date, 'YYYY-MM-DD') AS release_date`));
    return (row?.release_date as string | null | undefined) ?? null;
  }

  /** Held albums, oldest hold first, after the given album id of the same hold time. */
  async held(limit: number, windowHours: number, after?: { heldAt: string; albumId: string }): Promise<(HeldAlbumRow & { held_key: string })[]> {
    const { rows } = await this.knex.raw<{ rows: (HeldAlbumRow & { held_key: string })[] }>(
      `SELECT s.album_id::text, s.count, s.sum, s.held_at, s.stable_weight_sum, s.stable_weighted_sum, s.weight_sum, s.weighted_sum, w.*,
              to_char(s.held_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') AS held_key
         FROM album_rating_stats s ${WINDOW_SQL}
        WHERE s.held_at IS NOT NULL
          AND (:afterKey::text IS NULL OR (s.held_at, s.album_id) > ((:afterKey::timestamp AT TIME ZONE 'UTC'), :afterId::bigint))
        ORDER BY s.held_at, s.album_id
        LIMIT :limit`,
      { hours: windowHours, afterKey: after?.heldAt ?? null, afterId: after?.albumId ?? null, limit },
    );
    return rows;
  }

  /** The public log, newest first, before the given entry id. */
  async logPage(limit: number, beforeId?: string): Promise<ModerationLogRow[]> {
    const query = this.knex('moderation_log').select('id', 'action', 'album_id', 'moderator_id', 'detail', 'created_at').orderBy('id', 'desc').limit(limit);
    if (beforeId) void query.where('id', '<', beforeId);
    return (await query).map((r: ModerationLogRow) => ({ ...r, id: String(r.id), album_id: String(r.album_id) }));
  }

  /**
   * Gives full weight to the album ratings of up to `batch` accounts that became established
   * since they rated (old enough, rated enough albums), found through the partial index of
   * reduced ratings (its size follows the fresh accounts' ratings, not the catalog's). Confirmed brigade ratings stay at 0. Answers how many ratings moved.
   */
  async reweigh(rule: RaterWeightRule, batch = 1000): Promise<number> {
    const { rows } = await this.knex.raw<{ rows: { n: number }[] }>(
      `WITH candidates AS (
         -- The batch limit applies to accounts that qualify, so young accounts cannot starve older ones.
         SELECT c.user_id FROM (SELECT DISTINCT user_id FROM album_ratings WHERE NOT established AND NOT discounted) c
           JOIN users u ON u.id = c.user_id
          WHERE u.created_at <= now() - make_interval(days => :days::int)
            AND (SELECT count(*) FROM (SELECT 1 FROM album_ratings h WHERE h.user_id = c.user_id LIMIT :enough::int) seen) >= :enough::int
          LIMIT :batch
       ), moved AS (
         UPDATE album_ratings r SET established = true, weight = 1
           FROM candidates c
          WHERE r.user_id = c.user_id AND NOT r.established AND NOT r.discounted
         RETURNING 1
       )
       SELECT count(*)::int AS n FROM moved`,
      // Each rating needs minRatings others: the account needs one more rating in all.
      { batch, days: rule.minAccountDays, enough: rule.minRatings + 1 },
    );
    return rows[0]?.n ?? 0;
  }

  private async log(trx: Knex, action: ModerationLogAction, albumId: string, moderatorId: string | null, detail: Partial<HoldDetail>): Promise<void> {
    await trx('moderation_log').insert({ action, album_id: albumId, moderator_id: moderatorId, detail: JSON.stringify(detail) });
  }
}
