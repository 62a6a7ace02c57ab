import type { Knex } from 'knex';

/**
 * The search's typo pass corrects misspelt words from a lexicon instead of comparing the query's
 * trigrams with every title. The lexicon holds each distinct word (3 to 40 letters, no digits)
 * of the normalised search text of albums, artists, tracks and users, as the full-text indexes
 * have them, filed under the word itself and each of its one-letter deletions: two words one
 * typo apart (a letter missing, extra, wrong, or two neighbours swapped) always share such a
 * variant, so a typo's corrections are a handful of btree probes, however large the lexicon.
 * The corrected words are then found through the full-text indexes, which is what makes the
 * typo pass cheap on half a million tracks.
 *
 * Triggers keep the lexicon up to date: a statement trigger with the inserted rows as a
 * transition table (one insert however many rows a seed adds), and a row trigger for updates
 * of the search text (a renamed user or album). Words are never removed: a word nothing uses
 * any more only makes the typo pass try a correction that finds nothing.
 *
 * Variants are inserted in sorted order, so two transactions adding overlapping words wait for
 * each other in the same order and cannot deadlock.
 */
const SOURCES = [
  ['albums', 'search_text'],
  ['artists', 'search_name'],
  ['tracks', 'search_text'],
  ['users', 'search_text'],
] as const;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(String.raw`
    CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

    CREATE TABLE search_word_variants (
      variant text NOT NULL,
      word text NOT NULL,
      PRIMARY KEY (variant, word)
    );

    -- The word and each string it becomes with one letter deleted.
    CREATE FUNCTION muse_word_variants(word text) RETURNS text[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$
        SELECT array_agg(DISTINCT v)
          FROM (SELECT word AS v UNION ALL SELECT overlay(word PLACING '' FROM i FOR 1) FROM generate_series(1, length(word)) i) x
      $$;

    -- The words of these texts worth correcting to, split as the full-text indexes split them.
    CREATE FUNCTION muse_lexicon_words(texts text[]) RETURNS SETOF text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$
        SELECT DISTINCT w FROM unnest(texts) t, unnest(tsvector_to_array(to_tsvector('simple', t))) w
         WHERE length(w) BETWEEN 3 AND 40 AND w !~ '[0-9]'
      $$;

    CREATE FUNCTION muse_add_search_words(texts text[]) RETURNS void
      LANGUAGE sql VOLATILE
      AS $$
        INSERT INTO search_word_variants (variant, word)
        SELECT v, w FROM muse_lexicon_words(texts) w, unnest(muse_word_variants(w)) v
         ORDER BY v, w
        ON CONFLICT DO NOTHING
      $$;

    -- TG_ARGV[0] names the table's normalised search text column.
    CREATE FUNCTION muse_learn_search_words() RETURNS trigger
      LANGUAGE plpgsql
      AS $$
      BEGIN
        IF TG_LEVEL = 'ROW' THEN
          PERFORM muse_add_search_words(ARRAY[to_jsonb(NEW) ->> TG_ARGV[0]]);
        ELSE
          EXECUTE format('SELECT muse_add_search_words(array_agg(%I)) FROM inserted', TG_ARGV[0]);
        END IF;
        RETURN NULL;
      END $$;

    -- Adds what the triggers would have (after a bulk load that skipped triggers).
    CREATE FUNCTION muse_refresh_search_words() RETURNS void
      LANGUAGE sql VOLATILE
      AS $$
        SELECT muse_add_search_words(array_agg(t))
          FROM (SELECT search_text AS t FROM albums UNION ALL SELECT search_name FROM artists
                UNION ALL SELECT search_text FROM tracks UNION ALL SELECT search_text FROM users) s
      $$;

    -- Edits between two words, counting a swap of neighbouring letters as one (Levenshtein counts two).
    CREATE FUNCTION muse_typo_edits(typed text, word text) RETURNS int
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$
        SELECT CASE WHEN length(word) = length(typed) AND EXISTS (
                      SELECT 1 FROM generate_series(1, length(typed) - 1) i
                       WHERE overlay(typed PLACING substr(typed, i + 1, 1) || substr(typed, i, 1) FROM i FOR 2) = word)
                    THEN 1 ELSE levenshtein(typed, word) END
      $$;

    /*
     * The query as a tsquery in which each word of 3 letters or more may also be one of the
     * lexicon words a typo away, the closest ones only (at most 5): one edit for 3 letters, up to
     * two from 4 letters, a swap of neighbours counting as one (so "bjrok" is "bjork" and not
     * also "brook", two edits away). Every typed word keeps its prefix match, so the last,
     * half-typed word still completes. NULL when the query has no words.
     */
    CREATE FUNCTION muse_typo_tsquery(query text) RETURNS tsquery
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
  `);
  for (const [table, column] of SOURCES) {
    await knex.raw(`
      CREATE TRIGGER ${table}_learn_search_words_insert AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION muse_learn_search_words('${column}');
      CREATE TRIGGER ${table}_learn_search_words_update AFTER UPDATE OF ${column} ON ${table}
        FOR EACH ROW WHEN (OLD.${column} IS DISTINCT FROM NEW.${column}) EXECUTE FUNCTION muse_learn_search_words('${column}');
    `);
  }
  await knex.raw('SELECT muse_refresh_search_words()');
  // The typo pass no longer reads these; albums keep theirs for the import matcher.
  await knex.raw('DROP INDEX tracks_search_trgm, artists_search_trgm, users_search_trgm');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE INDEX tracks_search_trgm ON tracks USING gin (search_text gin_trgm_ops);
    CREATE INDEX artists_search_trgm ON artists USING gin (search_name gin_trgm_ops);
    CREATE INDEX users_search_trgm ON users USING gin (search_text gin_trgm_ops);
  `);
  for (const [table] of SOURCES) {
    await knex.raw(`DROP TRIGGER ${table}_learn_search_words_insert ON ${table}; DROP TRIGGER ${table}_learn_search_words_update ON ${table};`);
  }
  await knex.raw(`
    DROP FUNCTION muse_typo_tsquery(text), muse_refresh_search_words(), muse_learn_search_words(), muse_add_search_words(text[]),
      muse_lexicon_words(text[]), muse_word_variants(text), muse_typo_edits(text, text);
    DROP TABLE search_word_variants;
  `);
}
