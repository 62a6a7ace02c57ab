import mongoose, { Schema, type Connection, type Model } from 'mongoose';
import { buildActivity, pageLimit, validCursor, validIds } from '../activity-input';
import type { Activity, ActivityInput, ActivityPageOptions, ActivityRepository, DocumentStore } from '../document-store.port';
import { maxEntriesOf, type PlaylistStoreOptions } from '../playlist-input';
import { playlistSchema, type PlaylistMongoDoc } from './mongo-playlist.schema';
import { MongoPlaylistRepository } from './mongo-playlists.repo';
import { MongoConversionReportRepository, reportChunkSchema, type ReportChunkDoc } from './mongo-conversion-reports.repo';

interface ActivityDoc {
  _id: string;
  actorId: string;
  type: string;
  visibility: Activity['visibility'];
  subject: Activity['subject'];
  data: Record<string, unknown>;
  createdAt: Date;
}

const activitySchema = new Schema<ActivityDoc>(
  {
    _id: { type: String, required: true },
    actorId: { type: String, required: true },
    type: { type: String, required: true },
    visibility: { type: String, required: true, enum: ['public', 'followers', 'private'] },
    subject: { type: new Schema({ kind: String, id: String }, { _id: false }), default: null },
    data: { type: Schema.Types.Mixed, default: {} },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);
activitySchema.index({ actorId: 1, _id: -1 });

function toActivity(doc: ActivityDoc): Activity {
  return {
    id: doc._id,
    actorId: doc.actorId,
    type: doc.type,
    visibility: doc.visibility,
    subject: doc.subject ? { kind: doc.subject.kind, id: doc.subject.id } : null,
    data: doc.data ?? {},
    createdAt: new Date(doc.createdAt),
  };
}

class MongoActivityRepository implements ActivityRepository {
  constructor(private readonly model: Model<ActivityDoc>) {}

  async append(input: ActivityInput): Promise<Activity> {
    const activity = buildActivity(input);
    const { id, ...rest } = activity;
    await this.model.create({ _id: id, ...rest });
    return activity;
  }

  async listByActor(actorId: string, options: ActivityPageOptions): Promise<Activity[]> {
    return this.listByActors([actorId], options);
  }

  async listByActors(actorIds: string[], options: ActivityPageOptions): Promise<Activity[]> {
    if (actorIds.length === 0) return [];
    const filter: Record<string, unknown> = { actorId: { $in: actorIds } };
    const before = validCursor(options.before);
    if (before) filter._id = { $lt: before };
    const docs = await this.model.find(filter).sort({ _id: -1 }).limit(pageLimit(options.limit)).lean<ActivityDoc[]>();
    return docs.map(toActivity);
  }

  async getByIds(ids: string[]): Promise<Activity[]> {
    const wanted = validIds(ids);
    if (wanted.length === 0) return [];
    const docs = await this.model
      .find({ _id: { $in: wanted } })
      .sort({ _id: -1 })
      .lean<ActivityDoc[]>();
    return docs.map(toActivity);
  }

  async deleteByActor(actorId: string): Promise<number> {
    const result = await this.model.deleteMany({ actorId });
    return result.deletedCount ?? 0;
  }
}

/**
 * Document store on MongoDB through mongoose; used whenever MONGO_URL is set.
 * `collectionPrefix` lets tests share one server without touching each other's data.
 */
export async function createMongoDocumentStore(mongoUrl: string, options: { collectionPrefix?: string } & PlaylistStoreOptions = {}): Promise<DocumentStore> {
  const maxEntries = maxEntriesOf(options);
  const connection: Connection = await mongoose.createConnection(mongoUrl, { serverSelectionTimeoutMS: 5000 }).asPromise();
  const name = `${options.collectionPrefix ?? ''}activity`;
  const model = connection.model<ActivityDoc>(name, activitySchema, name);
  await model.syncIndexes();
  const playlistsName = `${options.collectionPrefix ?? ''}playlists`;
  const playlists = connection.model<PlaylistMongoDoc>(playlistsName, playlistSchema, playlistsName);
  await playlists.syncIndexes();
  const reportsName = `${options.collectionPrefix ?? ''}conversion_report_chunks`;
  const reports = connection.model<ReportChunkDoc>(reportsName, reportChunkSchema, reportsName);
  await reports.syncIndexes();
  return {
    kind: 'mongo',
    activity: new MongoActivityRepository(model),
    playlists: new MongoPlaylistRepository(playlists, maxEntries),
    conversionReports: new MongoConversionReportRepository(reports),
    async ping() {
      const db = connection.db;
      if (!db) throw new Error('MongoDB connection has no database');
      await db.admin().ping();
    },
    async close() {
      await connection.close();
    },
  };
}
