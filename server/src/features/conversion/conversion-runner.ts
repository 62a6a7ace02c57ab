import type { ConversionReportRow } from '@muse/shared';
import type { StoredReportRow } from './conversion-decision';
import type { ConversionReportRepository } from '../../docstore/conversion-report-store.port';
import type { Logger } from '../../lib/logger';
import { ProviderError } from '../../providers/music-provider.port';
import { ProviderCallCounter } from '../../providers/provider-call-counter';
import type { ProviderCallOptions } from '../../providers/provider-factory';
import type { NotificationsService } from '../notifications/notifications.service';
import type { TrackDecision } from './conversion-decision';
import { describeFailure, describeFinished } from './conversion-messages';
import type { SourceItem, SourceReader } from './conversion-source';
import type { ConversionTargetWriter } from './conversion-target';
import type { ConversionCheckpoint, ConversionRow, ConversionsRepo, PendingWrite } from './conversions.repo';

/** The source cursor a checkpoint holds once every page was read. */
export const SOURCE_END = '#end';
/** Previous conversions into the same target playlist whose reports `sync` reads. */
const PREVIOUS_REPORTS = 20;
/** Least time between two "now matching ..." updates of one conversion. */
const CURRENT_TRACK_EVERY_MS = 1_000;

export interface ConversionLimits {
  /** Longest total time one run may wait out rate limits before it gives up, keeping the report. */
  maxRateLimitWaitMs: number;
  /** Most provider calls one run may make over its connections. */
  callBudget: number;
}

export interface ConversionRunnerDeps {
  repo: ConversionsRepo;
  reports: ConversionReportRepository;
  /** The source and target of a conversion, their providers counting into `calls`. */
  open(conversion: ConversionRow, calls: ProviderCallOptions): Promise<{ source: SourceReader; target: ConversionTargetWriter }>;
  notifications: Pick<NotificationsService, 'create'>;
  announce(userId: string, conversionId: string): Promise<void>;
  limits: ConversionLimits;
}

export interface RunOptions {
  finalAttempt: boolean;
  logger: Logger;
}

/** Thrown when a run would pass its call budget. */
export class CallBudgetExceeded extends Error {
  override name = 'CallBudgetExceeded';
}
/** Thrown inside a run that found its conversion cancelled (or gone): it stops quietly. */
class Stopped extends Error {}

function checkpointOf(c: ConversionRow): ConversionCheckpoint {
  return {
    nextIndex: c.next_index,
    sourceCursor: c.source_cursor,
    callsMinimum: c.calls_minimum,
    total: c.total,
    processed: c.processed,
    matched: c.matched,
    needsReview: c.needs_review,
    notFound: c.not_found,
    skipped: c.skipped,
    written: c.written,
  };
}

function countOutcome(cp: ConversionCheckpoint, d: TrackDecision): void {
  cp.processed += 1;
  if (d.outcome === 'matched') cp.matched += 1;
  else if (d.outcome === 'needs_review') cp.needsReview += 1;
  else if (d.outcome === 'not_found') cp.notFound += 1;
  else cp.skipped += 1;
}

const label = (item: SourceItem) => `${item.track.artists.join(', ') || 'Unknown artist'} – ${item.track.title}`;

/**
 * The conversion job's work, resumable at every page. Per page: read it, decide every track
 * (remembered rule, batched ISRC lookup, search), store its report rows, record the intent of
 * the append (target ids, rows, the checkpoint after it), append, then mark the rows written and
 * checkpoint. A run that finds an intent recorded (the last one died mid-append) reads the
 * target playlist and appends only what is not there, so no track is ever written twice — Apple
 * Music library playlists cannot be edited afterwards. A track already in the target (a sync, a
 * repeat in the source) is not written again either.
 */
export class ConversionRunner {
  constructor(private readonly deps: ConversionRunnerDeps) {}

  async run(conversionId: string, options: RunOptions): Promise<void> {
    const { repo } = this.deps;
    const conv = await repo.claimRun(conversionId);
    if (!conv) return;
    const counter = new ProviderCallCounter();
    const callsBase = conv.calls_made;
    let waitedMs = 0;
    const onRateLimited: ProviderCallOptions['onRateLimited'] = (wait) => {
      waitedMs += wait.retryAfterSeconds * 1000;
      if (waitedMs > this.deps.limits.maxRateLimitWaitMs)
        throw new ProviderError(
          'rate_limited',
          `${wait.endpoint}: rate limited for more than ${Math.round(this.deps.limits.maxRateLimitWaitMs / 1000)} s in total`,
          {
            status: 429,
            endpoint: wait.endpoint,
            retryAfterSeconds: wait.retryAfterSeconds,
          },
        );
      void repo
        .updateRunning(conv.id, { waitingUntil: wait.until })
        .then(() => this.deps.announce(String(conv.user_id), conv.id))
        .catch((err: unknown) => options.logger.warn({ err, conversionId }, 'could not publish a rate-limit wait'));
    };
    const callsMade = () => callsBase + counter.total();
    try {
      const { source, target } = await this.deps.open(conv, { counter, onRateLimited });
      await this.convert(conv, source, target, counter, callsMade, options);
    } catch (err) {
      if (err instanceof Stopped) return;
      const failure = describeFailure(err, options.finalAttempt);
      if (!failure) throw err; // worth another attempt: BullMQ retries with backoff
      options.logger.warn({ err, conversionId }, 'conversion failed');
      if (await repo.finish(conv.id, 'failed', failure, callsMade())) await this.finished(conv.id);
    }
  }

