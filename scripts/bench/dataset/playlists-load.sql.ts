import type { ClientBase } from 'pg';
import type { DatasetScale } from './dataset-scale';
import { ADDED_AT, ADDED_BY, RUN_CLASSES, runCount } from './playlist-entry-runs.sql';

/** Entries every playlist of the page scenario holds (DESIGN.md's "500-entry playlist page"). */
export const PAGE_PLAYLIST_ENTRIES = 500;

/** Folds a title the way the adapter's titleSearchText (foldText) does; checked against it on a sample after the load. */
const FOLDED_TITLE = `btrim(regexp_replace(regexp_replace(regexp_replace(muse_norm(title), '[&+]', ' and ', 'g'), '[.''’‘ʼ\`´]', '', 'g'), '[^[:alnum:]]+', ' ', 'g'))`;

const isoTime = (ts: string) => `to_char((${ts}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Plans every original playlist in `bench.playlist_plan`, one row per playlist in id order (so
 * the insert grows the primary key at its right edge), with its role:
 * - `add`: the first `playlistWriters` users in the order the bench signs users in each own
 *   `playlistsPerWriter` of them, for the add scenario to append to;
 * - `page`: `pagePlaylists` public playlists of exactly 500 entries, for the page scenario;
 * - `other`: the rest, owned by users with a heavy head (curators), mostly public, a few
 *   followers-only, shared with people, private or link-only; 15 % album lists.
 * Entry counts are lognormal around a median of 40 (up to 1,999), and 1 % hold 2,000 to 4,999
 * (below 2^RUN_CLASSES, the longest playlist the entry runs can make).
 */
export async function planPlaylists(db: ClientBase, scale: DatasetScale): Promise<void> {
  const writers = scale.playlistWriters * scale.playlistsPerWriter;
  const originals = scale.playlists - scale.playlistClones;
  if (writers + scale.pagePlaylists > originals) throw new Error(`${originals} playlists cannot hold ${writers} add targets and ${scale.pagePlaylists} pages`);
  await db.query(
    `CREATE TEMP TABLE writer AS
     SELECT row_number() OVER (ORDER BY hashint8(id)) AS r, id FROM users WHERE handle ~ '_[0-9]+$' ORDER BY hashint8(id) LIMIT $1`,
    [scale.playlistWriters],
  );
  await db.query(
    `CREATE UNLOGGED TABLE bench.playlist_plan AS
     SELECT g, id, owner_id, role, kind, visibility, title, ${FOLDED_TITLE} AS title_search, description, ranked, link_token,
            created_at, updated_at, n, 1 + (n + 9) / 10 AS version
       FROM (
         SELECT g, role, kind, visibility, created_at, updated_at, n,
                CASE WHEN role = 'add' THEN w.id ELSE bench.skewed($2, 1.3, 107, g) END AS owner_id,
                (lpad(to_hex(floor(extract(epoch FROM created_at) * 1000)::bigint), 12, '0') || '7' || substr(h, 1, 3)
                  || substr('89ab', 1 + (g % 4)::int, 1) || substr(h, 4, 15))::uuid AS id,
                bench.pick(v.title, 110, g)
                  || CASE WHEN bench.u(111, g) < 0.6 THEN ' ' || bench.pick(v.title, 112, g) ELSE '' END
                  || CASE WHEN t < 0.55 THEN '' WHEN t < 0.7 THEN ' Mix' WHEN t < 0.8 THEN ' Vol. ' || (2 + floor(bench.u(114, g) * 8))
                          WHEN t < 0.9 THEN ' (' || (1990 + floor(bench.u(114, g) * 36)) || ')' ELSE ' & Friends' END AS title,
                CASE WHEN bench.u(115, g) < 0.3 THEN bench.pick(v.sentence, 116, g) ELSE '' END AS description,
                kind = 'list' AND bench.u(117, g) < 0.5 AS ranked,
                CASE WHEN visibility = 'link' THEN translate(rtrim(encode(decode(md5('link' || g), 'hex'), 'base64'), '='), '+/', '-_') END AS link_token
           FROM (
             SELECT g, role, bench.u(113, g) AS t, md5('playlist' || g) AS h,
                    CASE WHEN role = 'page' THEN 'public'
                         WHEN x < 0.80 THEN 'public' WHEN x < 0.87 THEN 'followers' WHEN x < 0.89 THEN 'people'
                         WHEN x < 0.96 THEN 'private' ELSE 'link' END AS visibility,
                    CASE WHEN role = 'other' AND bench.u(106, g) < 0.15 THEN 'list' ELSE 'playlist' END AS kind,
                    CASE WHEN role = 'page' THEN ${PAGE_PLAYLIST_ENTRIES}
                         WHEN role = 'other' AND bench.u(103, g) < 0.01 THEN 2000 + floor(3000 * power(bench.u(104, g), 3))::int
                         ELSE least(1999, greatest(1, round(40 * exp(0.8 * z))))::int END AS n,
                    created_at,
                    date_trunc('milliseconds', created_at + (now() - created_at) * power(bench.u(109, g), 2)) AS updated_at
               FROM generate_series(1, $1::int) g
              CROSS JOIN LATERAL (
                SELECT CASE WHEN g <= $3 THEN 'add' WHEN g <= $3 + $4 THEN 'page' ELSE 'other' END AS role,
                       bench.u(105, g) AS x,
                       sqrt(-2 * ln(1 - bench.u(101, g))) * cos(2 * pi() * bench.u(102, g)) AS z,
                       date_trunc('milliseconds', now() - bench.u(108, g) * interval '1000 days') AS created_at
              ) r
           ) p
          CROSS JOIN bench.vocab v
          LEFT JOIN writer w ON p.role = 'add' AND w.r = (g - 1) % $5 + 1
       ) q
      ORDER BY id`,
    [originals, scale.users, writers, scale.pagePlaylists, scale.playlistWriters],
  );
}

/**
 * The entries of plan row `p` as one JSON array: for every bit c set in its size, a run of 2^c
 * entries of its kind, longest first, each run added at its own time between the playlist's
 * creation and last change, all by the owner.
 */
function entriesOf(scale: DatasetScale): string {
  const addedAt = isoTime(`p.created_at + (p.updated_at - p.created_at) * ((${RUN_CLASSES - 1} - b) / ${RUN_CLASSES - 1}.0)`);
  return `(SELECT ('[' || string_agg(replace(replace(r.body, '${ADDED_BY}', p.owner_id::text), '${ADDED_AT}', ${addedAt}), ', ' ORDER BY b DESC) || ']')::jsonb
             FROM generate_series(0, ${RUN_CLASSES - 1}) b
             JOIN bench.entry_run r ON r.kind = p.kind AND r.c = b AND r.n = 1 + floor(bench.u(127, p.g::bigint << 4 | b) * CASE WHEN p.kind = 'list' THEN ${runCount(scale, 'list', 'b')} ELSE ${runCount(scale, 'playlist', 'b')} END)::int
            WHERE (p.n >> b) & 1 = 1)`;
}

/**
 * Inserts the planned playlists whose `g % parts = part`, shaped exactly as the postgres adapter
 * writes them (postgres-playlist-rows.ts): filter columns, the small `doc`, and `entries` with a
 * snapshot of each catalog track or album. Parts can run on several connections at once.
 */
export async function insertPlannedPlaylists(db: ClientBase, scale: DatasetScale, part: number, parts: number): Promise<void> {
  await db.query(
    `INSERT INTO doc_playlists (id, owner_id, kind, visibility, title_search, created_at, updated_at, version, entry_count, doc, entries)
     SELECT p.id, p.owner_id::text, p.kind, p.visibility, p.title_search, p.created_at, p.updated_at, p.version, p.n,
            jsonb_build_object('title', p.title, 'description', p.description, 'ranked', p.ranked, 'linkToken', p.link_token,
                               'collaborators', '[]'::jsonb, 'clonedFrom', NULL),
            ${entriesOf(scale)}
       FROM bench.playlist_plan p
      WHERE p.g % $2 = $1`,
    [part, parts],
  );
}

/**
 * Playlists shared with `people` name up to three of the owner's followers (the only people
 * they may be shared with); an owner without followers shares with no one yet.
 */
export async function shareWithFollowers(db: ClientBase): Promise<void> {
  // One pass over the follows: their secondary indexes are not there yet during the load.
  await db.query(
    `UPDATE doc_playlists d SET shared_with = s.ids
       FROM (SELECT followee_id::text AS owner_id, (array_agg(follower_id::text ORDER BY hashint8(follower_id # followee_id)))[1:3] AS ids
               FROM follows GROUP BY followee_id) s
      WHERE d.visibility = 'people' AND d.owner_id = s.owner_id`,
  );
}

/** Which generated playlists the page and add scenarios use, kept after the build. */
export async function recordScenarioPlaylists(db: ClientBase): Promise<void> {
  await db.query(
    `CREATE TABLE bench.scenario_playlists (role text NOT NULL, id uuid PRIMARY KEY, owner_id bigint NOT NULL);
     INSERT INTO bench.scenario_playlists SELECT role, id, owner_id FROM bench.playlist_plan WHERE role IN ('add', 'page')`,
  );
}
