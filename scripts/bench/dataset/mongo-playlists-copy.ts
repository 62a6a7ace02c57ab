import mongoose from 'mongoose';
import { titleSearchText } from '../../../server/src/docstore/playlist-input';
import { playlistSchema, type PlaylistMongoDoc } from '../../../server/src/docstore/mongo/mongo-playlist.schema';
import { ALL_COLUMNS, toPlaylistDocument, type PlaylistRow } from '../../../server/src/docstore/postgres/postgres-playlist-rows';
import { connect } from '../lib/pg-admin';

/** Documents per read from Postgres and per insert into MongoDB. */
const BATCH = 500;
/** The collection the mongo adapter keeps playlists in (createMongoDocumentStore, without a test prefix). */
const PLAYLISTS = 'playlists';
const MARKER = 'bench_dataset';

const MONGO_URL = /^(mongodb(?:\+srv)?:\/\/[^/?]*)(?:\/[^?]*)?(\?.*)?$/;

/**
 * The same MongoDB deployment and options, with the database the bench owns (named like its
 * Postgres database), so that a MONGO_URL meant for development data is never written to.
 */
export function benchMongoUrl(mongoUrl: string, database: string): string {
  const match = MONGO_URL.exec(mongoUrl);
  if (!match) throw new Error(`${mongoUrl} is not a mongodb:// or mongodb+srv:// URL`);
  return `${match[1]}/${database}${match[2] ?? ''}`;
}

/**
 * Gives the mongo adapter the Postgres data set's playlists: every `doc_playlists` row, as the
 * mongo adapter stores a document (its schema and indexes, `_id` = the same id, so the Postgres
 * counts still point at it). Reused while the marker names the same Postgres build.
 */
export async function ensureMongoPlaylists(databaseUrl: string, mongoUrl: string, log: (line: string) => void): Promise<void> {
  const db = await connect(databaseUrl);
  const mongo = await mongoose.createConnection(mongoUrl, { serverSelectionTimeoutMS: 5000 }).asPromise();
  try {
    const { rows: built } = await db.query<{ built_at: Date }>('SELECT built_at FROM bench.dataset');
    const builtAt = built[0]!.built_at.toISOString();
    const markers = mongo.collection<{ _id: string; builtAt: string }>(MARKER);
    if ((await markers.findOne({ _id: PLAYLISTS }))?.builtAt === builtAt) {
      log(`mongo: reusing the playlists copied into ${mongo.name}`);
      return;
    }
    const started = performance.now();
    await markers.deleteMany({});
    await mongo.dropCollection(PLAYLISTS).catch(() => undefined);
    const model = mongo.model<PlaylistMongoDoc>(PLAYLISTS, playlistSchema, PLAYLISTS);
    let copied = 0;
    for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
      const { rows } = await db.query<PlaylistRow & { collaborator_ids: string[]; invited_ids: string[] }>(
        `SELECT ${ALL_COLUMNS}, collaborator_ids, invited_ids FROM doc_playlists WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
        [after],
      );
      if (rows.length === 0) break;
      const docs = rows.map((row): PlaylistMongoDoc => {
        const { id, ...doc } = toPlaylistDocument(row);
        return { _id: id, ...doc, titleSearch: titleSearchText(doc.title), collaboratorIds: row.collaborator_ids, invitedIds: row.invited_ids };
      });
      await model.collection.insertMany(docs as unknown as Parameters<typeof model.collection.insertMany>[0], { ordered: false });
      copied += docs.length;
      after = rows[rows.length - 1]!.id;
    }
    // Indexes once over the loaded documents, as the Postgres build does.
    await model.syncIndexes();
    await markers.insertOne({ _id: PLAYLISTS, builtAt });
    log(`mongo: copied ${copied} playlists into ${mongo.name} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await mongo.close();
    await db.end();
  }
}

/** Drops the bench's MongoDB database (a smoke run's). */
export async function dropMongoDatabase(mongoUrl: string): Promise<void> {
  const mongo = await mongoose.createConnection(mongoUrl, { serverSelectionTimeoutMS: 5000 }).asPromise();
  try {
    await mongo.dropDatabase();
  } finally {
    await mongo.close();
  }
}