  private async convert(
    conv: ConversionRow,
    source: SourceReader,
    target: ConversionTargetWriter,
    counter: ProviderCallCounter,
    callsMade: () => number,
    options: RunOptions,
  ): Promise<void> {
    const { repo, reports } = this.deps;
    const userId = String(conv.user_id);
    const announce = () => this.deps.announce(userId, conv.id);
    const update = async (patch: Parameters<ConversionsRepo['updateRunning']>[1]) => {
      if (!(await repo.updateRunning(conv.id, patch))) throw new Stopped();
    };

    // Made when the first write needs it (or at the end), so an unnamed conversion takes the source's title.
    let playlistId = conv.target_playlist_id;
    let sourceTitle = conv.source_title;
    const ensurePlaylist = async (): Promise<string> => {
      if (playlistId) return playlistId;
      const name = conv.name || sourceTitle || 'Converted playlist';
      const made = await target.create(name);
      playlistId = made.id;
      await update({ targetPlaylistId: made.id, targetPlaylistUrl: made.url, name });
      return playlistId;
    };

    // What the target holds already, whenever it exists (a sync, a retry, a run after a crash), and what earlier reports wrote into it.
    const present = new Set<string>();
    if (playlistId) {
      await update({ phase: 'reading' });
      for await (const ids of target.readIds(playlistId)) for (const id of ids) present.add(id);
      if (conv.mode === 'sync') await this.addPreviouslyWritten(conv, playlistId, present);
    }
    if (conv.pending_write && playlistId) await this.reconcile(conv, playlistId, conv.pending_write, present, target, callsMade);

    const fresh = await repo.find(conv.id);
    if (!fresh || fresh.status !== 'running') throw new Stopped();
    const cp = checkpointOf(fresh);
    let lastTrackAt = 0;
    while (cp.sourceCursor !== SOURCE_END) {
      if (counter.total() > this.deps.limits.callBudget) throw new CallBudgetExceeded();
      await update({ phase: 'reading', waitingUntil: null });
      const page = await source.readPage(cp.sourceCursor);
      if (page.title && page.title !== sourceTitle) await update({ sourceTitle: (sourceTitle = page.title) });
      cp.total = Math.max(page.total ?? 0, cp.nextIndex + page.items.length);
      await update({ phase: 'matching', total: cp.total, waitingUntil: null, currentTrack: page.items[0] ? label(page.items[0]) : null });
      await announce();

      const rules = await repo.rules(
        userId,
        conv.target,
        page.items.filter((i) => !i.skip).map((i) => i.key),
      );
      const { decisions, isrcCalls } = await target.decide(page.items, rules, (item) => {
        const now = Date.now();
        if (now - lastTrackAt < CURRENT_TRACK_EVERY_MS) return;
        lastTrackAt = now;
        void repo
          .updateRunning(conv.id, { currentTrack: label(item), waitingUntil: null })
          .then(announce)
          .catch(() => undefined);
      });

      const rows: StoredReportRow[] = [];
      const toWrite: string[] = [];
      const writeIndexes: number[] = [];
      const pageIds = new Set<string>();
      page.items.forEach((item, k) => {
        const d = decisions[k]!;
        const index = cp.nextIndex + k;
        countOutcome(cp, d);
        let written = false;
        if (d.outcome === 'matched' && d.chosen) {
          if (pageIds.has(d.chosen.id))
            writeIndexes.push(index); // a repeat of a track this page writes: in once the write is
          else if (present.has(d.chosen.id)) written = true;
          else {
            present.add(d.chosen.id);
            pageIds.add(d.chosen.id);
            toWrite.push(d.chosen.id);
            writeIndexes.push(index);
          }
        }
        rows.push({ index, source: item.track, ...d, written, sourceKey: item.key });
      });
      await reports.putRows(conv.id, userId, rows);

      const after: ConversionCheckpoint = {
        ...cp,
        nextIndex: cp.nextIndex + page.items.length,
        sourceCursor: page.next ?? SOURCE_END,
        callsMinimum: cp.callsMinimum + source.callsPerPage + isrcCalls + Math.ceil(toWrite.length / target.appendBatch),
        written: cp.written + toWrite.length,
      };
      if (toWrite.length) {
        const playlist = await ensurePlaylist();
        const pending: PendingWrite = { ids: toWrite, indexes: writeIndexes, after };
        // The intent is recorded once per position: a second run of the same conversion (a stalled job handed on) stops here.
        if (
          !(await repo.updateRunning(conv.id, { phase: 'writing', pendingWrite: pending, currentTrack: null }, { atIndex: cp.nextIndex, noPendingWrite: true }))
        ) {
          const now = await repo.find(conv.id);
          if (now?.status === 'cancelled' && now.next_index === cp.nextIndex && !now.pending_write) {
            // Cancelled before this page's write: its rows stay in the report, unwritten, and the counts say so.
            const writeCalls = Math.ceil(toWrite.length / target.appendBatch);
            await repo.updateRunning(
              conv.id,
              { checkpoint: { ...after, written: cp.written, callsMinimum: after.callsMinimum - writeCalls }, callsMade: callsMade() },
              { evenIfStopped: true, atIndex: cp.nextIndex },
            );
          }
          throw new Stopped();
        }
        await announce();
        await target.append(playlist, toWrite);
        await reports.putRows(
          conv.id,
          userId,
          rows.filter((r) => writeIndexes.includes(r.index)).map((r) => ({ ...r, written: true })),
        );
      }
      // Kept even when the conversion was cancelled meanwhile: the counts must say what was written.
      const advanced = await repo.updateRunning(
        conv.id,
        { checkpoint: after, pendingWrite: null, callsMade: callsMade(), waitingUntil: null },
        { evenIfStopped: true, atIndex: cp.nextIndex },
      );
      if (!advanced) throw new Stopped(); // another run of this conversion checkpointed this page
      Object.assign(cp, after);
      if ((await repo.find(conv.id))?.status !== 'running') throw new Stopped();
      await announce();
    }

    await ensurePlaylist();
    if (await repo.finish(conv.id, 'done', null, callsMade())) {
      options.logger.info({ conversionId: conv.id, calls: counter.snapshot() }, 'conversion done');
      await this.finished(conv.id);
    }
  }

