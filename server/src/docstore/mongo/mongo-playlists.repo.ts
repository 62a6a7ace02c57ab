import type { Model, QueryFilter, UpdateQuery } from 'mongoose';
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
import { toPlaylistDocument, type PlaylistMongoDoc } from './mongo-playlist.schema';

type Filter = QueryFilter<PlaylistMongoDoc>;

/** The part of every write that marks it: the next version, and a last change that never goes back. */
function bump(now = new Date()): { $inc: { version: 1 }; $max: { updatedAt: Date } } {
  return { $inc: { version: 1 }, $max: { updatedAt: now } };
}

/** The document by id, at the expected version when the write carries one. */
function target(id: string, expectedVersion?: number): Filter {
  return expectedVersion === undefined ? { _id: id } : { _id: id, version: expectedVersion };
}

/** Only the first n entries leave the server; with none asked, none. */
function leadingProjection(n: number): Record<string, unknown> {
  return n > 0 ? { entries: { $slice: n } } : { entries: 0 };
}

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Playlists in one MongoDB collection. Every write is one `findOneAndUpdate` whose filter
 * carries its conditions (version, entry limit, entry present), so the server applies it to the
 * document atomically: two adders both keep their entries, and a stale version matches nothing.
 */
export class MongoPlaylistRepository implements PlaylistRepository {
  constructor(
    private readonly model: Model<PlaylistMongoDoc>,
    readonly maxEntries: number,
  ) {}

  async create(input: NewPlaylist): Promise<{ doc: PlaylistDocument; created: boolean }> {
    const doc = buildPlaylist(input, this.maxEntries);
    const { id, ...rest } = doc;
    const stored: PlaylistMongoDoc = { _id: id, ...rest, titleSearch: titleSearchText(doc.title), collaboratorIds: [], invitedIds: [] };
    if (input.idempotencyKey !== undefined) stored.idempotencyKey = input.idempotencyKey;
    // A create that loses the race for its key reads the winner; should the winner be deleted
    // in between, the key is free again and the second round inserts.
    for (let round = 0; round < 3; round++) {
      try {
        await this.model.create(stored);
        return { doc, created: true };
      } catch (error) {
        if (!isDuplicateKey(error) || input.idempotencyKey === undefined) throw error;
      }
      const existing = await this.model.findOne({ ownerId: doc.ownerId, idempotencyKey: input.idempotencyKey }).lean<PlaylistMongoDoc>();
      if (existing) return { doc: toPlaylistDocument(existing), created: false };
    }
    throw new Error(`playlist create for key ${input.idempotencyKey} kept conflicting with a playlist that was deleted`);
  }

  async get(id: string, options: { entries?: number } = {}): Promise<PlaylistDocument | null> {
    if (!isPlaylistId(id)) return null;
    const projection = options.entries === undefined ? {} : leadingProjection(leadingEntries(options.entries, this.maxEntries));
    const doc = await this.model.findById(id, projection).lean<PlaylistMongoDoc>();
    return doc ? toPlaylistDocument(doc) : null;
  }

  async list(filter: PlaylistFilter, options: PlaylistListOptions): Promise<PlaylistDocument[]> {
    if (!filterCanMatch(filter)) return [];
    const and: Filter[] = [];
    if (filter.ids) and.push({ _id: { $in: filter.ids.filter(isPlaylistId) } });
    if (filter.ownerIds) and.push({ ownerId: { $in: filter.ownerIds } });
    if (filter.kind) and.push({ kind: filter.kind });
    if (filter.visibilities) and.push({ visibility: { $in: filter.visibilities } });
    if (filter.collaborator !== undefined) and.push({ collaboratorIds: filter.collaborator });
    if (filter.invited !== undefined) and.push({ invitedIds: filter.invited });
    if (filter.sharedWith !== undefined) and.push({ visibility: 'people', sharedWith: filter.sharedWith });
    // Folded words contain only letters, digits and spaces; escaping keeps that a promise of this code alone.
    for (const word of titleQueryWords(filter.titleQuery ?? '')) and.push({ titleSearch: { $regex: escapeRegExp(word) } });
    const at = options.sort === 'created' ? 'createdAt' : 'updatedAt';
    const after = validAfter(options.after);
    if (after) and.push({ $or: [{ [at]: { $lt: after.at } }, { [at]: after.at, _id: { $lt: after.id } }] });
    const docs = await this.model
      .find(and.length ? { $and: and } : {}, leadingProjection(leadingEntries(options.entries, this.maxEntries)))
      .sort({ [at]: -1, _id: -1 })
      .limit(listLimit(options.limit))
      .lean<PlaylistMongoDoc[]>();
    return docs.map(toPlaylistDocument);
  }

