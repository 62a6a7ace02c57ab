import type { ClientBase } from 'pg';
import type { DatasetScale } from './dataset-scale';

// Every statement below generates its rows inside Postgres (INSERT ... SELECT over
// generate_series), so nothing crosses the wire row by row. Stream numbers passed to bench.u()
// are arbitrary but distinct, so that columns do not correlate by accident.

/** Users 1..n with handles like `maria_42`, accented display names and one shared password hash. */
export async function loadUsers(db: ClientBase, scale: DatasetScale, passwordHash: string): Promise<void> {
  await db.query(
    `INSERT INTO users (id, handle, email, display_name, password_hash, created_at, updated_at, password_changed_at)
     OVERRIDING SYSTEM VALUE
     SELECT g,
            left(regexp_replace(muse_norm(bench.pick(v.first, 1, g)), '[^a-z0-9]', '', 'g'), 20) || '_' || g,
            'listener' || g || '@bench.muse.test',
            bench.pick(v.first, 1, g) || ' ' || bench.pick(v.last, 2, g),
            $2, t, t, t
       FROM generate_series(1, $1::int) g
      CROSS JOIN bench.vocab v
      CROSS JOIN LATERAL (SELECT now() - bench.u(3, g) * interval '1500 days' AS t) c`,
    [scale.users, passwordHash],
  );
}

/**
 * Artists (the famous stage names first, so the most credited artists are the ones people
 * search for), then albums with one or two credited artists and their album_artists rows.
 */
