import type { Knex } from 'knex';
import { preparedQuery } from '../../db/prepared';
import {
  buildPlaylist,
  checkCollaboratorLimit,
  checkEntries,
  clampPosition,
  distinct,
  explainRefusal,
  filterCanMatch,
  isPlaylistId,
  leadingEntries,
  listLimit,
  titleQueryWords,
  titleSearchText,
  validAfter,
} from '../playlist-input';
import type {
  EntryPatch,
  NewPlaylist,
  PlaylistDocument,
  PlaylistFilter,
  PlaylistListOptions,
  PlaylistPatch,
  PlaylistRepository,
  PlaylistWrite,
  StoredEntry,
} from '../playlist-store.port';
import { ALL_COLUMNS, DOC_COLUMNS, docJson, entriesJson, pgQuery, toPlaylistDocument, type PlaylistRow } from './postgres-playlist-rows';

/** The part of every write's SET that marks it: the next version, and a last change that never goes back. */
const bump = (time: number) => `version = version + 1, updated_at = greatest(updated_at, $${time}::timestamptz)`;
/** The expected version, when the write carries one (SQL NULL: any version). */
const versionMatches = (p: number) => `($${p}::integer IS NULL OR version = $${p}::integer)`;
const HAS_ENTRY = `entries @> jsonb_build_array(jsonb_build_object('id', $2::text))`;
const ENTRY_FILTER = `jsonb_build_object('e', $2::text)`;
/** The first entries of a document, as many as the integer expression `n` says (at least 1); the rest never leaves the database. */
const leading = (n: string) => `jsonb_path_query_array(entries, '$[0 to $k]', jsonb_build_object('k', ${n} - 1))`;
const withoutCollaborator = (p: number) =>
  `jsonb_path_query_array(coalesce(doc->'collaborators', '[]'::jsonb), '$[*] ? (@.userId != $u)', jsonb_build_object('u', $${p}::text))`;

const GET = `SELECT ${ALL_COLUMNS} FROM doc_playlists WHERE id = $1`;
const GET_WITHOUT_ENTRIES = `SELECT ${DOC_COLUMNS}, '[]'::jsonb AS entries FROM doc_playlists WHERE id = $1`;
const GET_LEADING_ENTRIES = `SELECT ${DOC_COLUMNS}, ${leading('$2::integer')} AS entries FROM doc_playlists WHERE id = $1`;

const INSERT = `
  INSERT INTO doc_playlists (id, owner_id, kind, visibility, title_search, shared_with, idempotency_key, created_at, updated_at, version, entry_count, doc, entries)
  VALUES ($1, $2, $3, $4, $5, $6::text[], $7, $8, $8, 1, $9, $10::jsonb, $11::jsonb)
  ON CONFLICT (owner_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
  RETURNING ${ALL_COLUMNS}`;

const BY_IDEMPOTENCY_KEY = `SELECT ${ALL_COLUMNS} FROM doc_playlists WHERE owner_id = $1 AND idempotency_key = $2`;

const UPDATE = `UPDATE doc_playlists
      SET doc = doc || $2::jsonb,
          title_search = coalesce($3::text, title_search),
          visibility = coalesce($4::text, visibility),
          shared_with = coalesce($5::text[], shared_with),
          ${bump(6)}
    WHERE id = $1 AND ${versionMatches(7)}
    RETURNING ${ALL_COLUMNS}`;

const ADD_ENTRIES = `UPDATE doc_playlists
      SET entries = CASE WHEN $3::integer IS NULL THEN entries || $2::jsonb ELSE muse_jsonb_array_insert(entries, $3::integer, $2::jsonb) END,
          entry_count = entry_count + $4::integer,
          ${bump(5)}
    WHERE id = $1 AND entry_count + $4::integer <= $6::integer
    RETURNING ${ALL_COLUMNS}`;

const REMOVE_ENTRY = `UPDATE doc_playlists
      SET entries = jsonb_path_query_array(entries, '$[*] ? (@.id != $e)', ${ENTRY_FILTER}),
          entry_count = entry_count - 1,
          ${bump(4)}
    WHERE id = $1 AND ${versionMatches(3)} AND ${HAS_ENTRY}
    RETURNING ${ALL_COLUMNS}`;

const MOVE_ENTRY = `UPDATE doc_playlists
      SET entries = muse_jsonb_array_insert(
            jsonb_path_query_array(entries, '$[*] ? (@.id != $e)', ${ENTRY_FILTER}),
            $3::integer,
            jsonb_path_query_array(entries, '$[*] ? (@.id == $e)', ${ENTRY_FILTER})),
          ${bump(5)}
    WHERE id = $1 AND ${versionMatches(4)} AND ${HAS_ENTRY}
    RETURNING ${ALL_COLUMNS}`;