  async update(id: string, patch: PlaylistPatch, expectedVersion?: number): Promise<PlaylistWrite> {
    if (!isPlaylistId(id)) return { status: 'not_found' };
    const set: Record<string, unknown> = {};
    for (const key of ['title', 'description', 'ranked', 'visibility', 'linkToken'] as const) if (patch[key] !== undefined) set[key] = patch[key];
    if (patch.title !== undefined) set.titleSearch = titleSearchText(patch.title);
    if (patch.sharedWith) set.sharedWith = distinct(patch.sharedWith);
    const update: UpdateQuery<PlaylistMongoDoc> = { ...bump(), ...(Object.keys(set).length ? { $set: set } : {}) };
    // Only a missing document or a stale version stops an update.
    return this.write(id, target(id, expectedVersion), update, (current) => (current ? { status: 'conflict', doc: current } : { status: 'not_found' }));
  }

  async addEntries(id: string, entries: StoredEntry[], position?: number): Promise<PlaylistWrite> {
    checkEntries(entries);
    if (!isPlaylistId(id)) return { status: 'not_found' };
    if (entries.length === 0) return this.unchanged(id);
    const filter: Filter = { _id: id, $expr: { $lte: [{ $add: ['$entryCount', entries.length] }, this.maxEntries] } };
    const each = position === undefined ? { $each: entries } : { $each: entries, $position: clampPosition(position, this.maxEntries) };
    const update: UpdateQuery<PlaylistMongoDoc> = {
      $push: { entries: each },
      $inc: { entryCount: entries.length, version: 1 },
      $max: { updatedAt: new Date() },
    };
    const written = await this.model.findOneAndUpdate(filter, update, { returnDocument: 'after', projection: { entries: 0 } }).lean<PlaylistMongoDoc>();
    if (!written) return explainRefusal(await this.get(id), undefined, 'full');
    return { status: 'ok', doc: { ...toPlaylistDocument({ ...written, entries: [] }), entries } };
  }

  async replaceEntries(id: string, entries: StoredEntry[], patch: Pick<PlaylistPatch, 'title' | 'description'> = {}): Promise<PlaylistWrite> {
    if (entries.length > this.maxEntries) throw new RangeError(`a playlist holds at most ${this.maxEntries} entries, got ${entries.length}`);
    checkEntries(entries);
    if (!isPlaylistId(id)) return { status: 'not_found' };
    const set: Record<string, unknown> = { entries, entryCount: entries.length };
    if (patch.title !== undefined) {
      set.title = patch.title;
      set.titleSearch = titleSearchText(patch.title);
    }
    if (patch.description !== undefined) set.description = patch.description;
    return this.write(id, { _id: id }, { $set: set, ...bump() }, () => ({ status: 'not_found' }));
  }

  async removeEntry(id: string, entryId: string, expectedVersion?: number): Promise<PlaylistWrite> {
    if (!isPlaylistId(id)) return { status: 'not_found' };
    const filter: Filter = { ...target(id, expectedVersion), 'entries.id': entryId };
    const update: UpdateQuery<PlaylistMongoDoc> = {
      $pull: { entries: { id: entryId } },
      $inc: { entryCount: -1, version: 1 },
      $max: { updatedAt: new Date() },
    };
    return this.write(id, filter, update, (current) => explainRefusal(current, expectedVersion, 'entry_not_found'));
  }

  async moveEntry(id: string, entryId: string, position: number, expectedVersion?: number): Promise<PlaylistWrite> {
    if (!isPlaylistId(id)) return { status: 'not_found' };
    const at = clampPosition(position, this.maxEntries);
    const entry = { $literal: entryId };
    // No update operator moves an array element: a pipeline takes the entry out of the others and
    // puts it back before the entry now at `at` (or at the end), in the same atomic update.
    const pipeline = [
      {
        $set: {
          __others: { $filter: { input: '$entries', cond: { $ne: ['$$this.id', entry] } } },
          __moved: { $filter: { input: '$entries', cond: { $eq: ['$$this.id', entry] } } },
        },
      },
      {
        $set: {
          entries: { $concatArrays: [at === 0 ? [] : { $slice: ['$__others', at] }, '$__moved', { $slice: ['$__others', at, this.maxEntries] }] },
          version: { $add: ['$version', 1] },
          updatedAt: { $max: ['$updatedAt', { $literal: new Date() }] },
        },
      },
      { $unset: ['__others', '__moved'] },
    ];
    const filter: Filter = { ...target(id, expectedVersion), 'entries.id': entryId };
    return this.write(id, filter, pipeline, (current) => explainRefusal(current, expectedVersion, 'entry_not_found'));
  }

