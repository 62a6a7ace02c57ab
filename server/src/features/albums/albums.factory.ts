import type { Knex } from 'knex';

export interface AlbumFactoryInput {
  title?: string;
  artist?: string;
  releaseDate?: string | null;
  genres?: string[];
  /** Durations of the tracks, in ms (null for unknown); three tracks by default. */
  tracks?: (number | null)[];
}

export interface MadeAlbum {
  id: string;
  artistId: string;
  trackIds: string[];
}

let counter = 0;

/** Test factory: an artist, an album credited to them and its tracks, inserted directly. */
export async function makeAlbum(knex: Knex, input: AlbumFactoryInput = {}): Promise<MadeAlbum> {
  counter += 1;
  const artistName = input.artist ?? `Artist ${counter}`;
  const releaseDate = input.releaseDate === undefined ? '1997-05-21' : input.releaseDate;
  const [artist] = await knex('artists').insert({ name: artistName }).returning('id');
  const [album] = await knex('albums')
    .insert({
      title: input.title ?? `Album ${counter}`,
      artist_credit: artistName,
      release_date: releaseDate,
      release_date_precision: releaseDate ? 'day' : null,
      release_year: releaseDate ? Number(releaseDate.slice(0, 4)) : null,
      genres: input.genres ?? ['Rock'],
      label: 'Test Records',
    })
    .returning('id');
  await knex('album_artists').insert({ album_id: album.id, position: 1, artist_id: artist.id, credited_name: artistName });
  const durations = input.tracks ?? [241_000, 183_500, null];
  const trackIds: string[] = [];
  for (const [i, duration] of durations.entries()) {
    const [track] = await knex('tracks')
      .insert({ album_id: album.id, position: i + 1, position_label: String(i + 1), title: `Track ${i + 1}`, artist_credit: artistName, duration_ms: duration })
      .returning('id');
    trackIds.push(String(track.id));
  }
  return { id: String(album.id), artistId: String(artist.id), trackIds };
}

/** Count, sum and histogram recomputed from the ratings table, to compare with the trigger-kept aggregate. */
export async function recomputedAlbumStats(knex: Knex, albumId: string): Promise<{ count: number; sum: number; histogram: number[] }> {
  const rows: { value: number }[] = await knex('album_ratings').select('value').where({ album_id: albumId });
  const histogram = Array.from({ length: 10 }, (_, i) => rows.filter((r) => r.value === i + 1).length);
  return { count: rows.length, sum: rows.reduce((s, r) => s + r.value, 0), histogram };
}

/** The aggregate row as the triggers left it (zeros when there is none). */
export async function storedAlbumStats(knex: Knex, albumId: string): Promise<{ count: number; sum: number; histogram: number[] }> {
  const row = await knex('album_rating_stats').where({ album_id: albumId }).first();
  return row ? { count: row.count, sum: Number(row.sum), histogram: row.histogram.map(Number) } : { count: 0, sum: 0, histogram: Array(10).fill(0) };
}