// $3 is the new note as JSON (JSON null clears it), or SQL NULL to leave it.
const UPDATE_ENTRY = `UPDATE doc_playlists
      SET entries = CASE WHEN $3::jsonb IS NULL THEN entries ELSE jsonb_set(
            entries,
            ARRAY[(SELECT (x.o - 1)::text FROM jsonb_array_elements(entries) WITH ORDINALITY AS x(e, o) WHERE x.e->>'id' = $2::text LIMIT 1), 'note'],
            $3::jsonb) END,
          ${bump(5)}
    WHERE id = $1 AND ${versionMatches(4)} AND ${HAS_ENTRY}
    RETURNING ${ALL_COLUMNS}`;

const INVITE = `UPDATE doc_playlists
      SET doc = jsonb_set(doc, '{collaborators}', coalesce(doc->'collaborators', '[]'::jsonb)
                  || jsonb_build_array(jsonb_build_object('userId', $2::text, 'status', 'invited', 'invitedAt', $4::text))),
          invited_ids = array_append(invited_ids, $2::text),
          ${bump(5)}
    WHERE id = $1
      AND NOT ($2::text = ANY (collaborator_ids) OR $2::text = ANY (invited_ids))
      AND cardinality(collaborator_ids) + cardinality(invited_ids) < $3::integer
    RETURNING ${ALL_COLUMNS}`;

const ACCEPT = `UPDATE doc_playlists
      SET doc = jsonb_set(doc, '{collaborators}', (
            SELECT jsonb_agg(CASE WHEN x.c->>'userId' = $2::text THEN jsonb_set(x.c, '{status}', '"accepted"') ELSE x.c END ORDER BY x.o)
              FROM jsonb_array_elements(doc->'collaborators') WITH ORDINALITY AS x(c, o))),
          invited_ids = array_remove(invited_ids, $2::text),
          collaborator_ids = array_append(collaborator_ids, $2::text),
          ${bump(3)}
    WHERE id = $1 AND $2::text = ANY (invited_ids)
    RETURNING ${ALL_COLUMNS}`;

const REMOVE_COLLABORATOR = `UPDATE doc_playlists
      SET doc = jsonb_set(doc, '{collaborators}', ${withoutCollaborator(2)}),
          invited_ids = array_remove(invited_ids, $2::text),
          collaborator_ids = array_remove(collaborator_ids, $2::text),
          ${bump(3)}
    WHERE id = $1 AND ($2::text = ANY (collaborator_ids) OR $2::text = ANY (invited_ids))
    RETURNING ${ALL_COLUMNS}`;

// Someone else's account going away changes the document but is not an edit: the version moves
// (a writer holding the old one must reload), the place in "recently updated" lists does not.
const FORGET_USER = `
  UPDATE doc_playlists
     SET doc = jsonb_set(doc, '{collaborators}', ${withoutCollaborator(1)}),
         invited_ids = array_remove(invited_ids, $1::text),
         collaborator_ids = array_remove(collaborator_ids, $1::text),
         shared_with = array_remove(shared_with, $1::text),
         version = version + 1
   WHERE collaborator_ids @> ARRAY[$1::text] OR invited_ids @> ARRAY[$1::text] OR shared_with @> ARRAY[$1::text]`;

/**
 * Playlists in `doc_playlists`: small fields in columns and `doc`, the ordered entries in `entries`.
 * Every write is one UPDATE whose WHERE carries its conditions (version, entry limit, entry
 * present), so the row lock orders concurrent writers and each applies to what the one before
 * it left: two adders both keep their entries, and a stale version matches no row.
 */
export class PostgresPlaylistRepository implements PlaylistRepository {
  constructor(
    private readonly knex: Knex,
    readonly maxEntries: number,
  ) {}

  async create(input: NewPlaylist): Promise<{ doc: PlaylistDocument; created: boolean }> {
    const doc = buildPlaylist(input, this.maxEntries);
    const key = input.idempotencyKey ?? null;
    const values = [
      doc.id,
      doc.ownerId,
      doc.kind,
      doc.visibility,
      titleSearchText(doc.title),
      doc.sharedWith,
      key,
      doc.createdAt,
      doc.entryCount,
      JSON.stringify(docJson(doc)),
      JSON.stringify(entriesJson(doc.entries)),
    ];
    // A create that loses the race for its key reads the winner; should the winner be deleted
    // in between, the key is free again and the second round inserts.
    for (let round = 0; round < 3; round++) {
      const [inserted] = await this.query(INSERT, values, 'doc_playlists_insert');
      if (inserted) return { doc: toPlaylistDocument(inserted), created: true };
      const [existing] = await this.query(BY_IDEMPOTENCY_KEY, [doc.ownerId, key], 'doc_playlists_by_key');
      if (existing) return { doc: toPlaylistDocument(existing), created: false };
    }
    throw new Error(`playlist create for key ${key} kept conflicting with a playlist that was deleted`);
  }

