import { ALL_COLUMNS, DOC_COLUMNS } from './postgres-playlist-rows';

/*
 * The playlist adapter's SQL. Each write is one UPDATE whose WHERE carries its conditions and
 * whose RETURNING gives the new document; parameters are numbered per statement.
 */

/** The part of every write's SET that marks it: the next version, and a last change that never goes back. */
const bump = (time: number) => `version = version + 1, updated_at = greatest(updated_at, $${time}::timestamptz)`;
/** The expected version, when the write carries one (SQL NULL: any version). */
const versionMatches = (p: number) => `($${p}::integer IS NULL OR version = $${p}::integer)`;
const HAS_ENTRY = `entries @> jsonb_build_array(jsonb_build_object('id', $2::text))`;
const ENTRY_FILTER = `jsonb_build_object('e', $2::text)`;
/** The first entries of a document, as many as the integer expression `n` says (at least 1); the rest never leaves the database. */
export const leading = (n: string) => `jsonb_path_query_array(entries, '$[0 to $k]', jsonb_build_object('k', ${n} - 1))`;
const withoutCollaborator = (p: number) =>
  `jsonb_path_query_array(coalesce(doc->'collaborators', '[]'::jsonb), '$[*] ? (@.userId != $u)', jsonb_build_object('u', $${p}::text))`;

/** A whole document, every entry included. */
export const GET = `SELECT ${ALL_COLUMNS} FROM doc_playlists WHERE id = $1`;
/** A document without its entries: the entries column is not even read. */
export const GET_WITHOUT_ENTRIES = `SELECT ${DOC_COLUMNS}, '[]'::jsonb AS entries FROM doc_playlists WHERE id = $1`;
/** A document with its first $2 entries only. */
export const GET_LEADING_ENTRIES = `SELECT ${DOC_COLUMNS}, ${leading('$2::integer')} AS entries FROM doc_playlists WHERE id = $1`;

/** The version and first $2 entries of each of the documents $1, for lists. */
export const LEADING_ENTRIES_OF = `SELECT id, version, ${leading('$2::integer')} AS entries FROM doc_playlists WHERE id = ANY ($1::uuid[])`;

/** A new document; a second create with the same owner and idempotency key inserts nothing. */
export const INSERT = `
  INSERT INTO doc_playlists (id, owner_id, kind, visibility, title_search, shared_with, idempotency_key, created_at, updated_at, version, entry_count, doc, entries)
  VALUES ($1, $2, $3, $4, $5, $6::text[], $7, $8, $8, 1, $9, $10::jsonb, $11::jsonb)
  ON CONFLICT (owner_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
  RETURNING ${ALL_COLUMNS}`;

/** The document an earlier create with this key made. */
export const BY_IDEMPOTENCY_KEY = `SELECT ${ALL_COLUMNS} FROM doc_playlists WHERE owner_id = $1 AND idempotency_key = $2`;

/** Owner edits: $2 merges into `doc`, NULL leaves a column as it is. */
export const UPDATE = `UPDATE doc_playlists
      SET doc = doc || $2::jsonb,
          title_search = coalesce($3::text, title_search),
          visibility = coalesce($4::text, visibility),
          shared_with = coalesce($5::text[], shared_with),
          ${bump(6)}
    WHERE id = $1 AND ${versionMatches(7)}
    RETURNING ${ALL_COLUMNS}`;

/** Entries appended, or inserted at $3, unless the result would pass the limit $6. */
export const ADD_ENTRIES = `UPDATE doc_playlists
      SET entries = CASE WHEN $3::integer IS NULL THEN entries || $2::jsonb ELSE muse_jsonb_array_insert(entries, $3::integer, $2::jsonb) END,
          entry_count = entry_count + $4::integer,
          ${bump(5)}
    WHERE id = $1 AND entry_count + $4::integer <= $6::integer
    RETURNING ${DOC_COLUMNS}, $2::jsonb AS entries`;

/** Every entry replaced by $2 ($3 of them), with $4 merged into `doc` and the title's search text $5 when the title changes. */
export const REPLACE_ENTRIES = `UPDATE doc_playlists
      SET entries = $2::jsonb,
          entry_count = $3::integer,
          doc = doc || $4::jsonb,
          title_search = coalesce($5::text, title_search),
          ${bump(6)}
    WHERE id = $1
    RETURNING ${ALL_COLUMNS}`;

