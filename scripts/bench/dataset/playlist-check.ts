import type { ClientBase } from 'pg';
import { EntrySnapshotSchema, ServiceIdsSchema } from '@muse/shared';
import { checkEntries, titleSearchText } from '../../../server/src/docstore/playlist-input';
import { ALL_COLUMNS, toPlaylistDocument, type PlaylistRow } from '../../../server/src/docstore/postgres/postgres-playlist-rows';

/** Generated playlists read back through the adapter's own row mapping, at most this many. */
const SAMPLE = 300;

/**
 * Reads a sample of the generated playlists (the page and add targets, clones, album lists and
 * random others) with the postgres adapter's row mapping and throws at the first one the
 * product would not have written: a title folded differently from `titleSearchText`, a count
 * that is not the number of entries, malformed or repeated entry ids, a snapshot or service ids
 * the API's schemas refuse, an owner or adder who is not a user.
 */
export async function checkPlaylistDocuments(db: ClientBase): Promise<void> {
  const { rows } = await db.query<PlaylistRow & { title_search: string; owner_exists: boolean }>(
    `SELECT ${ALL_COLUMNS}, title_search, EXISTS (SELECT 1 FROM users u WHERE u.id::text = d.owner_id) AS owner_exists
       FROM doc_playlists d
      WHERE d.id IN (SELECT id FROM bench.scenario_playlists ORDER BY hashint8(hashtext(id::text)) LIMIT $1)
         OR d.id IN (SELECT id FROM doc_playlists WHERE doc->'clonedFrom' <> 'null' LIMIT $1)
         OR d.id IN (SELECT id FROM doc_playlists WHERE kind = 'list' LIMIT $1)
         OR d.id IN (SELECT id FROM doc_playlists TABLESAMPLE SYSTEM (1) REPEATABLE (7) LIMIT $1)`,
    [SAMPLE / 4],
  );
  if (rows.length === 0) throw new Error('no generated playlists to check');
  const adders = new Set<string>();
  for (const row of rows) {
    const doc = toPlaylistDocument(row);
    const fail = (what: string) => new Error(`generated playlist ${doc.id} ${what}`);
    if (!row.owner_exists) throw fail(`has owner ${doc.ownerId}, who is no user`);
    if (row.title_search !== titleSearchText(doc.title)) throw fail(`folds "${doc.title}" to "${row.title_search}", not "${titleSearchText(doc.title)}"`);
    if (doc.entries.length !== doc.entryCount) throw fail(`counts ${doc.entryCount} entries and holds ${doc.entries.length}`);
    if (doc.updatedAt < doc.createdAt) throw fail('was updated before it was made');
    checkEntries(doc.entries);
    for (const entry of doc.entries) {
      adders.add(entry.addedBy);
      const snapshot = EntrySnapshotSchema.safeParse(entry.snapshot);
      if (!snapshot.success) throw fail(`entry ${entry.id} has a snapshot the API refuses: ${snapshot.error.message}`);
      if (!ServiceIdsSchema.safeParse(entry.serviceIds).success) throw fail(`entry ${entry.id} has service ids the API refuses`);
      if (doc.kind === 'playlist' ? entry.albumId === null && entry.trackId !== null : entry.trackId !== null || entry.albumId === null) {
        throw fail(`entry ${entry.id} points at the wrong kind of item`);
      }
    }
  }
  const { rows: known } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users WHERE id::text = ANY ($1)', [[...adders]]);
  if (known[0]!.n !== adders.size) throw new Error(`${adders.size - known[0]!.n} entry adders of generated playlists are no users`);
}
