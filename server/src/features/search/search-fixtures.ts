import type { Knex } from 'knex';

/** Test data for search and artist pages: small catalog rows written straight to the tables. */
export interface FixtureAlbum {
  title: string;
  /** `as`: the name printed on the album when it differs from the artist's own (Discogs' name variations). */
  artists: { id: string; name: string; join?: string; as?: string }[];
  year?: number | null;
  releaseDate?: string | null;
  genres?: string[];
  styles?: string[];
  tracks?: string[];
}

export async function createArtist(knex: Knex, name: string): Promise<{ id: string; name: string }> {
  const [row] = await knex('artists').insert({ name }).returning(['id', 'name']);
  return { id: String(row.id), name: row.name };
}

/** An album credited to the given artists (joined as printed), with its tracks numbered 1… on disc 1. */
export async function createAlbum(knex: Knex, album: FixtureAlbum): Promise<{ id: string; trackIds: string[] }> {
  const credit = album.artists.map((a, i) => (a.as ?? a.name) + (a.join ?? (i < album.artists.length - 1 ? ' & ' : ''))).join('');
  const [row] = await knex('albums')
    .insert({
      title: album.title,
      artist_credit: credit,
      release_year: album.year ?? null,
      release_date: album.releaseDate ?? null,
      release_date_precision: album.releaseDate ? 'day' : null,
      genres: album.genres ?? [],
      styles: album.styles ?? [],
    })
    .returning('id');
  const albumId = String(row.id);
  if (album.artists.length) {
    await knex('album_artists').insert(
      album.artists.map((a, i) => ({ album_id: albumId, position: i + 1, artist_id: a.id, credited_name: a.as ?? a.name, join_phrase: a.join ?? (i < album.artists.length - 1 ? ' & ' : '') })),
    );
  }
  const trackIds: string[] = [];
  for (const [i, title] of (album.tracks ?? []).entries()) {
    const [t] = await knex('tracks').insert({ album_id: albumId, disc: 1, position: i + 1, title, artist_credit: credit, duration_ms: 200_000 }).returning('id');
    trackIds.push(String(t.id));
  }
  return { id: albumId, trackIds };
}

let raters = 0;

/** `count` new users each rating the album `value` (1..10); the aggregate triggers keep the stats. */
export async function rateAlbum(knex: Knex, albumId: string, count: number, value = 8): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    raters += 1;
    const tag = `${process.pid}_${raters}`;
    const [user] = await knex('users').insert({ handle: `rater_${tag}`, email: `rater_${tag}@example.test`, display_name: 'Rater', password_hash: 'x' }).returning('id');
    await knex('album_ratings').insert({ user_id: user.id, album_id: albumId, value });
  }
}
