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
  readStoredEntry,
  titleQueryWords,
  TITLE_MATCHES_READ,
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
import { DOC_COLUMNS, docJson, entriesJson, pgQuery, toPlaylistDocument, type PlaylistRow } from './postgres-playlist-rows';
import {
  ACCEPT,
  ADD_ENTRIES,
  BY_IDEMPOTENCY_KEY,
  FORGET_USER,
  GET,
  GET_LEADING_ENTRIES,
  GET_WITHOUT_ENTRIES,
  INSERT,
  INVITE,
  MOVE_ENTRY,
  REMOVE_COLLABORATOR,
  REMOVE_ENTRY,
  REPLACE_ENTRIES,
  UPDATE,
  UPDATE_ENTRY,
  LEADING_ENTRIES_OF,
} from './postgres-playlist-statements';
import { LeadingEntriesCache } from './postgres-leading-entries';

/**
 * Playlists in `doc_playlists`: small fields in columns and `doc`, the ordered entries in `entries`.
 * Every write is one UPDATE whose WHERE carries its conditions (version, entry limit, entry
 * present), so the row lock orders concurrent writers and each applies to what the one before
 * it left: two adders both keep their entries, and a stale version matches no row.
 */
export class PostgresPlaylistRepository implements PlaylistRepository {
  private readonly leading = new LeadingEntriesCache();

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
    const anyOf = (column: string, wanted: string[], type: string) =>
      wanted.length === 1 ? `${column} = ${param(wanted[0], type)}` : `${column} = ANY (${param(wanted, `${type}[]`)})`;
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
    // The entries column is not read here: the first entries come from withLeadingEntries.
    const conditions = where.length ? `WHERE ${where.join(' AND ')}` : '';
    // A title search reads at most TITLE_MATCHES_READ matches from the trigram index before
    // sorting them, so a word in thousands of titles costs the same as a rare one.
    const source =
      filter.titleQuery !== undefined ? `(SELECT * FROM doc_playlists ${conditions} LIMIT ${TITLE_MATCHES_READ}) AS doc_playlists` : 'doc_playlists';
    const text = `SELECT ${DOC_COLUMNS}, '[]'::jsonb AS entries FROM ${source}
                  ${filter.titleQuery !== undefined ? '' : conditions}
                  ORDER BY ${at} DESC, id DESC LIMIT ${listLimit(options.limit)}`;
    const docs = (await pgQuery<PlaylistRow>(this.knex, text, values)).map(toPlaylistDocument);
    const n = leadingEntries(options.entries, this.maxEntries);
    if (n > 0) await this.withLeadingEntries(docs, n);
    return docs;
  }

  /**
   * Gives each listed document its first `n` entries: kept ones for its version, the rest in one
   * read (only the first n entries leave the database). A document written between the two reads
   * gets the first entries of its newer version, kept under that version.
   */
  private async withLeadingEntries(docs: PlaylistDocument[], n: number): Promise<void> {
    const missing = docs.filter((d) => {
      const kept = this.leading.get(d.id, d.version, n);
      if (kept) d.entries = kept;
      return !kept;
    });
    if (missing.length === 0) return;
    const rows = await this.query(LEADING_ENTRIES_OF, [missing.map((d) => d.id), n], 'doc_playlists_leading_entries');
    const read = new Map(rows.map((r) => [r.id, r]));
    for (const d of missing) {
      const row = read.get(d.id);
      if (!row) continue;
      const entries = row.entries.map(readStoredEntry);
      this.leading.set(d.id, row.version, entries, n);
      d.entries = entries.slice();
    }
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

  async replaceEntries(id: string, entries: StoredEntry[], patch: Pick<PlaylistPatch, 'title' | 'description'> = {}): Promise<PlaylistWrite> {
    if (entries.length > this.maxEntries) throw new RangeError(`a playlist holds at most ${this.maxEntries} entries, got ${entries.length}`);
    checkEntries(entries);
    if (!isPlaylistId(id)) return { status: 'not_found' };
    const docPatch: Record<string, unknown> = {};
    if (patch.title !== undefined) docPatch.title = patch.title;
    if (patch.description !== undefined) docPatch.description = patch.description;
    const values = [
      id,
      JSON.stringify(entriesJson(entries)),
      entries.length,
      JSON.stringify(docPatch),
      patch.title !== undefined ? titleSearchText(patch.title) : null,
      new Date(),
    ];
    return this.write(id, REPLACE_ENTRIES, values, 'doc_playlists_replace_entries', () => ({ status: 'not_found' }));
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
