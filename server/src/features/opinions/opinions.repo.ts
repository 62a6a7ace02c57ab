import type { Knex } from 'knex';
import type { TimelineSources } from './rating-timeline';

/** One album whose rating a user changed across relistens: first and current stored values. */
export interface OpinionChangeRow {
  album_id: string;
  first: number;
  latest: number;
  /** Ratings given in all: the replaced ones and the current one. */
  ratings: number;
}

// A user's first rating of an album is the oldest one a relisten replaced; the latest is the
// current rating. Albums whose rating was removed have no latest and are left out.
const CHANGES_SQL = `
SELECT f.item_id::text AS album_id, f.value AS first, r.value AS latest, f.replaced + 1 AS ratings
  FROM (SELECT DISTINCT ON (h.item_id) h.item_id, h.value, count(*) OVER (PARTITION BY h.item_id)::int AS replaced
          FROM rating_history h
         WHERE h.user_id = ? AND h.item_type = 'album'
         ORDER BY h.item_id, h.rated_at, h.id) f
  JOIN album_ratings r ON r.user_id = ? AND r.album_id = f.item_id
 WHERE r.value <> f.value`;

/** Reads a user's own ratings of albums over time: the current rating, the replaced ones and the diary. */
export class OpinionsRepo {
  constructor(private readonly knex: Knex) {}

  /** What the user's timeline of one album is built from. */
  async timelineSources(userId: string, albumId: string): Promise<TimelineSources> {
    const k = this.knex;
    const [current, history, diary] = await Promise.all([
      k('album_ratings').where({ user_id: userId, album_id: albumId }).first('value', 'updated_at'),
      k('rating_history').where({ user_id: userId, item_type: 'album', item_id: albumId }).select('value', 'rated_at'),
      k('diary_entries')
        .where({ user_id: userId, album_id: albumId })
        .select('rating', 'review_id', 'created_at', k.raw(`to_char(listened_on, 'YYYY-MM-DD') AS listened_on`)),
    ]);
    const chain = (history as { value: number; rated_at: Date }[]).map((h) => ({ value: Number(h.value), at: new Date(h.rated_at) }));
    if (current) chain.push({ value: Number(current.value), at: new Date(current.updated_at) });
    return {
      chain,
      diary: (diary as { rating: number | null; review_id: string | null; created_at: Date; listened_on: string }[]).map((d) => ({
        listenedOn: d.listened_on,
        value: d.rating === null ? null : Number(d.rating),
        reviewId: d.review_id === null ? null : String(d.review_id),
        createdAt: new Date(d.created_at),
      })),
    };
  }

  /** Every album whose current rating differs from the user's first one. */
  async changes(userId: string): Promise<OpinionChangeRow[]> {
    const { rows } = await this.knex.raw<{ rows: OpinionChangeRow[] }>(CHANGES_SQL, [userId, userId]);
    return rows.map((r) => ({ album_id: r.album_id, first: Number(r.first), latest: Number(r.latest), ratings: Number(r.ratings) }));
  }
}
