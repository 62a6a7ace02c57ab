import type { ClientBase } from 'pg';
import type { DatasetScale } from './dataset-scale';

/** Candidate likes drawn per like wanted; repeats of a (playlist, user) pair and owners' own likes are dropped. */
const LIKE_CANDIDATE_FACTOR = 1.3;

/**
 * Clones of popular public playlists, as the clone endpoint makes them: a private copy with the
 * source's entries (their adders and times kept), titled "... (copy)", crediting the source, and
 * a `playlist_clones` row counted on the source.
 */
export async function loadClones(db: ClientBase, scale: DatasetScale): Promise<void> {
  if (scale.playlistClones === 0) return;
  await db.query(
    `CREATE TEMP TABLE public_plan AS
     SELECT row_number() OVER (ORDER BY g) AS n, id, owner_id, created_at FROM bench.playlist_plan WHERE visibility = 'public' AND role = 'other'`,
  );
  await db.query(
    `CREATE TEMP TABLE clone_plan AS
     SELECT c.id AS clone_id, s.id AS source_id, c.user_id, c.created_at
       FROM generate_series(1, $1::int) g
      CROSS JOIN LATERAL (SELECT bench.skewed((SELECT count(*) FROM public_plan), 2.0, 140, g) AS n) pick
       JOIN public_plan s ON s.n = pick.n
      CROSS JOIN LATERAL (
        SELECT 1 + (hashint8extended(g, 141) & 2147483647) % $2::int AS user_id,
               date_trunc('milliseconds', s.created_at + (now() - s.created_at) * bench.u(142, g)) AS created_at,
               md5('clone' || g) AS h
      ) u
      CROSS JOIN LATERAL (
        SELECT (lpad(to_hex(floor(extract(epoch FROM u.created_at) * 1000)::bigint), 12, '0') || '7' || substr(u.h, 1, 3)
                 || substr('89ab', 1 + (g % 4)::int, 1) || substr(u.h, 4, 15))::uuid AS id, u.user_id, u.created_at
      ) c
      WHERE c.user_id <> s.owner_id`,
    [scale.playlistClones, scale.users],
  );
  await db.query(
    `INSERT INTO doc_playlists (id, owner_id, kind, visibility, title_search, created_at, updated_at, version, entry_count, doc, entries)
     SELECT c.clone_id, c.user_id::text, s.kind, 'private', s.title_search || ' copy', c.created_at, c.created_at, 1, s.entry_count,
            jsonb_build_object('title', left(s.doc->>'title' || ' (copy)', 200), 'description', s.doc->'description', 'ranked', s.doc->'ranked',
                               'linkToken', NULL, 'collaborators', '[]'::jsonb,
                               'clonedFrom', jsonb_build_object('id', s.id::text, 'ownerId', s.owner_id, 'title', s.doc->'title')),
            s.entries
       FROM clone_plan c JOIN doc_playlists s ON s.id = c.source_id
      ORDER BY c.clone_id`,
  );
  await db.query('INSERT INTO playlist_clones (clone_id, source_id, user_id, created_at) SELECT clone_id, source_id, user_id, created_at FROM clone_plan');
}

/**
 * Likes on public playlists with a heavy head (a few playlists collect most of them), 5 % of
 * them placed in the last week (with the likes of recent playlists, about 9 % land there) so
 * that "most liked this week" has a ranking, each after its playlist was made. The count trigger is skipped during the load (replica mode); the stats rows of every
 * liked or cloned playlist are then written by one aggregate query, as the triggers would have left them.
 */
export async function loadPlaylistLikes(db: ClientBase, scale: DatasetScale): Promise<void> {
  await db.query(
    `CREATE TEMP TABLE IF NOT EXISTS public_plan AS
     SELECT row_number() OVER (ORDER BY g) AS n, id, owner_id, created_at FROM bench.playlist_plan WHERE visibility = 'public' AND role = 'other'`,
  );
  await db.query(
    `INSERT INTO playlist_likes (playlist_id, user_id, created_at)
     SELECT * FROM (
     SELECT id, liker,
            date_trunc('milliseconds', CASE WHEN bench.u(152, g) < 0.05 THEN greatest(created_at, now() - bench.u(153, g) * interval '7 days')
                                            ELSE created_at + (now() - created_at) * bench.u(153, g) END)
       FROM (
         -- DISTINCT ON keeps the first candidate of each pair; the earliest candidates win.
         SELECT DISTINCT ON (p.id, liker) p.id, liker, p.created_at, g
           FROM generate_series(1, $1::int) g
          CROSS JOIN LATERAL (SELECT bench.skewed((SELECT count(*) FROM public_plan), 2.2, 150, g) AS n,
                                     bench.skewed($2, 1.2, 151, g) AS liker) pick
           JOIN public_plan p ON p.n = pick.n
          WHERE liker <> p.owner_id
          ORDER BY p.id, liker, g
       ) d
      ORDER BY g
      LIMIT $3
     ) l
     -- In key order the primary key grows at its right edge instead of splitting pages at random.
     ORDER BY id, liker`,
    [Math.ceil(scale.playlistLikes * LIKE_CANDIDATE_FACTOR), scale.users, scale.playlistLikes],
  );
  await db.query(
    `INSERT INTO playlist_stats (playlist_id, owner_id, like_count, clone_count)
     SELECT d.id, d.owner_id::bigint, coalesce(l.n, 0), coalesce(c.n, 0)
       FROM (SELECT playlist_id, count(*)::int AS n FROM playlist_likes GROUP BY playlist_id) l
       FULL JOIN (SELECT source_id AS playlist_id, count(*)::int AS n FROM playlist_clones GROUP BY source_id) c USING (playlist_id)
       JOIN doc_playlists d ON d.id = playlist_id
      ORDER BY d.id`,
  );
}
