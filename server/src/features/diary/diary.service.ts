import { z } from 'zod';
import { type DiaryEntryCreateInput, type DiaryEntryView, type DiaryListQuery, type Page } from '@muse/shared';
import { AppError } from '../../lib/app-error';
import type { Logger } from '../../lib/logger';
import type { CatalogReadModel } from '../catalog/catalog.read-model';
import type { ProfileAccess } from '../profiles/profile-access';
import { AfterCommit } from '../../db/after-commit';
import type { Transactions, Tx } from '../../db/transaction';
import { DateKey, decodeOptionalCursor, encodeCursor, IdKey, rowsToRead, toPage } from '../../lib/pagination';
import { presentDiaryEntry } from '../../http/presenters/diary.presenter';
import type { DiaryPatch, DiaryRepo } from './diary.repo';
import type { ListenLog } from './listen-log';

export interface DiaryServiceDeps {
  transactions: Transactions;
  diary: DiaryRepo;
  listens: ListenLog;
  catalog: CatalogReadModel;
  /** Who may read a user's diary: whoever may see their profile. */
  access: Pick<ProfileAccess, 'visibleOwner'>;
  logger: Logger;
}

const CURSOR = 'diary';
const CURSOR_KEYS = z.tuple([DateKey, IdKey]);

/** An edit of a review, as the diary entry written with it follows it (undefined: unchanged). */
export interface ReviewEdit {
  userId: string;
  reviewId: string;
  albumId: string;
  /** The new listen date; null removes the review's entry. */
  listenedOn?: string | null;
  /** The new stored rating value. */
  rating?: number | null;
  isRelisten?: boolean;
  /** The review as it was, for an entry the edit creates. */
  before: { rating: number | null; isRelisten: boolean };
}

/** The listening diary: what a user listened to and when, with an optional rating and review. */
export class DiaryService {
  constructor(private readonly deps: DiaryServiceDeps) {}

  /**
   * Logs a listen. A rating also becomes the current album rating (a relisten keeps the old one
   * in the history); review text becomes a review linked to the entry. All or nothing.
   */
  async create(userId: string, input: DiaryEntryCreateInput): Promise<DiaryEntryView> {
    if (!(await this.deps.catalog.albumExists(input.albumId))) throw AppError.notFound('Album');
    const effects = new AfterCommit();
    const { entryId } = await this.deps.transactions.run(
      (tx) =>
        this.deps.listens.write(tx, effects, userId, {
          albumId: input.albumId,
          listenedOn: input.listenedOn,
          stars: input.rating ?? null,
          isRelisten: input.isRelisten,
          reviewBody: input.review ?? null,
          reviewPath: 'review',
          visibility: input.visibility,
        }),
      { effects },
    );
    await effects.run(this.deps.logger);
    const row = await this.deps.diary.findView(entryId!);
    if (!row) throw AppError.notFound('Diary entry');
    return presentDiaryEntry(row);
  }

  /**
   * A user's diary by handle, latest listen first, for whoever may see their profile (404 for an
   * unknown handle, 403 for a private profile the viewer does not follow or a suspended account).
   */
  async listForUser(handle: string, query: DiaryListQuery, viewerId: string | null): Promise<Page<DiaryEntryView>> {
    const after = decodeOptionalCursor(query.cursor, CURSOR, CURSOR_KEYS);
    const user = await this.deps.access.visibleOwner(viewerId, handle);
    const rows = await this.deps.diary.listForUser(String(user.id), rowsToRead(query.limit), after && { listenedOn: after[0], id: after[1] });
    return toPage(rows, query.limit, presentDiaryEntry, (last) => encodeCursor(CURSOR, [last.listened_on, String(last.id)]));
  }

  /**
   * Keeps the diary entry written with a review in step with the review's edit, in the caller's
   * transaction: it follows the date, rating and relisten flag; a date set to null removes the
   * entry, and a date on a review without one logs a new entry.
   */
  async followReviewEdit(tx: Tx, edit: ReviewEdit): Promise<void> {
    const { diary } = this.deps;
    const entryId = await diary.idForReview(tx, edit.reviewId);
    if (edit.listenedOn === null) {
      if (entryId) await diary.delete(tx, entryId);
      return;
    }
    if (entryId) {
      const changes: DiaryPatch = {};
      if (edit.listenedOn !== undefined) changes.listened_on = edit.listenedOn;
      if (edit.rating !== undefined) changes.rating = edit.rating;
      if (edit.isRelisten !== undefined) changes.is_relisten = edit.isRelisten;
      await diary.update(tx, entryId, changes);
    } else if (edit.listenedOn) {
      await diary.insert(tx, {
        userId: edit.userId,
        albumId: edit.albumId,
        listenedOn: edit.listenedOn,
        rating: edit.rating !== undefined ? edit.rating : edit.before.rating,
        reviewId: edit.reviewId,
        isRelisten: edit.isRelisten ?? edit.before.isRelisten,
      });
    }
  }

  /**
   * Deletes one of the user's entries; someone else's answers 404 like a missing one. A review
   * written with the entry stays (others may have liked or answered it); so does the rating.
   */
  async delete(userId: string, entryId: string): Promise<void> {
    if (!(await this.deps.diary.deleteOwned(userId, entryId))) throw AppError.notFound('Diary entry');
  }
}
