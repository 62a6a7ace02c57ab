import type { Knex } from 'knex';

/**
 * Search quality (see features/search/search.repo.ts):
 *
 * - Albums are found by their artists' own names as well as by the credit printed on them, which
 *   may differ ("Lisa Shaw" credited as "Li'sha", "DJ Romain" as "Romain"): `albums.artist_names`
 *   holds the names of the credited artists, kept by triggers on album_artists (the credits) and
 *   on artists (a renamed artist), and the album's search_vector carries them at weight C.
 * - muse_refresh_search_words(), which a bulk load that skipped triggers calls, also refills
 *   those names.
 * - The typo pass (muse_typo_tsquery) corrects a word jointly with the others: up to 30 of its
 *   closest lexicon words (the alphabetical cap of 5 often left the right one out), the
 *   full-text index keeping those that go with the rest of the query. Hyphenated compounds
 *   ("sven-ingvars") are left to their parts, which the parser also emits, so "Sven-Ingvars"
 *   finds "Sven Ingvars".
 */
const OLD_VECTOR = `setweight(to_tsvector('simple', muse_norm(title)), 'A') || setweight(to_tsvector('simple', muse_norm(artist_credit)), 'B')`;
const NEW_VECTOR = `${OLD_VECTOR} || setweight(to_tsvector('simple', muse_norm(artist_names)), 'C')`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(String.raw`
    ALTER TABLE albums ADD COLUMN artist_names text NOT NULL DEFAULT '';

    -- Sets artist_names of these albums (all albums when NULL) from their credits, touching only rows that change.
    CREATE FUNCTION muse_refresh_album_artist_names(album_ids bigint[]) RETURNS void
      LANGUAGE sql VOLATILE
      AS $$
        UPDATE albums a SET artist_names = n.names
          FROM (SELECT al.id, coalesce((SELECT string_agg(ar.name, ' ' ORDER BY aa.position)
                                          FROM album_artists aa JOIN artists ar ON ar.id = aa.artist_id
                                         WHERE aa.album_id = al.id), '') AS names
                  FROM albums al
                 WHERE album_ids IS NULL OR al.id = ANY (album_ids)) n
         WHERE a.id = n.id AND a.artist_names IS DISTINCT FROM n.names
      $$;

    -- One refresh per statement, however many credits a seed batch writes.
    CREATE FUNCTION muse_album_credits_changed() RETURNS trigger
      LANGUAGE plpgsql
      AS $$
      BEGIN
        PERFORM muse_refresh_album_artist_names(ARRAY(SELECT DISTINCT album_id FROM changed ORDER BY 1));
        RETURN NULL;
      END $$;

    CREATE FUNCTION muse_artist_renamed() RETURNS trigger
      LANGUAGE plpgsql
      AS $$
      BEGIN
        PERFORM muse_refresh_album_artist_names(ARRAY(SELECT album_id FROM album_artists WHERE artist_id = NEW.id ORDER BY 1));
        RETURN NULL;
      END $$;

    CREATE TRIGGER album_artists_names_insert AFTER INSERT ON album_artists
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION muse_album_credits_changed();
    CREATE TRIGGER album_artists_names_update AFTER UPDATE ON album_artists
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION muse_album_credits_changed();
    CREATE TRIGGER album_artists_names_delete AFTER DELETE ON album_artists
      REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION muse_album_credits_changed();
    CREATE TRIGGER artists_names_rename AFTER UPDATE OF name ON artists
      FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION muse_artist_renamed();

    SELECT muse_refresh_album_artist_names(NULL);

    ALTER TABLE albums DROP COLUMN search_vector;
    ALTER TABLE albums ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (${NEW_VECTOR}) STORED;
    CREATE INDEX albums_search_fts ON albums USING gin (search_vector);

    CREATE OR REPLACE FUNCTION muse_refresh_search_words() RETURNS void
      LANGUAGE sql VOLATILE
      AS $$
        SELECT muse_refresh_album_artist_names(NULL);
        SELECT muse_add_search_words(array_agg(t))
          FROM (SELECT search_text AS t FROM albums UNION ALL SELECT search_name FROM artists
                UNION ALL SELECT search_text FROM tracks UNION ALL SELECT search_text FROM users) s
      $$;

    /*
     * The query as a tsquery that also matches it with a typo corrected, at most 30 of the
     * closest lexicon words standing in for a word (one edit for 3 letters, up to two from 4, a
     * swap of neighbours counting as one), the full-text index then keeping the corrections that
     * go with the rest of the query. Words the lexicon does not know are the typos: the other
     * words are taken as typed. When it knows every word (the typo made another real word), each
     * word in turn is corrected with the others as typed. Typed words stay prefixes, so the
     * last, half-typed word still completes. NULL when the query has no words.
     */
    CREATE OR REPLACE FUNCTION muse_typo_tsquery(query text) RETURNS tsquery
      LANGUAGE sql STABLE PARALLEL SAFE
      AS $$
        WITH typed AS (
          SELECT t.word, t.ord, '''' || replace(replace(t.word, '\', '\\'), '''', '''''') || ''':*' AS term,
                 -- Only words the lexicon could hold (3 to 40 letters, no digits) can be unknown to it.
                 length(t.word) BETWEEN 3 AND 40 AND t.word !~ '[0-9]'
                   AND NOT EXISTS (SELECT 1 FROM search_word_variants v WHERE v.variant = t.word AND v.word = t.word) AS unknown
            FROM unnest(tsvector_to_array(to_tsvector('simple', query))) WITH ORDINALITY AS t(word, ord)
           WHERE t.word !~ '.-.'
        ),
        query_has AS (SELECT bool_or(unknown) AS unknown FROM typed),
        corrected AS (
          SELECT typed.ord, typed.term, typed.term || coalesce((
                   SELECT string_agg(' | ''' || replace(replace(best.word, '\', '\\'), '''', '''''') || '''', '' ORDER BY best.word)
                     FROM (SELECT c.word
                             FROM (SELECT near.word, e.edits, min(e.edits) OVER () AS fewest
                                     FROM (SELECT DISTINCT word FROM search_word_variants
                                            WHERE length(typed.word) >= 3 AND (typed.unknown OR NOT query_has.unknown)
                                              AND variant = ANY (muse_word_variants(typed.word)) AND word <> typed.word) near
                                    CROSS JOIN LATERAL (SELECT muse_typo_edits(typed.word, near.word) AS edits) e) c
                            WHERE c.edits = c.fewest AND c.edits <= CASE WHEN length(typed.word) >= 4 THEN 2 ELSE 1 END
                            ORDER BY c.word
                            LIMIT 30) best), '') AS alternatives
            FROM typed CROSS JOIN query_has
        )
        SELECT to_tsquery('simple', CASE WHEN (SELECT unknown FROM query_has)
          THEN (SELECT string_agg('(' || alternatives || ')', ' & ' ORDER BY ord) FROM corrected)
          ELSE (SELECT string_agg('((' || c.alternatives || ')' || coalesce(' & ' || (SELECT string_agg(o.term, ' & ' ORDER BY o.ord) FROM corrected o WHERE o.ord <> c.ord), '') || ')',
                                  ' | ' ORDER BY c.ord)
                  FROM corrected c)
        END)
      $$;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(String.raw`
    CREATE OR REPLACE FUNCTION muse_typo_tsquery(query text) RETURNS tsquery
      LANGUAGE sql STABLE PARALLEL SAFE
      AS $$
        SELECT to_tsquery('simple', string_agg('(' || alternatives || ')', ' & '))
          FROM unnest(tsvector_to_array(to_tsvector('simple', query))) AS typed(word)
         CROSS JOIN LATERAL (
           SELECT string_agg('''' || replace(replace(w, '\', '\\'), '''', '''''') || '''' || suffix, ' | ') AS alternatives
             FROM (
               SELECT typed.word AS w, ':*' AS suffix
               UNION ALL
               (SELECT c.word, ''
                  FROM (SELECT near.word, e.edits, min(e.edits) OVER () AS fewest
                          FROM (SELECT DISTINCT word FROM search_word_variants
                                 WHERE length(typed.word) >= 3 AND variant = ANY (muse_word_variants(typed.word)) AND word <> typed.word) near
                         CROSS JOIN LATERAL (SELECT muse_typo_edits(typed.word, near.word) AS edits) e) c
                 WHERE c.edits = c.fewest AND c.edits <= CASE WHEN length(typed.word) >= 4 THEN 2 ELSE 1 END
                 ORDER BY c.word
                 LIMIT 5)
             ) candidates
         ) corrected
      $$;

    CREATE OR REPLACE FUNCTION muse_refresh_search_words() RETURNS void
      LANGUAGE sql VOLATILE
      AS $$
        SELECT muse_add_search_words(array_agg(t))
          FROM (SELECT search_text AS t FROM albums UNION ALL SELECT search_name FROM artists
                UNION ALL SELECT search_text FROM tracks UNION ALL SELECT search_text FROM users) s
      $$;

    ALTER TABLE albums DROP COLUMN search_vector;
    ALTER TABLE albums ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (${OLD_VECTOR}) STORED;
    CREATE INDEX albums_search_fts ON albums USING gin (search_vector);

    DROP TRIGGER album_artists_names_insert ON album_artists;
    DROP TRIGGER album_artists_names_update ON album_artists;
    DROP TRIGGER album_artists_names_delete ON album_artists;
    DROP TRIGGER artists_names_rename ON artists;
    DROP FUNCTION muse_album_credits_changed(), muse_artist_renamed(), muse_refresh_album_artist_names(bigint[]);
    ALTER TABLE albums DROP COLUMN artist_names;
  `);
}
