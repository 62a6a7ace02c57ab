import type { Knex } from 'knex';
import { z } from 'zod';
import { type DiaryEntryCreateInput, type DiaryEntryView, type DiaryListQuery, type Page } from '@muse/shared';
import { AppError } from '../../lib/app-error';
import type { Logger } from '../../lib/logger';
import type { CatalogReadModel } from '../catalog/catalog.read-model';
import type { ProfileAccess } from '../profiles/profile-access';
import { AfterCommit } from '../../db/after-commit';
import { DateKey, decodeCursor, encodeCursor, IdKey } from '../reviews/page-cursor';
import { presentDiaryEntry } from './diary.presenter';
import type { DiaryRepo } from './diary.repo';
import type { ListenLog } from './listen-log';

export interface DiaryServiceDeps {
  knex: Knex;
  diary: DiaryRepo;
  listens: ListenLog;
  catalog: CatalogReadModel;
  /** Who may read a user's diary: whoever may see their profile. */
  access: Pick<ProfileAccess, 'visibleOwner'>;
  logger: Logger;
}

const CURSOR = 'diary';
const CURSOR_KEYS = z.tuple([DateKey, IdKey]);

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
    const { entryId } = await this.deps.knex.transaction((trx) =>
      this.deps.listens.write(trx, effects, userId, {
        albumId: input.albumId,
        listenedOn: input.listenedOn,
        stars: input.rating ?? null,
        isRelisten: input.isRelisten,
        reviewBody: input.review ?? null,
        reviewPath: 'review',
        visibility: input.visibility,
      }),
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
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, CURSOR, CURSOR_KEYS);
    const user = await this.deps.access.visibleOwner(viewerId, handle);
    const rows = await this.deps.diary.listForUser(String(user.id), query.limit + 1, after && { listenedOn: after[0], id: after[1] });
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      items: items.map(presentDiaryEntry),
      nextCursor: rows.length > query.limit && last ? encodeCursor(CURSOR, [last.listened_on, String(last.id)]) : null,
    };
  }

  /**
   * Deletes one of the user's entries; someone else's answers 404 like a missing one. A review
   * written with the entry stays (others may have liked or answered it); so does the rating.
   */
  async delete(userId: string, entryId: string): Promise<void> {
    if (!(await this.deps.diary.deleteOwned(userId, entryId))) throw AppError.notFound('Diary entry');
  }
}
