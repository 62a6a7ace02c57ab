import type { Knex } from 'knex';
import type { Visibility } from '@muse/shared';
import { preparedQuery } from '../../db/prepared';

export type RecItemKind = 'album' | 'track';

/** One rating (or dismissal, or listen count) of the training data. */
export interface TrainingRow {
  user_id: string;
  item_id: string;
  value: number;
}

/** What the content fallback and the diversity re-ranking know about an item. */
export interface ItemAttributeRow {
  id: string;
  artist_id: string | null;
  genres: string[];
  styles: string[];
  label: string | null;
  release_year: number | null;
}

export interface FolloweeRatingRow {
  item_id: string;
  followee_id: string;
  default_visibility: Visibility;
  is_private: boolean;
  blocked: boolean;
}

export interface SuggestionRow {
  id: string;
  handle: string;
  display_name: string;
  shared_count: number;
  abs_diff_sum: number;
}

/** Rows read per round trip when the training data is streamed. */
const BATCH = 20_000;

const RATING_TABLES: Record<RecItemKind, { table: string; column: string }> = {
  album: { table: 'album_ratings', column: 'album_id' },
  track: { table: 'track_ratings', column: 'track_id' },
};

/** Reads for the recommendation jobs and endpoints; the only writes are dismissals. */
export class RecommendationsRepo {
  constructor(private readonly knex: Knex) {}

  /**
   * Every current rating of one kind, in batches by (user, item) key: memory stays bounded by the
   * batch, whatever the table's size. Only accounts in good standing train the model.
   */
  async *ratings(kind: RecItemKind): AsyncGenerator<TrainingRow[]> {
    const { table, column } = RATING_TABLES[kind];
    let after: [string, string] = ['0', '0'];
    for (;;) {
      const { rows } = await this.knex.raw<{ rows: TrainingRow[] }>(
        `SELECT r.user_id::text, r.${column}::text AS item_id, r.value
           FROM ${table} r JOIN users u ON u.id = r.user_id AND u.suspended_at IS NULL
          WHERE (r.user_id, r.${column}) > (?::bigint, ?::bigint)
          ORDER BY r.user_id, r.${column} LIMIT ${BATCH}`,
        after,
      );
      if (!rows.length) return;
      yield rows;
      const last = rows[rows.length - 1]!;
      after = [last.user_id, last.item_id];
      if (rows.length < BATCH) return;
    }
  }

  /** Diary listens per user and album (value = number of entries), in batches by user. */
  async *listens(): AsyncGenerator<TrainingRow[]> {
    let after: [string, string] = ['0', '0'];
    for (;;) {
      const { rows } = await this.knex.raw<{ rows: TrainingRow[] }>(
        `SELECT user_id::text, album_id::text AS item_id, count(*)::int AS value
           FROM diary_entries WHERE (user_id, album_id) > (?::bigint, ?::bigint)
          GROUP BY user_id, album_id ORDER BY user_id, album_id LIMIT ${BATCH}`,
        after,
      );
      if (!rows.length) return;
      yield rows;
      const last = rows[rows.length - 1]!;
      after = [last.user_id, last.item_id];
      if (rows.length < BATCH) return;
    }
  }

  /** Every dismissal of one kind (value 1: the lowest rating, a mild "not for me"). */
  async *dismissals(kind: RecItemKind): AsyncGenerator<TrainingRow[]> {
    let after: [string, string] = ['0', '0'];
    for (;;) {
      const { rows } = await this.knex.raw<{ rows: TrainingRow[] }>(
        `SELECT user_id::text, item_id::text, 1 AS value FROM recommendation_dismissals
          WHERE item_kind = ? AND (user_id, item_id) > (?::bigint, ?::bigint)
          ORDER BY user_id, item_id LIMIT ${BATCH}`,
        [kind, ...after],
      );
      if (!rows.length) return;
      yield rows;
      const last = rows[rows.length - 1]!;
      after = [last.user_id, last.item_id];
      if (rows.length < BATCH) return;
    }
  }