  async get(id: string, options: { entries?: number } = {}): Promise<PlaylistDocument | null> {
    if (!isPlaylistId(id)) return null;
    const n = options.entries === undefined ? null : leadingEntries(options.entries, this.maxEntries);
    const [row] =
      n === null
        ? await this.query(GET, [id], 'doc_playlists_get')
        : n === 0
          ? await this.query(GET_WITHOUT_ENTRIES, [id], 'doc_playlists_get_without_entries')
          : await this.query(GET_LEADING_ENTRIES, [id, n], 'doc_playlists_get_leading_entries');
    return row ? toPlaylistDocument(row) : null;
  }

  async list(filter: PlaylistFilter, options: PlaylistListOptions): Promise<PlaylistDocument[]> {
    if (!filterCanMatch(filter)) return [];
    const values: unknown[] = [];
    const param = (value: unknown, type: string) => {
      values.push(value);
      return `$${values.length}::${type}`;
    };
    const where: string[] = [];
    // One value is compared with `=`, not `= ANY`: only then can the planner read the index in sort order.
    const anyOf = (column: string, values: string[], type: string) =>
      values.length === 1 ? `${column} = ${param(values[0], type)}` : `${column} = ANY (${param(values, `${type}[]`)})`;
    if (filter.ids) where.push(anyOf('id', filter.ids.filter(isPlaylistId), 'uuid'));
    if (filter.ownerIds) where.push(anyOf('owner_id', distinct(filter.ownerIds), 'text'));
    if (filter.kind) where.push(`kind = ${param(filter.kind, 'text')}`);
    if (filter.visibilities) where.push(anyOf('visibility', distinct(filter.visibilities), 'text'));
    if (filter.collaborator !== undefined) where.push(`collaborator_ids @> ARRAY[${param(filter.collaborator, 'text')}]`);
    if (filter.invited !== undefined) where.push(`invited_ids @> ARRAY[${param(filter.invited, 'text')}]`);
    if (filter.sharedWith !== undefined) where.push(`visibility = 'people' AND shared_with @> ARRAY[${param(filter.sharedWith, 'text')}]`);
    for (const word of titleQueryWords(filter.titleQuery ?? '')) where.push(`title_search LIKE ${param(`%${escapeLike(word)}%`, 'text')}`);
    const at = options.sort === 'created' ? 'created_at' : 'updated_at';
    const after = validAfter(options.after);
    if (after) where.push(`(${at}, id) < (${param(after.at, 'timestamptz')}, ${param(after.id, 'uuid')})`);
    const n = leadingEntries(options.entries, this.maxEntries);
    // Only the first n entries leave the database; with none asked, the entries column is not read at all.
    const entries = n > 0 ? leading(param(n, 'integer')) : `'[]'::jsonb`;
    const text = `SELECT ${DOC_COLUMNS}, ${entries} AS entries FROM doc_playlists
                  ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                  ORDER BY ${at} DESC, id DESC LIMIT ${listLimit(options.limit)}`;
    const rows = await pgQuery<PlaylistRow>(this.knex, text, values);
    return rows.map(toPlaylistDocument);
  }

  async update(id: string, patch: PlaylistPatch, expectedVersion?: number): Promise<PlaylistWrite> {
    if (!isPlaylistId(id)) return { status: 'not_found' };
    const docPatch: Record<string, unknown> = {};
    for (const key of ['title', 'description', 'ranked', 'linkToken'] as const) if (patch[key] !== undefined) docPatch[key] = patch[key];
    const values = [
      id,
      JSON.stringify(docPatch),
      patch.title !== undefined ? titleSearchText(patch.title) : null,
      patch.visibility ?? null,
      patch.sharedWith ? distinct(patch.sharedWith) : null,
      new Date(),
      expectedVersion ?? null,
    ];
    // Only a missing document or a stale version stops an update.
    return this.write(id, UPDATE, values, 'doc_playlists_update', (current) => (current ? { status: 'conflict', doc: current } : { status: 'not_found' }));
  }

