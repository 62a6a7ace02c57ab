import type { ClientBase } from 'pg';
import type { DatasetScale } from './dataset-scale';

/**
 * Playlists are assembled from runs of entries instead of entry by entry: a playlist of n
 * entries takes one run of 2^c entries for every bit c set in n (40 = 32 + 8), each drawn from a
 * pool of runs of that length. Generating tens of millions of entries one at a time costs
 * minutes; the runs are generated once, and a playlist only glues a few texts together. Runs
 * repeat across playlists, as albums and favourites do in real ones.
 */
export const RUN_CLASSES = 13;

/**
 * Snapshot-only entries (from files or services, matching no catalog track) are drawn from a pool
 * of this many, stored under negative ids beside the catalog tracks.
 */
export const LOOSE_ENTRY_POOL = 20_000;

// Each fragment is the tail of an entry's JSON text: everything after `{"id": ..., "addedBy": ...,
// "addedAt": ...,`. Gluing text and casting the whole array to jsonb once is several times faster
// than building every entry with jsonb functions. Strings go through to_json, which escapes them.
const json = (expr: string) => `coalesce(to_json(${expr})::text, 'null')`;
const serviceIds = (table: string) => `jsonb_strip_nulls(jsonb_build_object('spotify', ${table}.spotify_id, 'apple', ${table}.apple_id))::text`;

/**
 * Entries in the pool's runs of each length (so there are half as many runs of each next
 * length): `scale.playlists / 8` for playlists, a quarter of that for the fewer album lists.
 */
export function runsPerClass(scale: DatasetScale, kind: 'playlist' | 'list'): number {
  const runs = Math.max(kind === 'list' ? 256 : 1024, Math.round(scale.playlists / (kind === 'list' ? 32 : 8)));
  // Run numbers take 16 bits of the random source's row number.
  if (runs >= 1 << 16) throw new Error(`${runs} runs of one entry do not fit the generator's keys`);
  return runs;
}

/** How many runs of length 2^c the pool holds for playlists of `kind`, as an SQL expression of the integer `c`. */
export function runCount(scale: DatasetScale, kind: 'playlist' | 'list', c: string): string {
  return `((${runsPerClass(scale, kind)} + (1 << ${c}) - 1) >> ${c})`;
}

/**
 * Placeholders in a run's text for the playlist's owner and the time the run was added; the
 * insert replaces them. Control characters never occur in the generated text otherwise.
 */
export const ADDED_BY = '\u0001';
export const ADDED_AT = '\u0002';

/**
 * Builds `bench.entry_run`: for each kind (tracks for playlists, albums for lists) and each length
 * 2^c, the pool of runs as JSON text (entries separated by commas, no brackets). Entry snapshots
 * are exactly what the playlists service copies from the catalog when a track or album is added
 * (PlaylistCatalogRepo.tracks / .albums); 3 % of playlist entries are snapshot-only, as a file
 * import keeps a row it could not match; 15 % of list entries carry a note. Entry ids are unique
 * within a run, and the first of their 12 characters is the run's class, so they are unique
 * within a playlist too.
 */
export async function buildEntryRuns(db: ClientBase, scale: DatasetScale): Promise<void> {
  // key: one number per (class, run, position), the random source's row number.
  const key = '((c::bigint << 16 | n) << 13 | k)';
  const runs = (kind: 'playlist' | 'list') =>
    `generate_series(0, ${RUN_CLASSES - 1}) c CROSS JOIN LATERAL generate_series(1, ${runCount(scale, kind, 'c')}) n CROSS JOIN LATERAL generate_series(1, 1 << c) k`;
  // What each position of each run holds: a catalog track, a snapshot-only entry (negative), or an album.
  await db.query(
    `CREATE TEMP TABLE run_item AS
     SELECT 'playlist' AS kind, c, n, k,
            CASE WHEN bench.u(121, ${key}) < 0.03 THEN -(1 + floor(bench.u(122, ${key}) * ${Math.min(LOOSE_ENTRY_POOL, scale.tracks)})::bigint)
                 ELSE bench.skewed(${scale.tracks}, 1.5, 120, ${key}) END AS item
       FROM ${runs('playlist')}
     UNION ALL
     SELECT 'list', c, n, k, bench.skewed(${scale.albums}, 1.8, 123, ${key}) FROM ${runs('list')}`,
  );
  await buildFragments(db);
  const id = `lpad(to_hex(c::bigint << 44 | ((k::bigint * 1103515245 + (hashint8extended(c::bigint << 16 | n, 126) & 17592186044415)) & 17592186044415)), 12, '0')`;
  const head = `'{"id": "' || ${id} || '", "addedBy": "${ADDED_BY}", "addedAt": "${ADDED_AT}", '`;
  await db.query(
    `CREATE UNLOGGED TABLE bench.entry_run (kind text NOT NULL, c int NOT NULL, n int NOT NULL, body text NOT NULL, PRIMARY KEY (kind, c, n));
     ALTER TABLE bench.entry_run ALTER COLUMN body SET STORAGE EXTERNAL`,
  );
  await db.query(
    `INSERT INTO bench.entry_run (kind, c, n, body)
     SELECT 'playlist', c, n, string_agg(${head} || f.frag, ', ' ORDER BY k)
       FROM run_item i JOIN track_entry f ON f.id = i.item
      WHERE i.kind = 'playlist'
      GROUP BY c, n`,
  );
  await db.query(
    `INSERT INTO bench.entry_run (kind, c, n, body)
     SELECT 'list', c, n, string_agg(${head} || f.frag || ', "note": '
              || CASE WHEN bench.u(124, ${key}) < 0.15 THEN to_json(bench.pick(v.sentence, 125, ${key}))::text ELSE 'null' END || '}', ', ' ORDER BY k)
       FROM run_item i JOIN album_entry f ON f.id = i.item
      CROSS JOIN bench.vocab v
      WHERE i.kind = 'list'
      GROUP BY c, n`,
  );
  await db.query('DROP TABLE run_item, track_entry, album_entry');
}