  /** Album attributes (first credited artist, genres, styles, label, year), in batches by id. */
  async *albumAttributes(): AsyncGenerator<ItemAttributeRow[]> {
    let after = '0';
    for (;;) {
      const { rows } = await this.knex.raw<{ rows: ItemAttributeRow[] }>(
        `SELECT a.id::text, (SELECT aa.artist_id::text FROM album_artists aa WHERE aa.album_id = a.id ORDER BY aa.position LIMIT 1) AS artist_id,
                a.genres, a.styles, a.label, a.release_year
           FROM albums a WHERE a.id > ?::bigint ORDER BY a.id LIMIT ${BATCH}`,
        [after],
      );
      if (!rows.length) return;
      yield rows;
      after = rows[rows.length - 1]!.id;
      if (rows.length < BATCH) return;
    }
  }

  /** Attributes of the given tracks: their own first artist, their album's genres, styles, label and year. */
  async trackAttributes(trackIds: string[]): Promise<(ItemAttributeRow & { album_id: string })[]> {
    const out: (ItemAttributeRow & { album_id: string })[] = [];
    for (let i = 0; i < trackIds.length; i += BATCH) {
      const { rows } = await this.knex.raw<{ rows: (ItemAttributeRow & { album_id: string })[] }>(
        `SELECT t.id::text, t.album_id::text,
                coalesce((SELECT ta.artist_id::text FROM track_artists ta WHERE ta.track_id = t.id ORDER BY ta.position LIMIT 1),
                         (SELECT aa.artist_id::text FROM album_artists aa WHERE aa.album_id = t.album_id ORDER BY aa.position LIMIT 1)) AS artist_id,
                a.genres, a.styles, a.label, a.release_year
           FROM tracks t JOIN albums a ON a.id = t.album_id WHERE t.id = ANY(?::bigint[])`,
        [trackIds.slice(i, i + BATCH)],
      );
      out.push(...rows);
    }
    return out;
  }

  /** Every muted artist by user (a muted artist's items are never recommended to that user). */
  async artistMutes(): Promise<{ user_id: string; artist_id: string }[]> {
    return (
      await this.knex.raw<{ rows: { user_id: string; artist_id: string }[] }>(`SELECT user_id::text, target AS artist_id FROM mutes WHERE kind = 'artist'`)
    ).rows;
  }

  /** One user's ratings of one kind, with listens (albums) and dismissals, for a refresh of their list. */
  async userProfile(userId: string, kind: RecItemKind): Promise<{ ratings: TrainingRow[]; listens: TrainingRow[]; dismissed: TrainingRow[] }> {
    const { table, column } = RATING_TABLES[kind];
    const [ratings, listens, dismissed] = await Promise.all([
      this.knex.raw<{ rows: TrainingRow[] }>(`SELECT user_id::text, ${column}::text AS item_id, value FROM ${table} WHERE user_id = ?`, [userId]),
      kind === 'album'
        ? this.knex.raw<{ rows: TrainingRow[] }>(
            `SELECT user_id::text, album_id::text AS item_id, count(*)::int AS value FROM diary_entries WHERE user_id = ? GROUP BY user_id, album_id`,
            [userId],
          )
        : { rows: [] },
      this.knex.raw<{ rows: TrainingRow[] }>(
        `SELECT user_id::text, item_id::text, 1 AS value FROM recommendation_dismissals WHERE user_id = ? AND item_kind = ?`,
        [userId, kind],
      ),
    ]);
    return { ratings: ratings.rows, listens: listens.rows, dismissed: dismissed.rows };
  }

