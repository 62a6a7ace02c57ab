import { LISTEN_LATER_MAX, type ImportedCounts } from '@muse/shared';
import { AppError } from '../../lib/app-error';
import type { ListenLog } from '../diary/listen-log';
import type { ListenLaterService } from '../listen-later/listen-later.service';
import type { NotificationsService } from '../notifications/notifications.service';
import { AfterCommit } from '../../db/after-commit';
import type { Transactions, Tx } from '../../db/transaction';
import { applyPlan, importedCounts, type ApplyStep } from './import-plan';
import type { RunOptions } from './import-parsing.service';
import type { ImportRow, ImportsRepo } from './imports.repo';

export interface ImportApplyingDeps {
  transactions: Transactions;
  repo: ImportsRepo;
  /** The diary's own writer: rating, review and entry of one listen, in the caller's transaction. */
  listens: Pick<ListenLog, 'write'>;
  /** Where a watchlist's rows go, in the step's transaction. */
  listenLater: Pick<ListenLaterService, 'addFromImport'>;
  notifications: NotificationsService;
  announce(userId: string, importId: string): Promise<void>;
}

const PROGRESS_EVERY = 20;
const SOURCE_NAMES: Record<ImportRow['source'], string> = {
  letterboxd: 'Letterboxd',
  rym: 'Rate Your Music',
  'letterboxd-watchlist': 'Letterboxd watchlist',
  'muse-reviews': 'Muse reviews',
};

const counted = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** "5 rows imported: 5 ratings, 1 review and 4 diary entries.", saying so when no row went to the diary. */
function describeImported(rows: number, counts: ImportedCounts): string {
  const parts = [
    counts.ratings ? counted(counts.ratings, 'rating', 'ratings') : null,
    counts.reviews ? counted(counts.reviews, 'review', 'reviews') : null,
    counts.diaryEntries ? counted(counts.diaryEntries, 'diary entry', 'diary entries') : null,
  ].filter((p): p is string => p !== null);
  const what = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? 'nothing new');
  const undated = rows > 0 && counts.diaryEntries === 0 ? ' No row had a date, so none went to your diary.' : '';
  return `${counted(rows, 'row', 'rows')} imported: ${what}.${undated}`;
}

/** "12 albums added to your Listen later queue.", saying how many did not fit in a full queue. */
function describeQueued(planned: number, added: number): string {
  const left = planned - added;
  const full = left > 0 ? ` ${counted(left, 'album', 'albums')} did not fit: the queue holds at most ${LISTEN_LATER_MAX.toLocaleString('en')}.` : '';
  return `${counted(added, 'album', 'albums')} added to your Listen later queue.${full}`;
}

/** Thrown inside a step's transaction when another run has already done that step. */
class StepTaken extends Error {}

/**
 * The apply job's work. Each matched row is one step: its rating, review and diary entry are
 * written through the diary's ListenLog in the same transaction that advances the import's
 * checkpoint, under a lock on the import row. A retried or duplicated job therefore resumes
 * after the last committed step and never writes a row twice.
 */
export class ImportApplying {
  constructor(private readonly deps: ImportApplyingDeps) {}

  async run(importId: string, options: RunOptions): Promise<void> {
    const { repo } = this.deps;
    const imp = await repo.find(importId);
    if (!imp || imp.status !== 'applying') return;
    const userId = String(imp.user_id);
    try {
      const plan = applyPlan(await repo.rows(importId), imp.skip_lines);
      let step = imp.apply_cursor;
      while (step < plan.length) {
        const done = await this.applyStep(imp, plan[step]!, step, options);
        if (done === null) return;
        step = done;
        if (step % PROGRESS_EVERY === 0 && step < plan.length) await this.deps.announce(userId, importId);
      }
      if (await repo.finishApplying(importId)) await this.finish(userId, importId);
    } catch (err) {
      if (options.finalAttempt) {
        options.logger.error({ err, importId }, 'import apply failed for good');
        await repo.fail(importId, 'Something went wrong while importing. The rows applied so far are kept.');
        await this.deps.announce(userId, importId);
      }
      throw err;
    }
  }

  /** Applies one step; returns the cursor to continue from, or null when the import left `applying`. */
  private async applyStep(imp: ImportRow, { index, row }: ApplyStep, step: number, options: RunOptions): Promise<number | null> {
    const { transactions, repo, listens, listenLater } = this.deps;
    const userId = String(imp.user_id);
    const effects = new AfterCommit();
    try {
      await transactions.run(
        async (trx) => {
          await this.claim(trx, imp.id, step);
          let applied = true;
          if (imp.source === 'letterboxd-watchlist') applied = await listenLater.addFromImport(trx, userId, row.albumId, row.addedOn ?? null);
          else {
            await listens.write(trx, effects, userId, {
              albumId: row.albumId,
              ...(row.trackId ? { trackId: row.trackId } : {}),
              listenedOn: row.listenedOn,
              stars: row.rating,
              isRelisten: row.isRelisten,
              reviewBody: row.review,
            });
          }
          await repo.advanceCursor(trx, imp.id, step + 1, applied);
        },
        { effects },
      );
    } catch (err) {
      if (err instanceof StepTaken) return this.resumePoint(imp.id);
      if (!(err instanceof AppError && err.status === 404)) throw err;
      // The album left the catalog after matching: the row is reported, the rest goes on.
      try {
        await transactions.run(async (trx) => {
          await this.claim(trx, imp.id, step);
          await repo.markRowUnapplied(
            trx,
            imp.id,
            index,
            row.trackId
              ? 'The track was removed from the catalog before the import was applied.'
              : 'The album was removed from the catalog before the import was applied.',
          );
          await repo.advanceCursor(trx, imp.id, step + 1, false);
        });
      } catch (inner) {
        if (inner instanceof StepTaken) return this.resumePoint(imp.id);
        throw inner;
      }
    }
    await effects.run(options.logger);
    return step + 1;
  }

  /** Locks the import and checks that this step is still the next one. */
  private async claim(trx: Tx, importId: string, step: number): Promise<void> {
    const locked = await this.deps.repo.lock(trx, importId);
    if (!locked || locked.status !== 'applying' || locked.apply_cursor !== step) throw new StepTaken();
  }

  private async resumePoint(importId: string): Promise<number | null> {
    const now = await this.deps.repo.find(importId);
    return now && now.status === 'applying' ? now.apply_cursor : null;
  }

  private async finish(userId: string, importId: string): Promise<void> {
    const imp = await this.deps.repo.find(importId);
    await this.deps.announce(userId, importId);
    if (!imp) return;
    const plan = applyPlan(await this.deps.repo.rows(importId), imp.skip_lines);
    await this.deps.notifications.create({
      userId,
      type: 'import_finished',
      title: `Your ${SOURCE_NAMES[imp.source]} import is done`,
      body:
        imp.source === 'letterboxd-watchlist'
          ? describeQueued(plan.length, imp.applied)
          : describeImported(imp.applied, importedCounts(plan, imp.source, imp.applied)),
      link: `/imports/${importId}`,
      data: { importId },
      dedupeKey: `import-finished:${importId}`,
    });
  }
}