/** The runs are only needed while the playlists are generated. */
export async function dropEntryRuns(db: ClientBase): Promise<void> {
  await db.query('DROP TABLE bench.entry_run');
}

/**
 * `track_entry` (a fragment for each catalog track the runs hold, and each snapshot-only entry
 * under its negative number) and `album_entry` (for each album they hold, without the note,
 * which list entries add), as temporary tables.
 */
async function buildFragments(db: ClientBase): Promise<void> {
  await db.query(
    `CREATE TEMP TABLE track_entry (id bigint PRIMARY KEY, frag text NOT NULL);
     CREATE TEMP TABLE album_entry (id bigint PRIMARY KEY, frag text NOT NULL)`,
  );
  await db.query(
    `INSERT INTO track_entry (id, frag)
     SELECT t.id,
            '"trackId": "' || t.id || '", "albumId": "' || t.album_id || '", "snapshot": {"title": ' || ${json('t.title')}
              || ', "artists": ' || ${json(`COALESCE((SELECT array_agg(ta.credited_name ORDER BY ta.position) FROM track_artists ta WHERE ta.track_id = t.id), ARRAY[t.artist_credit])`)}
              || ', "album": ' || ${json('a.title')} || ', "durationMs": ' || ${json('t.duration_ms')} || ', "isrc": ' || ${json('t.isrc')}
              || ', "releaseYear": ' || ${json('a.release_year')} || ', "coverUrl": ' || ${json('a.cover_url')}
              || '}, "serviceIds": ' || ${serviceIds('t')} || ', "note": null}'
       FROM tracks t JOIN albums a ON a.id = t.album_id
      WHERE t.id IN (SELECT item FROM run_item WHERE kind = 'playlist' AND item > 0)`,
  );
  // What a file import keeps for a row it could not match: the file's own fields and a service id.
  await db.query(
    `INSERT INTO track_entry (id, frag)
     SELECT -n,
            '"trackId": null, "albumId": null, "snapshot": {"title": ' || ${json(`bench.pick(v.title, 130, n) || ' ' || bench.pick(v.title, 131, n)`)}
              || ', "artists": ' || ${json(`ARRAY[bench.pick(v.first, 132, n) || ' ' || bench.pick(v.last, 133, n)]`)}
              || ', "album": ' || ${json(`bench.pick(v.title, 134, n)`)} || ', "durationMs": ' || (90000 + floor(bench.u(135, n) * 390000)::int)
              || '}, "serviceIds": {"spotify": "' || substr(md5('spotify' || n), 1, 22) || '"}, "note": null}'
       FROM (SELECT DISTINCT -item AS n FROM run_item WHERE kind = 'playlist' AND item < 0) l CROSS JOIN bench.vocab v`,
  );
  await db.query(
    `INSERT INTO album_entry (id, frag)
     SELECT a.id,
            '"trackId": null, "albumId": "' || a.id || '", "snapshot": {"title": ' || ${json('a.title')}
              || ', "artists": ' || ${json(`COALESCE((SELECT array_agg(aa.credited_name ORDER BY aa.position) FROM album_artists aa WHERE aa.album_id = a.id), ARRAY[a.artist_credit])`)}
              || ', "releaseYear": ' || ${json('a.release_year')} || ', "upc": ' || ${json('a.upc')} || ', "coverUrl": ' || ${json('a.cover_url')}
              || '}, "serviceIds": ' || ${serviceIds('a')}
       FROM albums a
      WHERE a.id IN (SELECT item FROM run_item WHERE kind = 'list')`,
  );
  await db.query('ANALYZE run_item; ANALYZE track_entry; ANALYZE album_entry');
}