  /**
   * Finishes the append a previous run recorded but may not have completed: appends only the
   * ids the target does not hold, marks the rows written and applies the checkpoint that was to follow.
   */
  private async reconcile(
    conv: ConversionRow,
    playlistId: string,
    pending: PendingWrite,
    present: Set<string>,
    target: ConversionTargetWriter,
    callsMade: () => number,
  ): Promise<void> {
    // Taken over by one run only; should this run die before the append, the next one redoes the
    // page from the checkpoint, and the target (read first) says what is there already.
    if (!(await this.deps.repo.updateRunning(conv.id, { pendingWrite: null }, { atIndex: conv.next_index, withPendingWrite: true }))) throw new Stopped();
    const missing = pending.ids.filter((id) => !present.has(id));
    if (missing.length) await target.append(playlistId, missing);
    for (const id of pending.ids) present.add(id);
    const rows: ConversionReportRow[] = [];
    for (const index of pending.indexes) {
      const row = await this.deps.reports.getRow(conv.id, index);
      if (row) rows.push({ ...row, written: true });
    }
    await this.deps.reports.putRows(conv.id, String(conv.user_id), rows);
    if (!(await this.deps.repo.updateRunning(conv.id, { checkpoint: pending.after, callsMade: callsMade() }, { atIndex: conv.next_index })))
      throw new Stopped();
  }

  /** Target ids earlier conversions into this playlist wrote (a sync never appends them again). */
  private async addPreviouslyWritten(conv: ConversionRow, playlistId: string, present: Set<string>): Promise<void> {
    for (const previousId of await this.deps.repo.doneInto(String(conv.user_id), conv.target, playlistId, conv.id, PREVIOUS_REPORTS)) {
      let after: number | undefined;
      for (;;) {
        const rows = await this.deps.reports.listRows(previousId, { afterIndex: after, limit: 500 });
        if (!rows.length) break;
        for (const r of rows) if (r.written && r.chosen) present.add(r.chosen.id);
        after = rows[rows.length - 1]!.index;
      }
    }
  }

  /** Tells the browser and leaves a notification in the bell. */
  private async finished(conversionId: string): Promise<void> {
    const conv = await this.deps.repo.find(conversionId);
    if (!conv) return;
    const userId = String(conv.user_id);
    await this.deps.announce(userId, conversionId);
    const { title, body } = describeFinished(conv);
    await this.deps.notifications.create({
      userId,
      type: 'conversion_finished',
      title,
      body,
      link: `/conversions/${conversionId}`,
      data: { conversionId },
      dedupeKey: `conversion-finished:${conversionId}`,
    });
  }
}
