import type { Knex } from 'knex';

/**
 * Artists, albums and tracks, with search support: unaccent + pg_trgm for typo-tolerant
 * matching and a tsvector for full-text ranking.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE EXTENSION IF NOT EXISTS unaccent;

    -- unaccent() is only STABLE; indexes need an IMMUTABLE wrapper with a fixed dictionary.
    CREATE OR REPLACE FUNCTION muse_norm(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

    CREATE TABLE artists (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 500),
      sort_name text,
      discogs_id bigint UNIQUE,
      spotify_id text UNIQUE,
      apple_id text UNIQUE,
      search_name text GENERATED ALWAYS AS (muse_norm(name)) STORED,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX artists_search_trgm ON artists USING gin (search_name gin_trgm_ops);

    CREATE TABLE albums (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 1000),
      -- The credit as printed, join phrases included ("A feat. B & C").
      artist_credit text NOT NULL,
      release_date date,
      release_date_precision text CHECK (release_date_precision IN ('year', 'month', 'day')),
      release_year smallint,
      type text NOT NULL DEFAULT 'album' CHECK (type IN ('album', 'ep', 'single', 'compilation', 'live')),
      genres text[] NOT NULL DEFAULT '{}',
      styles text[] NOT NULL DEFAULT '{}',
      label text,
      catalog_number text,
      country text,
      upc text,
      cover_url text,
      spotify_id text UNIQUE,
      apple_id text UNIQUE,
      discogs_id bigint UNIQUE,
      discogs_master_id bigint,
      search_text text GENERATED ALWAYS AS (muse_norm(title || ' ' || artist_credit)) STORED,
      search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', muse_norm(title)), 'A') || setweight(to_tsvector('simple', muse_norm(artist_credit)), 'B')
      ) STORED,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((release_date IS NULL) = (release_date_precision IS NULL))
    );
    CREATE INDEX albums_search_trgm ON albums USING gin (search_text gin_trgm_ops);
    CREATE INDEX albums_search_fts ON albums USING gin (search_vector);
    CREATE INDEX albums_release_year_idx ON albums (release_year);
    CREATE INDEX albums_genres_idx ON albums USING gin (genres);
    CREATE INDEX albums_upc_idx ON albums (upc) WHERE upc IS NOT NULL;

    CREATE TABLE album_artists (
      album_id bigint NOT NULL REFERENCES albums (id) ON DELETE CASCADE,
      position smallint NOT NULL,
      artist_id bigint NOT NULL REFERENCES artists (id),
      credited_name text NOT NULL,
      join_phrase text NOT NULL DEFAULT '',
      PRIMARY KEY (album_id, position)
    );
    CREATE INDEX album_artists_artist_idx ON album_artists (artist_id);

    CREATE TABLE tracks (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      album_id bigint NOT NULL REFERENCES albums (id) ON DELETE CASCADE,
      disc smallint NOT NULL DEFAULT 1 CHECK (disc >= 1),
      position smallint NOT NULL CHECK (position >= 1),
      -- As printed on the release: "A1", "B2", "1-3".
      position_label text,
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 1000),
      artist_credit text NOT NULL,
      duration_ms integer CHECK (duration_ms IS NULL OR duration_ms > 0),
      isrc text CHECK (isrc IS NULL OR isrc ~ '^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$'),
      spotify_id text UNIQUE,
      apple_id text UNIQUE,
      search_text text GENERATED ALWAYS AS (muse_norm(title || ' ' || artist_credit)) STORED,
      UNIQUE (album_id, disc, position)
    );
    CREATE INDEX tracks_search_trgm ON tracks USING gin (search_text gin_trgm_ops);
    CREATE INDEX tracks_isrc_idx ON tracks (isrc) WHERE isrc IS NOT NULL;

    CREATE TABLE track_artists (
      track_id bigint NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
      position smallint NOT NULL,
      artist_id bigint NOT NULL REFERENCES artists (id),
      credited_name text NOT NULL,
      join_phrase text NOT NULL DEFAULT '',
      PRIMARY KEY (track_id, position)
    );
    CREATE INDEX track_artists_artist_idx ON track_artists (artist_id);

    -- Users are searchable too.
    CREATE INDEX users_handle_trgm ON users USING gin (muse_norm(handle || ' ' || display_name) gin_trgm_ops);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP INDEX IF EXISTS users_handle_trgm;
    DROP TABLE IF EXISTS track_artists, tracks, album_artists, albums, artists;
    DROP FUNCTION IF EXISTS muse_norm(text);
  `);
}