  /**
   * The candidates (in order) the user may still be shown: not rated, not logged, not dismissed,
   * existing, and by no artist they muted.
   */
  async allowed(userId: string, kind: RecItemKind, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const sql =
      kind === 'album'
        ? `SELECT c.id::text FROM unnest(?::bigint[]) WITH ORDINALITY AS c(id, ord)
             JOIN albums a ON a.id = c.id
            WHERE NOT EXISTS (SELECT 1 FROM album_ratings r WHERE r.user_id = :u AND r.album_id = c.id)
              AND NOT EXISTS (SELECT 1 FROM diary_entries d WHERE d.user_id = :u AND d.album_id = c.id)
              AND NOT EXISTS (SELECT 1 FROM recommendation_dismissals x WHERE x.user_id = :u AND x.item_kind = 'album' AND x.item_id = c.id)
              AND NOT EXISTS (SELECT 1 FROM album_artists aa JOIN mutes m ON m.user_id = :u AND m.kind = 'artist' AND m.target = aa.artist_id::text
                               WHERE aa.album_id = c.id)
            ORDER BY c.ord`
        : `SELECT c.id::text FROM unnest(?::bigint[]) WITH ORDINALITY AS c(id, ord)
             JOIN tracks t ON t.id = c.id
            WHERE NOT EXISTS (SELECT 1 FROM track_ratings r WHERE r.user_id = :u AND r.track_id = c.id)
              AND NOT EXISTS (SELECT 1 FROM recommendation_dismissals x WHERE x.user_id = :u AND x.item_kind = 'track' AND x.item_id = c.id)
              AND NOT EXISTS (SELECT 1 FROM track_artists ta JOIN mutes m ON m.user_id = :u AND m.kind = 'artist' AND m.target = ta.artist_id::text
                               WHERE ta.track_id = c.id)
              AND NOT EXISTS (SELECT 1 FROM album_artists aa JOIN mutes m ON m.user_id = :u AND m.kind = 'artist' AND m.target = aa.artist_id::text
                               WHERE aa.album_id = t.album_id)
            ORDER BY c.ord`;
    const { rows } = await this.knex.raw<{ rows: { id: string }[] }>(sql.replace('?::bigint[]', ':ids::bigint[]'), { u: userId, ids });
    return rows.map((r) => r.id);
  }

  /** The items' genres and year, for the genre and decade filters. */
  async filterFacts(kind: RecItemKind, ids: string[]): Promise<Map<string, { genres: string[]; year: number | null }>> {
    if (!ids.length) return new Map();
    const sql =
      kind === 'album'
        ? `SELECT a.id::text, a.genres, a.release_year FROM albums a WHERE a.id = ANY(?::bigint[])`
        : `SELECT t.id::text, a.genres, a.release_year FROM tracks t JOIN albums a ON a.id = t.album_id WHERE t.id = ANY(?::bigint[])`;
    const { rows } = await this.knex.raw<{ rows: { id: string; genres: string[]; release_year: number | null }[] }>(sql, [ids]);
    return new Map(rows.map((r) => [r.id, { genres: r.genres ?? [], year: r.release_year }]));
  }

  /** Tracks by id with their album id, title and credit. */
  async tracks(ids: string[]): Promise<{ id: string; album_id: string; title: string; artist_credit: string }[]> {
    if (!ids.length) return [];
    return (
      await this.knex.raw<{ rows: { id: string; album_id: string; title: string; artist_credit: string }[] }>(
        `SELECT id::text, album_id::text, title, artist_credit FROM tracks WHERE id = ANY(?::bigint[])`,
        [ids],
      )
    ).rows;
  }

  /** The user's own ratings of the given items (1..10) with the items' titles. Runs on every Discover page, hence prepared. */
  async ownRatings(userId: string, kind: RecItemKind, ids: string[]): Promise<Map<string, { title: string; value: number }>> {
    if (!ids.length) return new Map();
    const sql =
      kind === 'album'
        ? `SELECT a.id::text, a.title, r.value FROM album_ratings r JOIN albums a ON a.id = r.album_id WHERE r.user_id = $1 AND r.album_id = ANY($2::bigint[])`
        : `SELECT t.id::text, t.title, r.value FROM track_ratings r JOIN tracks t ON t.id = r.track_id WHERE r.user_id = $1 AND r.track_id = ANY($2::bigint[])`;
    const rows = await preparedQuery<{ id: string; title: string; value: number }>(this.knex, `recs_own_ratings_${kind}`, sql, [userId, ids]);
    return new Map(rows.map((r) => [r.id, { title: r.title, value: r.value }]));
  }

