import type { Knex } from 'knex';

/**
 * Playlist documents for the postgres adapter of the document store
 * (server/src/docstore/postgres/postgres-playlists.repo.ts).
 *
 * What lists filter and sort by lives in columns: owner, kind, visibility, the folded title,
 * accepted and invited collaborators, the people a `people` playlist is shared with, the
 * idempotency key of a create, times, version and entry count. `doc` holds the rest of the
 * small part (title, description, ranked, link token, collaborators with their status, the
 * clone credit) and `entries` the ordered entries, in a column of their own: a list reads `doc`
 * without decompressing a 10,000-entry array, and an edit of the title does not rewrite it.
 *
 * Indexes follow what the playlists API asks: an owner's playlists by last change, discover by
 * visibility and creation, collaborations, invitations and shares through GIN on their arrays,
 * and title search through trigrams (pg_trgm, which the catalog migration installs) on the folded title.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(String.raw`
    CREATE TABLE doc_playlists (
      id uuid PRIMARY KEY,
      owner_id text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('playlist', 'list')),
      visibility text NOT NULL CHECK (visibility IN ('public', 'followers', 'people', 'private', 'link')),
      title_search text NOT NULL,
      collaborator_ids text[] NOT NULL DEFAULT '{}',
      invited_ids text[] NOT NULL DEFAULT '{}',
      shared_with text[] NOT NULL DEFAULT '{}',
      idempotency_key text,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      version integer NOT NULL CHECK (version >= 1),
      entry_count integer NOT NULL CHECK (entry_count >= 0),
      doc jsonb NOT NULL,
      entries jsonb NOT NULL CHECK (jsonb_typeof(entries) = 'array')
    );
    CREATE UNIQUE INDEX doc_playlists_idempotency_key ON doc_playlists (owner_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
    CREATE INDEX doc_playlists_owner_updated ON doc_playlists (owner_id, updated_at DESC, id DESC);
    CREATE INDEX doc_playlists_visibility_created ON doc_playlists (visibility, created_at DESC, id DESC);
    CREATE INDEX doc_playlists_collaborator_ids ON doc_playlists USING gin (collaborator_ids);
    CREATE INDEX doc_playlists_invited_ids ON doc_playlists USING gin (invited_ids);
    CREATE INDEX doc_playlists_shared_with ON doc_playlists USING gin (shared_with);
    CREATE INDEX doc_playlists_title_search ON doc_playlists USING gin (title_search gin_trgm_ops);

    -- The array with the elements of 'items' inserted before index 'pos', clamped to either end:
    -- one expression for adding at a position and for moving an entry.
    CREATE FUNCTION muse_jsonb_array_insert(arr jsonb, pos integer, items jsonb) RETURNS jsonb
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$
        SELECT jsonb_path_query_array(arr, '$[0 to $k]', jsonb_build_object('k', pos - 1))
            || items
            || jsonb_path_query_array(arr, '$[$k to last]', jsonb_build_object('k', greatest(pos, 0)))
      $$;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE IF EXISTS doc_playlists;
    DROP FUNCTION IF EXISTS muse_jsonb_array_insert(jsonb, integer, jsonb);
  `);
}
