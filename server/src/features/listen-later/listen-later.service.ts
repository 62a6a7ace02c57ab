import { z } from 'zod';
import { LISTEN_LATER_MAX, type ListenLaterAddInput, type ListenLaterIndex, type ListenLaterItem, type ListenLaterQuery, type Page } from '@muse/shared';
import type { Transactions, Tx } from '../../db/transaction';
import { AppError } from '../../lib/app-error';
import { DateKey, decodeOptionalCursor, encodeCursor, IdKey, rowsToRead, TimestampKey, toPage } from '../../lib/pagination';
import type { CatalogReadModel } from '../catalog/catalog.read-model';
import { presentListenLaterIndex, presentListenLaterItem } from './listen-later.presenter';
import type { ListenLaterAfter, ListenLaterRepo } from './listen-later.repo';

export interface ListenLaterServiceDeps {
  transactions: Transactions;
  repo: ListenLaterRepo;
  catalog: Pick<CatalogReadModel, 'albumExists'>;
}

// Each order has its own cursor kind, so a cursor of one order is refused by the other.
const ADDED_CURSOR = 'listen-later-added';
const ADDED_KEYS = z.tuple([TimestampKey, IdKey]);
const RELEASE_CURSOR = 'listen-later-release';
const RELEASE_KEYS = z.tuple([DateKey, IdKey]);

const full = () =>
  AppError.conflict(
    'listen_later_full',
    `Your Listen later queue already holds ${LISTEN_LATER_MAX.toLocaleString('en')} albums, the most it can. Remove some to add more.`,
  );

/**
 * A user's private "listen later" queue of albums (Letterboxd's watchlist). Only its owner
 * reads or changes it: every method takes the signed-in user's id and nothing else reaches the
 * table. Albums leave by themselves once rated, logged or reviewed, unless kept (see the migration).
 */
export class ListenLaterService {
  constructor(private readonly deps: ListenLaterServiceDeps) {}

  /** A page of the queue: latest added first, or newest release first (undated albums last). */
  async list(userId: string, query: ListenLaterQuery): Promise<Page<ListenLaterItem>> {
    const { repo } = this.deps;
    if (query.sort === 'release') {
      const after = decodeOptionalCursor(query.cursor, RELEASE_CURSOR, RELEASE_KEYS);
      const from: ListenLaterAfter | undefined = after && { sort: 'release', releaseKey: after[0], albumId: after[1] };
      const rows = await repo.list(userId, 'release', rowsToRead(query.limit), from);
      return toPage(rows, query.limit, presentListenLaterItem, (last) => encodeCursor(RELEASE_CURSOR, [last.release_key, String(last.album_id)]));
    }
    const after = decodeOptionalCursor(query.cursor, ADDED_CURSOR, ADDED_KEYS);
    const from: ListenLaterAfter | undefined = after && { sort: 'added', addedKey: after[0], albumId: after[1] };
    const rows = await repo.list(userId, 'added', rowsToRead(query.limit), from);
    return toPage(rows, query.limit, presentListenLaterItem, (last) => encodeCursor(ADDED_CURSOR, [last.added_key, String(last.album_id)]));
  }

  /** Every queued album id, for buttons on album cards and pages. */
  async index(userId: string): Promise<ListenLaterIndex> {
    return presentListenLaterIndex(await this.deps.repo.ids(userId));
  }

  /**
   * Queues an album (idempotent: adding it again changes only `keep`, when given). `created`
   * says whether it is new. 404 for an unknown album; 409 `listen_later_full` past the limit.
   */
  async add(userId: string, albumId: string, input: ListenLaterAddInput): Promise<{ item: ListenLaterItem; created: boolean }> {
    if (!(await this.deps.catalog.albumExists(albumId))) throw AppError.notFound('Album');
    const { repo } = this.deps;
    return this.deps.transactions.run(async (tx) => {
      await repo.lockQueue(tx, userId);
      const queued = await repo.flags(tx, userId, albumId);
      if (queued) {
        if (input.keep !== undefined && input.keep !== queued.keep) await repo.setKeep(tx, userId, albumId, input.keep);
      } else {
        if ((await repo.count(tx, userId)) >= LISTEN_LATER_MAX) throw full();
        await repo.insert(tx, userId, albumId, input.keep ?? false);
      }
      const row = await repo.find(tx, userId, albumId);
      if (!row) throw AppError.notFound('Album');
      return { item: presentListenLaterItem(row), created: !queued };
    });
  }

  /** Keeps a queued album after it is heard, or not; 404 when it is not queued. */
  async setKeep(userId: string, albumId: string, keep: boolean): Promise<ListenLaterItem> {
    const { repo } = this.deps;
    return this.deps.transactions.run(async (tx) => {
      if (!(await repo.setKeep(tx, userId, albumId, keep))) throw notQueued();
      const row = await repo.find(tx, userId, albumId);
      if (!row) throw notQueued();
      return presentListenLaterItem(row);
    });
  }

  /** Takes an album off the queue; removing one that is not there is not an error (the outcome is the same). */
  async remove(userId: string, albumId: string): Promise<void> {
    await this.deps.repo.delete(userId, albumId);
  }

  /**
   * Queues an album from an imported watchlist row, in the import step's transaction, on the day
   * the file says it was added (now when it has none). An album already queued stays as it is.
   * Answers false, adding nothing, when the queue is full; an unknown album is a 404.
   */
  async addFromImport(tx: Tx, userId: string, albumId: string, addedOn: string | null): Promise<boolean> {
    const { repo } = this.deps;
    await repo.lockQueue(tx, userId);
    if (await repo.flags(tx, userId, albumId)) return true;
    if ((await repo.count(tx, userId)) >= LISTEN_LATER_MAX) return false;
    await repo.insert(tx, userId, albumId, false, addedOn ? new Date(`${addedOn}T00:00:00Z`) : undefined);
    return true;
  }
}

function notQueued(): AppError {
  return new AppError(404, 'not_found', 'This album is not on your Listen later queue.');
}