  /**
   * People the viewer follows who rated one of the items 4 stars or more, with what decides
   * whether the viewer may see it. The items' loved ratings come from the partial index
   * `*_ratings_loved_idx` alone, then meet the viewer's followees in a hash join.
   */
  async followeesWhoLoved(viewerId: string, kind: RecItemKind, ids: string[]): Promise<FolloweeRatingRow[]> {
    if (!ids.length) return [];
    const { table, column } = RATING_TABLES[kind];
    return preparedQuery<FolloweeRatingRow>(
      this.knex,
      `recs_followees_who_loved_${kind}`,
      `SELECT r.${column}::text AS item_id, u.id::text AS followee_id, u.default_visibility, u.is_private,
              EXISTS (SELECT 1 FROM blocks b WHERE (b.blocker_id = u.id AND b.blocked_id = f.follower_id)
                                                OR (b.blocker_id = f.follower_id AND b.blocked_id = u.id)) AS blocked
         FROM follows f
         JOIN ${table} r ON r.user_id = f.followee_id AND r.${column} = ANY($1::bigint[]) AND r.value >= 8
         JOIN users u ON u.id = f.followee_id AND u.suspended_at IS NULL
        WHERE f.follower_id = $2`,
      [ids, viewerId],
    );
  }

  /** The most liked items of one kind (ratings of 4 stars or more), for brand-new accounts. */
  async popular(kind: RecItemKind, limit: number): Promise<string[]> {
    const { table, column } = RATING_TABLES[kind];
    const { rows } = await this.knex.raw<{ rows: { id: string }[] }>(
      `SELECT ${column}::text AS id FROM ${table} WHERE value >= 7 GROUP BY ${column} ORDER BY count(*) DESC, ${column} LIMIT ${Math.floor(limit)}`,
    );
    return rows.map((r) => r.id);
  }

  /** Albums sharing the album's first artist or a genre, most rated first (before any rebuild). */
  async albumsLike(albumId: string, limit: number): Promise<string[]> {
    const { rows } = await this.knex.raw<{ rows: { id: string }[] }>(
      `SELECT b.id::text FROM albums a JOIN albums b ON b.id <> a.id AND (b.genres && a.genres OR b.artist_credit = a.artist_credit)
         LEFT JOIN album_rating_stats s ON s.album_id = b.id
        WHERE a.id = ? ORDER BY (b.artist_credit = a.artist_credit) DESC, coalesce(s.count, 0) DESC, b.id LIMIT ${Math.floor(limit)}`,
      [albumId],
    );
    return rows.map((r) => r.id);
  }

  async itemExists(kind: RecItemKind, id: string): Promise<boolean> {
    return Boolean(
      await this.knex(kind === 'album' ? 'albums' : 'tracks')
        .where({ id })
        .first('id'),
    );
  }

  /** Stores a dismissal; a repeat is harmless. */
  async dismiss(userId: string, kind: RecItemKind, itemId: string): Promise<void> {
    await this.knex('recommendation_dismissals')
      .insert({ user_id: userId, item_kind: kind, item_id: itemId })
      .onConflict(['user_id', 'item_kind', 'item_id'])
      .ignore();
  }

  /**
   * People with at least `minShared` albums rated in common with the viewer, whose ratings are
   * public to everyone (private profiles and non-public ratings are never suggested from), not
   * followed, not blocked either way, closest agreement first.
   */
  async followCandidates(viewerId: string, minShared: number, limit: number): Promise<SuggestionRow[]> {
    const { rows } = await this.knex.raw<{ rows: SuggestionRow[] }>(
      `SELECT u.id::text, u.handle, u.display_name, count(*)::int AS shared_count, sum(abs(v.value - o.value))::int AS abs_diff_sum
         FROM album_ratings v
         JOIN album_ratings o ON o.album_id = v.album_id AND o.user_id <> v.user_id
         JOIN users u ON u.id = o.user_id AND u.suspended_at IS NULL AND NOT u.is_private AND u.default_visibility = 'public'
        WHERE v.user_id = :v
          AND NOT EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = :v AND f.followee_id = u.id)
          AND NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.blocker_id = u.id AND b.blocked_id = :v) OR (b.blocker_id = :v AND b.blocked_id = u.id))
        GROUP BY u.id, u.handle, u.display_name
       HAVING count(*) >= :min
        ORDER BY sum(abs(v.value - o.value))::float / count(*), count(*) DESC, u.id
        LIMIT ${Math.floor(limit)}`,
      { v: viewerId, min: minShared },
    );
    return rows;
  }
}
