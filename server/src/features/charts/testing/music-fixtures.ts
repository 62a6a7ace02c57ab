import type { Knex } from 'knex';

/** Test data written straight to the tables, for tests that need many albums, users or ratings quickly. */

export interface AlbumFixture {
  title: string;
  artist: string;
  year?: number | null;
  genres?: string[];
  styles?: string[];
  upc?: string | null;
  spotifyId?: string | null;
  appleId?: string | null;
  discogsId?: number | null;
}

let serial = 0;

/** Inserts an album (with a one-artist credit) and returns its id. */
export async function insertAlbum(knex: Knex, a: AlbumFixture): Promise<string> {
  serial += 1;
  const [artist] = await knex('artists').insert({ name: a.artist }).returning('id');
  const [album] = await knex('albums')
    .insert({
      title: a.title,
      artist_credit: a.artist,
      release_year: a.year ?? null,
      release_date: a.year ? `${a.year}-01-01` : null,
      release_date_precision: a.year ? 'year' : null,
      genres: a.genres ?? [],
      styles: a.styles ?? [],
      upc: a.upc ?? null,
      spotify_id: a.spotifyId ?? null,
      apple_id: a.appleId ?? null,
      discogs_id: a.discogsId ?? null,
    })
    .returning('id');
  await knex('album_artists').insert({ album_id: album.id, position: 1, artist_id: artist.id, credited_name: a.artist });
  return String(album.id);
}

/** Inserts a track on an album and returns its id. */
export async function insertTrack(knex: Knex, albumId: string, t: { title: string; position: number; isrc?: string | null; spotifyId?: string | null; appleId?: string | null }): Promise<string> {
  const [track] = await knex('tracks')
    .insert({ album_id: albumId, position: t.position, title: t.title, artist_credit: 'x', isrc: t.isrc ?? null, spotify_id: t.spotifyId ?? null, apple_id: t.appleId ?? null })
    .returning('id');
  return String(track.id);
}

/** Inserts users that cannot sign in (no real password hash); cheaper than registering. */
export async function insertUsers(knex: Knex, count: number): Promise<string[]> {
  const rows = Array.from({ length: count }, () => {
    serial += 1;
    const handle = `rater_${Date.now().toString(36)}_${serial}`;
    return { handle, email: `${handle}@example.test`, display_name: handle, password_hash: 'not-a-hash' };
  });
  return (await knex('users').insert(rows).returning('id')).map((r: { id: string }) => String(r.id));
}

/** Rates an album as each user with the same stars; `at` backdates the rating. */
export async function rateAlbum(knex: Knex, userIds: string[], albumId: string, stars: number, at?: Date): Promise<void> {
  const when = at ?? new Date();
  await knex('album_ratings').insert(userIds.map((userId) => ({ user_id: userId, album_id: albumId, value: Math.round(stars * 2), created_at: when, updated_at: when })));
}