/** One entry out, when it is there and the version matches. */
export const REMOVE_ENTRY = `UPDATE doc_playlists
      SET entries = jsonb_path_query_array(entries, '$[*] ? (@.id != $e)', ${ENTRY_FILTER}),
          entry_count = entry_count - 1,
          ${bump(4)}
    WHERE id = $1 AND ${versionMatches(3)} AND ${HAS_ENTRY}
    RETURNING ${ALL_COLUMNS}`;

/** One entry taken out of the others and put back before the one now at $3. */
export const MOVE_ENTRY = `UPDATE doc_playlists
      SET entries = muse_jsonb_array_insert(
            jsonb_path_query_array(entries, '$[*] ? (@.id != $e)', ${ENTRY_FILTER}),
            $3::integer,
            jsonb_path_query_array(entries, '$[*] ? (@.id == $e)', ${ENTRY_FILTER})),
          ${bump(5)}
    WHERE id = $1 AND ${versionMatches(4)} AND ${HAS_ENTRY}
    RETURNING ${ALL_COLUMNS}`;

/** One entry's note; $3 is the new note as JSON (JSON null clears it), or SQL NULL to leave it. */
export const UPDATE_ENTRY = `UPDATE doc_playlists
      SET entries = CASE WHEN $3::jsonb IS NULL THEN entries ELSE jsonb_set(
            entries,
            ARRAY[(SELECT (x.o - 1)::text FROM jsonb_array_elements(entries) WITH ORDINALITY AS x(e, o) WHERE x.e->>'id' = $2::text LIMIT 1), 'note'],
            $3::jsonb) END,
          ${bump(5)}
    WHERE id = $1 AND ${versionMatches(4)} AND ${HAS_ENTRY}
    RETURNING ${ALL_COLUMNS}`;

/** A new invitation, unless the user is already there or the limit $3 is reached. */
export const INVITE = `UPDATE doc_playlists
      SET doc = jsonb_set(doc, '{collaborators}', coalesce(doc->'collaborators', '[]'::jsonb)
                  || jsonb_build_array(jsonb_build_object('userId', $2::text, 'status', 'invited', 'invitedAt', $4::text))),
          invited_ids = array_append(invited_ids, $2::text),
          ${bump(5)}
    WHERE id = $1
      AND NOT ($2::text = ANY (collaborator_ids) OR $2::text = ANY (invited_ids))
      AND cardinality(collaborator_ids) + cardinality(invited_ids) < $3::integer
    RETURNING ${ALL_COLUMNS}`;

/** An invitation turned into an accepted collaboration. */
export const ACCEPT = `UPDATE doc_playlists
      SET doc = jsonb_set(doc, '{collaborators}', (
            SELECT jsonb_agg(CASE WHEN x.c->>'userId' = $2::text THEN jsonb_set(x.c, '{status}', '"accepted"') ELSE x.c END ORDER BY x.o)
              FROM jsonb_array_elements(doc->'collaborators') WITH ORDINALITY AS x(c, o))),
          invited_ids = array_remove(invited_ids, $2::text),
          collaborator_ids = array_append(collaborator_ids, $2::text),
          ${bump(3)}
    WHERE id = $1 AND $2::text = ANY (invited_ids)
    RETURNING ${ALL_COLUMNS}`;

/** A collaborator or an invitation withdrawn. */
export const REMOVE_COLLABORATOR = `UPDATE doc_playlists
      SET doc = jsonb_set(doc, '{collaborators}', ${withoutCollaborator(2)}),
          invited_ids = array_remove(invited_ids, $2::text),
          collaborator_ids = array_remove(collaborator_ids, $2::text),
          ${bump(3)}
    WHERE id = $1 AND ($2::text = ANY (collaborator_ids) OR $2::text = ANY (invited_ids))
    RETURNING ${ALL_COLUMNS}`;

/**
 * A deleted account out of every collaboration, invitation and share. Not an edit: the version
 * moves (a writer holding the old one must reload), the place in "recently updated" lists does not.
 */
export const FORGET_USER = `
  UPDATE doc_playlists
     SET doc = jsonb_set(doc, '{collaborators}', ${withoutCollaborator(1)}),
         invited_ids = array_remove(invited_ids, $1::text),
         collaborator_ids = array_remove(collaborator_ids, $1::text),
         shared_with = array_remove(shared_with, $1::text),
         version = version + 1
   WHERE collaborator_ids @> ARRAY[$1::text] OR invited_ids @> ARRAY[$1::text] OR shared_with @> ARRAY[$1::text]`;