export async function loadArtistsAndAlbums(db: ClientBase, scale: DatasetScale): Promise<void> {
  await db.query(
    `INSERT INTO artists (id, name, created_at)
     OVERRIDING SYSTEM VALUE
     SELECT g,
            CASE WHEN g <= cardinality(v.stage) THEN v.stage[g]
                 WHEN bench.u(10, g) < 0.6 THEN bench.pick(v.first, 11, g) || ' ' || bench.pick(v.last, 12, g)
                 WHEN bench.u(10, g) < 0.8 THEN 'The ' || bench.pick(v.title, 13, g) || ' ' || bench.pick(v.band, 14, g)
                 ELSE bench.pick(v.title, 13, g) || ' ' || bench.pick(v.band, 14, g) END,
            now() - bench.u(15, g) * interval '2000 days'
       FROM generate_series(1, $1::int) g
      CROSS JOIN bench.vocab v`,
    [scale.artists],
  );

  // Who is credited on which album, computed once and used for both albums and album_artists.
  await db.query(
    `CREATE TEMP TABLE album_plan AS
     SELECT g AS album_id, artist1, NULLIF(artist2, artist1) AS artist2,
            CASE WHEN bench.u(23, g) < 0.5 THEN ' feat. ' ELSE ' & ' END AS join_phrase
       FROM generate_series(1, $1::int) g
      CROSS JOIN LATERAL (
        SELECT bench.skewed($2, 1.5, 20, g) AS artist1,
               CASE WHEN bench.u(21, g) < 0.1 THEN bench.skewed($2, 1.5, 22, g) END AS artist2
      ) a`,
    [scale.albums, scale.artists],
  );
  await db.query(
    `INSERT INTO albums (id, title, artist_credit, release_date, release_date_precision, release_year, type,
                         genres, styles, label, catalog_number, country, upc, created_at)
     OVERRIDING SYSTEM VALUE
     SELECT p.album_id,
            bench.pick(v.title, 25, p.album_id)
              || CASE WHEN words >= 2 THEN ' ' || bench.pick(v.title, 26, p.album_id) ELSE '' END
              || CASE WHEN words >= 3 THEN ' ' || bench.pick(v.title, 27, p.album_id) ELSE '' END,
            a1.name || COALESCE(p.join_phrase || a2.name, ''),
            CASE precision WHEN 'day' THEN make_date(year, month, day)
                           WHEN 'month' THEN make_date(year, month, 1)
                           WHEN 'year' THEN make_date(year, 1, 1) END,
            precision,
            CASE WHEN precision IS NOT NULL THEN year END,
            CASE WHEN t < 0.65 THEN 'album' WHEN t < 0.8 THEN 'ep' WHEN t < 0.9 THEN 'single'
                 WHEN t < 0.95 THEN 'compilation' ELSE 'live' END,
            ARRAY[genre1] || CASE WHEN bench.u(32, p.album_id) < 0.3 AND genre2 <> genre1 THEN ARRAY[genre2] ELSE '{}' END,
            ARRAY[style1] || CASE WHEN bench.u(35, p.album_id) < 0.4 AND style2 <> style1 THEN ARRAY[style2] ELSE '{}' END,
            label_name,
            upper(left(regexp_replace(label_name, '[^A-Za-z0-9]', '', 'g'), 4)) || '-' || p.album_id,
            bench.pick(v.country, 37, p.album_id),
            lpad((600000000000 + p.album_id)::text, 12, '0'),
            now() - bench.u(38, p.album_id) * interval '1000 days'
       FROM album_plan p
       JOIN artists a1 ON a1.id = p.artist1
       LEFT JOIN artists a2 ON a2.id = p.artist2
      CROSS JOIN bench.vocab v
      CROSS JOIN LATERAL (
        SELECT 1 + floor(bench.u(24, p.album_id) * 3)::int AS words,
               1955 + floor(power(bench.u(28, p.album_id), 0.6) * 71)::int AS year,
               1 + floor(bench.u(29, p.album_id) * 12)::int AS month,
               1 + floor(bench.u(39, p.album_id) * 28)::int AS day,
               CASE WHEN bench.u(30, p.album_id) < 0.7 THEN 'day' WHEN bench.u(30, p.album_id) < 0.85 THEN 'month'
                    WHEN bench.u(30, p.album_id) < 0.95 THEN 'year' END AS precision,
               bench.u(31, p.album_id) AS t,
               bench.pick(v.genre, 33, p.album_id) AS genre1,
               bench.pick(v.genre, 34, p.album_id) AS genre2,
               bench.pick(v.style, 36, p.album_id) AS style1,
               bench.pick(v.style, 41, p.album_id) AS style2,
               bench.pick(v.label, 42, p.album_id) AS label_name
      ) x`,
  );
  await db.query(
    `INSERT INTO album_artists (album_id, position, artist_id, credited_name, join_phrase)
     SELECT p.album_id, 1, p.artist1, a1.name, CASE WHEN p.artist2 IS NULL THEN '' ELSE p.join_phrase END
       FROM album_plan p JOIN artists a1 ON a1.id = p.artist1
     UNION ALL
     SELECT p.album_id, 2, p.artist2, a2.name, ''
       FROM album_plan p JOIN artists a2 ON a2.id = p.artist2`,
  );
  await db.query('DROP TABLE album_plan');
}

/** The same number of tracks on every album, credited like their album, each with an ISRC. */
export async function loadTracks(db: ClientBase, scale: DatasetScale): Promise<void> {
  const perAlbum = scale.tracks / scale.albums;
  if (!Number.isInteger(perAlbum) || perAlbum < 1 || perAlbum > 99) throw new Error(`tracks (${scale.tracks}) must be 1..99 times albums (${scale.albums})`);
  await db.query(
    `INSERT INTO tracks (id, album_id, disc, position, position_label, title, artist_credit, duration_ms, isrc)
     OVERRIDING SYSTEM VALUE
     SELECT t, al.id, 1, x.p, x.p::text,
            bench.pick(v.title, 43, t) || CASE WHEN bench.u(44, t) < 0.6 THEN ' ' || bench.pick(v.title, 45, t) ELSE '' END,
            al.artist_credit,
            90000 + floor(bench.u(46, t) * 390000)::int,
            'QZMSE' || lpad(t::text, 7, '0')
       FROM generate_series(1, $1::int) t
      CROSS JOIN LATERAL (SELECT ((t - 1) % $2::int + 1)::smallint AS p, (t - 1) / $2::int + 1 AS album_id) x
       JOIN albums al ON al.id = x.album_id
      CROSS JOIN bench.vocab v`,
    [scale.tracks, perAlbum],
  );
}
