import type { Knex } from 'knex';
import type { PoolClient, QueryResultRow } from 'pg';
import type { CollaboratorStatus } from '@muse/shared';
import type { PlaylistDocument, StoredCollaborator, StoredEntry } from '../playlist-store.port';
import { readStoredEntry } from '../playlist-input';

/** An entry as `doc_playlists.entries` holds it: JSON, so its time is an ISO string. */
export type EntryJson = Omit<StoredEntry, 'addedAt'> & { addedAt: string };

/** The small part of a playlist kept in `doc_playlists.doc`. */
export interface PlaylistDocJson {
  title: string;
  description: string;
  ranked: boolean;
  linkToken: string | null;
  collaborators: Array<{ userId: string; status: CollaboratorStatus; invitedAt: string }>;
  clonedFrom: PlaylistDocument['clonedFrom'];
}

/** One `doc_playlists` row as the adapter selects it. */
export interface PlaylistRow {
  id: string;
  owner_id: string;
  kind: PlaylistDocument['kind'];
  visibility: PlaylistDocument['visibility'];
  shared_with: string[];
  version: number;
  entry_count: number;
  created_at: Date;
  updated_at: Date;
  doc: PlaylistDocJson;
  entries: EntryJson[];
}

/** Every column a document is made of, except `entries`, which reads choose how much of. */
export const DOC_COLUMNS = 'id, owner_id, kind, visibility, shared_with, version, entry_count, created_at, updated_at, doc';

/** Every column of a whole document. */
export const ALL_COLUMNS = `${DOC_COLUMNS}, entries`;

/** Entries for the `entries` column. */
export function entriesJson(entries: StoredEntry[]): EntryJson[] {
  return entries.map((e) => ({
    id: e.id,
    trackId: e.trackId,
    albumId: e.albumId,
    snapshot: e.snapshot,
    serviceIds: e.serviceIds,
    note: e.note,
    addedBy: e.addedBy,
    addedAt: e.addedAt.toISOString(),
  }));
}

/** The `doc` column of a new document. */
export function docJson(doc: PlaylistDocument): PlaylistDocJson {
  return {
    title: doc.title,
    description: doc.description,
    ranked: doc.ranked,
    linkToken: doc.linkToken,
    collaborators: doc.collaborators.map((c) => ({ userId: c.userId, status: c.status, invitedAt: c.invitedAt.toISOString() })),
    clonedFrom: doc.clonedFrom,
  };
}

function toCollaborator(c: PlaylistDocJson['collaborators'][number]): StoredCollaborator {
  return { userId: c.userId, status: c.status, invitedAt: new Date(c.invitedAt) };
}

/** A row as the port's document, times as Dates. */
export function toPlaylistDocument(row: PlaylistRow): PlaylistDocument {
  const doc = row.doc;
  return {
    id: row.id,
    ownerId: row.owner_id,
    kind: row.kind,
    title: doc.title,
    description: doc.description ?? '',
    ranked: doc.ranked ?? false,
    visibility: row.visibility,
    sharedWith: row.shared_with,
    linkToken: doc.linkToken ?? null,
    collaborators: (doc.collaborators ?? []).map(toCollaborator),
    clonedFrom: doc.clonedFrom ?? null,
    version: row.version,
    entryCount: row.entry_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    entries: (row.entries ?? []).map(readStoredEntry),
  };
}

interface PooledClient {
  acquireConnection(): Promise<PoolClient>;
  releaseConnection(connection: PoolClient): Promise<void>;
}

/**
 * Runs SQL with `$n` placeholders on a connection of the knex pool. The playlist statements
 * use jsonpath, whose `?` filters knex would take for its own placeholders.
 */
export async function pgQuery<R extends QueryResultRow>(knex: Knex, text: string, values: unknown[]): Promise<R[]> {
  const client = knex.client as unknown as PooledClient;
  const connection = await client.acquireConnection();
  try {
    return (await connection.query<R>(text, values)).rows;
  } finally {
    await client.releaseConnection(connection);
  }
}