  async updateEntry(id: string, entryId: string, patch: EntryPatch, expectedVersion?: number): Promise<PlaylistWrite> {
    if (!isPlaylistId(id)) return { status: 'not_found' };
    const filter: Filter = { ...target(id, expectedVersion), 'entries.id': entryId };
    const update: UpdateQuery<PlaylistMongoDoc> = { ...bump(), ...(patch.note !== undefined ? { $set: { 'entries.$.note': patch.note } } : {}) };
    return this.write(id, filter, update, (current) => explainRefusal(current, expectedVersion, 'entry_not_found'));
  }

  async inviteCollaborator(id: string, userId: string, max: number): Promise<PlaylistWrite> {
    checkCollaboratorLimit(max);
    if (!isPlaylistId(id)) return { status: 'not_found' };
    const now = new Date();
    const filter: Filter = {
      _id: id,
      collaboratorIds: { $ne: userId },
      invitedIds: { $ne: userId },
      $expr: { $lt: [{ $add: [{ $size: '$collaboratorIds' }, { $size: '$invitedIds' }] }, max] },
    };
    const update: UpdateQuery<PlaylistMongoDoc> = { $push: { collaborators: { userId, status: 'invited', invitedAt: now }, invitedIds: userId }, ...bump(now) };
    return this.write(id, filter, update, (current) => {
      if (current?.collaborators.some((c) => c.userId === userId)) return { status: 'ok', doc: current };
      return explainRefusal(current, undefined, 'too_many_collaborators');
    });
  }

  async acceptCollaborator(id: string, userId: string): Promise<PlaylistWrite> {
    if (!isPlaylistId(id)) return { status: 'not_found' };
    const update: UpdateQuery<PlaylistMongoDoc> = {
      $set: { 'collaborators.$[c].status': 'accepted' },
      $pull: { invitedIds: userId },
      $push: { collaboratorIds: userId },
      ...bump(),
    };
    return this.write(
      id,
      { _id: id, invitedIds: userId },
      update,
      (current) => {
        if (current?.collaborators.some((c) => c.userId === userId && c.status === 'accepted')) return { status: 'ok', doc: current };
        return explainRefusal(current, undefined, 'entry_not_found');
      },
      [{ 'c.userId': userId }],
    );
  }

  async removeCollaborator(id: string, userId: string): Promise<PlaylistWrite> {
    if (!isPlaylistId(id)) return { status: 'not_found' };
    const filter: Filter = { _id: id, $or: [{ collaboratorIds: userId }, { invitedIds: userId }] };
    const update: UpdateQuery<PlaylistMongoDoc> = { $pull: { collaborators: { userId }, collaboratorIds: userId, invitedIds: userId }, ...bump() };
    return this.write(id, filter, update, (current) => explainRefusal(current, undefined, 'entry_not_found'));
  }

  async delete(id: string): Promise<boolean> {
    if (!isPlaylistId(id)) return false;
    const result = await this.model.deleteOne({ _id: id });
    return result.deletedCount > 0;
  }

  async deleteByOwner(ownerId: string): Promise<string[]> {
    // MongoDB returns nothing from a multi-document delete: the ids are read first, and read
    // again until none is left, so a playlist created meanwhile goes too and is reported.
    const deleted: string[] = [];
    for (;;) {
      const ids = (await this.model.find({ ownerId }, { _id: 1 }).lean<Array<{ _id: string }>>()).map((d) => d._id);
      if (ids.length === 0) return deleted;
      const result = await this.model.deleteMany({ ownerId, _id: { $in: ids } });
      if (result.deletedCount > 0) deleted.push(...ids);
    }
  }

  async forgetUser(userId: string): Promise<void> {
    // Not an edit: the version moves (a writer holding the old one must reload), the last change does not.
    await this.model.updateMany(
      { $or: [{ collaboratorIds: userId }, { invitedIds: userId }, { sharedWith: userId }] },
      { $pull: { collaborators: { userId }, collaboratorIds: userId, invitedIds: userId, sharedWith: userId }, $inc: { version: 1 } },
    );
  }

  /** Runs one conditional update; when it matches nothing, `refused` says why from the document as it is now. */
  private async write(
    id: string,
    filter: Filter,
    update: UpdateQuery<PlaylistMongoDoc> | Record<string, unknown>[],
    refused: (current: PlaylistDocument | null) => PlaylistWrite,
    arrayFilters?: Record<string, unknown>[],
  ): Promise<PlaylistWrite> {
    const doc = await this.model
      .findOneAndUpdate(filter, update, { returnDocument: 'after', updatePipeline: Array.isArray(update), ...(arrayFilters ? { arrayFilters } : {}) })
      .lean<PlaylistMongoDoc>();
    if (doc) return { status: 'ok', doc: toPlaylistDocument(doc) };
    return refused(await this.get(id));
  }

  private async unchanged(id: string): Promise<PlaylistWrite> {
    const doc = await this.get(id);
    return doc ? { status: 'ok', doc } : { status: 'not_found' };
  }
}
