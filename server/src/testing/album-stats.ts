import type { Knex } from 'knex';

export interface AlbumStats {
  count: number;
  sum: number;
  histogram: number[];
}

/** Count, sum and histogram recomputed from the ratings table, to compare with the trigger-kept aggregate. */
export async function recomputedAlbumStats(knex: Knex, albumId: string): Promise<AlbumStats> {
  const rows: { value: number }[] = await knex('album_ratings').select('value').where({ album_id: albumId });
  const histogram = Array.from({ length: 10 }, (_, i) => rows.filter((r) => r.value === i + 1).length);
  return { count: rows.length, sum: rows.reduce((s, r) => s + r.value, 0), histogram };
}

/** The aggregate row as the triggers left it (zeros when there is none). */
export async function storedAlbumStats(knex: Knex, albumId: string): Promise<AlbumStats> {
  const row = await knex('album_rating_stats').where({ album_id: albumId }).first();
  return row ? { count: row.count, sum: Number(row.sum), histogram: row.histogram.map(Number) } : { count: 0, sum: 0, histogram: Array(10).fill(0) };
}
