import { Schema } from 'mongoose';
import type { PlaylistDocument, StoredCollaborator, StoredEntry } from '../playlist-store.port';
import { readStoredEntry } from '../playlist-input';

/**
 * A playlist as MongoDB holds it: the port's document under `_id`, plus what lists filter by and
 * nothing reads back (the folded title, accepted and invited collaborator ids, the create's key).
 */
export interface PlaylistMongoDoc extends Omit<PlaylistDocument, 'id'> {
  _id: string;
  titleSearch: string;
  collaboratorIds: string[];
  invitedIds: string[];
  idempotencyKey?: string;
}

const entrySchema = new Schema<StoredEntry>(
  {
    id: { type: String, required: true },
    trackId: { type: String, default: null },
    albumId: { type: String, default: null },
    snapshot: { type: Schema.Types.Mixed, required: true },
    serviceIds: { type: Schema.Types.Mixed, default: {} },
    note: { type: String, default: null },
    addedBy: { type: String, required: true },
    addedAt: { type: Date, required: true },
  },
  { _id: false, minimize: false },
);

const collaboratorSchema = new Schema<StoredCollaborator>(
  {
    userId: { type: String, required: true },
    status: { type: String, required: true, enum: ['invited', 'accepted'] },
    invitedAt: { type: Date, required: true },
  },
  { _id: false },
);

/** The playlists collection's schema; indexes mirror the postgres adapter's (see the doc_playlists migration). */
export const playlistSchema = new Schema<PlaylistMongoDoc>(
  {
    _id: { type: String, required: true },
    ownerId: { type: String, required: true },
    kind: { type: String, required: true, enum: ['playlist', 'list'] },
    title: { type: String, required: true },
    titleSearch: { type: String, required: true },
    description: { type: String, default: '' },
    ranked: { type: Boolean, default: false },
    visibility: { type: String, required: true, enum: ['public', 'followers', 'people', 'private', 'link'] },
    sharedWith: { type: [String], default: [] },
    linkToken: { type: String, default: null },
    collaborators: { type: [collaboratorSchema], default: [] },
    collaboratorIds: { type: [String], default: [] },
    invitedIds: { type: [String], default: [] },
    clonedFrom: { type: new Schema({ id: String, ownerId: String, title: String }, { _id: false }), default: null },
    idempotencyKey: { type: String },
    version: { type: Number, required: true },
    entryCount: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    entries: { type: [entrySchema], default: [] },
  },
  { versionKey: false, minimize: false },
);
playlistSchema.index({ ownerId: 1, idempotencyKey: 1 }, { unique: true, partialFilterExpression: { idempotencyKey: { $type: 'string' } } });
playlistSchema.index({ ownerId: 1, updatedAt: -1, _id: -1 });
playlistSchema.index({ visibility: 1, createdAt: -1, _id: -1 });
playlistSchema.index({ collaboratorIds: 1, updatedAt: -1 });
playlistSchema.index({ invitedIds: 1, updatedAt: -1 });
playlistSchema.index({ sharedWith: 1, updatedAt: -1 });
playlistSchema.index({ titleSearch: 1 });

/** A stored playlist as the port's document (the fields only lists use are left behind). */
export function toPlaylistDocument(doc: PlaylistMongoDoc): PlaylistDocument {
  return {
    id: doc._id,
    ownerId: doc.ownerId,
    kind: doc.kind,
    title: doc.title,
    description: doc.description ?? '',
    ranked: doc.ranked ?? false,
    visibility: doc.visibility,
    sharedWith: doc.sharedWith ?? [],
    linkToken: doc.linkToken ?? null,
    collaborators: (doc.collaborators ?? []).map((c) => ({ userId: c.userId, status: c.status, invitedAt: new Date(c.invitedAt) })),
    clonedFrom: doc.clonedFrom ? { id: doc.clonedFrom.id, ownerId: doc.clonedFrom.ownerId, title: doc.clonedFrom.title } : null,
    version: doc.version,
    entryCount: doc.entryCount,
    createdAt: new Date(doc.createdAt),
    updatedAt: new Date(doc.updatedAt),
    entries: (doc.entries ?? []).map(readStoredEntry),
  };
}