  async addEntries(id: string, entries: StoredEntry[], position?: number): Promise<PlaylistWrite> {
    checkEntries(entries);
    if (!isPlaylistId(id)) return { status: 'not_found' };
    if (entries.length === 0) return this.unchanged(id);
    const at = position === undefined ? null : clampPosition(position, this.maxEntries);
    const values = [id, JSON.stringify(entriesJson(entries)), at, entries.length, new Date(), this.maxEntries];
    return this.write(id, ADD_ENTRIES, values, 'doc_playlists_add_entries', (current) => explainRefusal(current, undefined, 'full'));
  }

  async removeEntry(id: string, entryId: string, expectedVersion?: number): Promise<PlaylistWrite> {
    if (!isPlaylistId(id)) return { status: 'not_found' };
    const values = [id, entryId, expectedVersion ?? null, new Date()];
    return this.write(id, REMOVE_ENTRY, values, 'doc_playlists_remove_entry', (current) => explainRefusal(current, expectedVersion, 'entry_not_found'));
  }

  async moveEntry(id: string, entryId: string, position: number, expectedVersion?: number): Promise<PlaylistWrite> {
    if (!isPlaylistId(id)) return { status: 'not_found' };
    const values = [id, entryId, clampPosition(position, this.maxEntries), expectedVersion ?? null, new Date()];
    return this.write(id, MOVE_ENTRY, values, 'doc_playlists_move_entry', (current) => explainRefusal(current, expectedVersion, 'entry_not_found'));
  }

  async updateEntry(id: string, entryId: string, patch: EntryPatch, expectedVersion?: number): Promise<PlaylistWrite> {
    if (!isPlaylistId(id)) return { status: 'not_found' };
    const note = patch.note === undefined ? null : JSON.stringify(patch.note);
    const values = [id, entryId, note, expectedVersion ?? null, new Date()];
    return this.write(id, UPDATE_ENTRY, values, 'doc_playlists_update_entry', (current) => explainRefusal(current, expectedVersion, 'entry_not_found'));
  }

  async inviteCollaborator(id: string, userId: string, max: number): Promise<PlaylistWrite> {
    checkCollaboratorLimit(max);
    if (!isPlaylistId(id)) return { status: 'not_found' };
    const now = new Date();
    const values = [id, userId, max, now.toISOString(), now];
    return this.write(id, INVITE, values, 'doc_playlists_invite', (current) => {
      if (current?.collaborators.some((c) => c.userId === userId)) return { status: 'ok', doc: current };
      return explainRefusal(current, undefined, 'too_many_collaborators');
    });
  }

  async acceptCollaborator(id: string, userId: string): Promise<PlaylistWrite> {
    if (!isPlaylistId(id)) return { status: 'not_found' };
    return this.write(id, ACCEPT, [id, userId, new Date()], 'doc_playlists_accept', (current) => {
      if (current?.collaborators.some((c) => c.userId === userId && c.status === 'accepted')) return { status: 'ok', doc: current };
      return explainRefusal(current, undefined, 'entry_not_found');
    });
  }

  async removeCollaborator(id: string, userId: string): Promise<PlaylistWrite> {
    if (!isPlaylistId(id)) return { status: 'not_found' };
    return this.write(id, REMOVE_COLLABORATOR, [id, userId, new Date()], 'doc_playlists_remove_collaborator', (current) =>
      explainRefusal(current, undefined, 'entry_not_found'),
    );
  }

  async delete(id: string): Promise<boolean> {
    if (!isPlaylistId(id)) return false;
    return (await this.knex('doc_playlists').where({ id }).delete()) > 0;
  }

  async deleteByOwner(ownerId: string): Promise<string[]> {
    const rows = await this.knex('doc_playlists').where({ owner_id: ownerId }).delete().returning<Array<{ id: string }>>('id');
    return rows.map((r) => r.id);
  }

  async forgetUser(userId: string): Promise<void> {
    await preparedQuery(this.knex, 'doc_playlists_forget_user', FORGET_USER, [userId]);
  }

  /** Runs one conditional UPDATE; when it matches nothing, `refused` says why from the document as it is now. */
  private async write(
    id: string,
    text: string,
    values: unknown[],
    name: string,
    refused: (current: PlaylistDocument | null) => PlaylistWrite,
  ): Promise<PlaylistWrite> {
    const [row] = await this.query(text, values, name);
    if (row) return { status: 'ok', doc: toPlaylistDocument(row) };
    return refused(await this.get(id));
  }

  private async unchanged(id: string): Promise<PlaylistWrite> {
    const doc = await this.get(id);
    return doc ? { status: 'ok', doc } : { status: 'not_found' };
  }

  private query(text: string, values: unknown[], name: string): Promise<PlaylistRow[]> {
    return preparedQuery<PlaylistRow>(this.knex, name, text, values);
  }
}

function escapeLike(word: string): string {
  return word.replace(/[\\%_]/g, (c) => `\\${c}`);
}
