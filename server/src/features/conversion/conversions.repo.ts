import type { Knex } from 'knex';
import type { ConversionCounts, ConversionMode, ConversionPhase, ConversionStatus, ConversionTarget } from '@muse/shared';

/** What a conversion's next checkpoint holds: where reading continues and the counts so far. */
export interface ConversionCheckpoint extends ConversionCounts {
  nextIndex: number;
  /** The source's cursor for the next page; `SOURCE_END` once every page was read. */
  sourceCursor: string | null;
  callsMinimum: number;
}

/** The write in flight: target ids about to be appended, the report rows they are for, and the checkpoint after it. */
export interface PendingWrite {
  ids: string[];
  indexes: number[];
  after: ConversionCheckpoint;
}

export interface ConversionRow {
  id: string;
  user_id: string;
  source_kind: 'muse' | 'service';
  source_provider: 'spotify' | 'apple' | null;
  source_playlist_id: string;
  source_key: string;
  source_title: string | null;
  target: ConversionTarget;
  mode: ConversionMode;
  name: string;
  status: ConversionStatus;
  phase: ConversionPhase;
  total: number;
  processed: number;
  matched: number;
  needs_review: number;
  not_found: number;
  skipped: number;
  written: number;
  current_track: string | null;
  waiting_until: Date | null;
  target_playlist_id: string | null;
  target_playlist_url: string | null;
  calls_made: number;
  calls_minimum: number;
  source_cursor: string | null;
  next_index: number;
  pending_write: PendingWrite | null;
  error: string | null;
  created_at: Date;
  updated_at: Date;
  finished_at: Date | null;
}

export interface NewConversion {
  id: string;
  userId: string;
  sourceKind: 'muse' | 'service';
  sourceProvider: 'spotify' | 'apple' | null;
  sourcePlaylistId: string;
  sourceKey: string;
  sourceTitle: string | null;
  target: ConversionTarget;
  mode: ConversionMode;
  name: string;
  targetPlaylistId: string | null;
  targetPlaylistUrl: string | null;
}

export interface RuleRow {
  source_track_key: string;
  action: 'pick' | 'not_on_service';
  track: unknown;
}

/** What a running conversion's job changes as it goes. */
export interface RunningPatch {
  checkpoint?: ConversionCheckpoint;
  total?: number;
  phase?: ConversionPhase;
  currentTrack?: string | null;
  waitingUntil?: Date | null;
  targetPlaylistId?: string;
  targetPlaylistUrl?: string | null;
  callsMade?: number;
  pendingWrite?: PendingWrite | null;
  sourceTitle?: string | null;
  name?: string;
}

const UNFINISHED: ConversionStatus[] = ['queued', 'running'];

function checkpointColumns(c: ConversionCheckpoint) {
  return {
    next_index: c.nextIndex,
    source_cursor: c.sourceCursor,
    calls_minimum: c.callsMinimum,
    total: c.total,
    processed: c.processed,
    matched: c.matched,
    needs_review: c.needsReview,
    not_found: c.notFound,
    skipped: c.skipped,
    written: c.written,
  };
}

/** The only file that touches the conversion tables. */
export class ConversionsRepo {
  constructor(private readonly knex: Knex) {}

  async insert(c: NewConversion): Promise<ConversionRow> {
    const [row] = await this.knex('conversions')
      .insert({
        id: c.id,
        user_id: c.userId,
        source_kind: c.sourceKind,
        source_provider: c.sourceProvider,
        source_playlist_id: c.sourcePlaylistId,
        source_key: c.sourceKey,
        source_title: c.sourceTitle,
        target: c.target,
        mode: c.mode,
        name: c.name,
        target_playlist_id: c.targetPlaylistId,
        target_playlist_url: c.targetPlaylistUrl,
      })
      .returning('*');
    return row as ConversionRow;
  }

  async find(id: string): Promise<ConversionRow | null> {
    return ((await this.knex('conversions').where({ id }).first()) as ConversionRow | undefined) ?? null;
  }

  async findForUser(userId: string, id: string): Promise<ConversionRow | null> {
    return ((await this.knex('conversions').where({ id, user_id: userId }).first()) as ConversionRow | undefined) ?? null;
  }

  /** The user's conversions, newest first, after a (created_at, id) key. */
  async listByUser(userId: string, after: { at: string; id: string } | undefined, limit: number): Promise<(ConversionRow & { at_key: string })[]> {
    const q = this.knex('conversions')
      .select('*', this.knex.raw(`to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') AS at_key`))
      .where({ user_id: userId })
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit);
    if (after) q.whereRaw(`(created_at, id) < (?::timestamp AT TIME ZONE 'UTC', ?)`, [after.at, after.id]);
    return (await q) as (ConversionRow & { at_key: string })[];
  }

  /** The newest finished conversion of this source to this target that made a playlist (what `sync` appends to). */
  async previousDone(userId: string, sourceKey: string, target: ConversionTarget): Promise<ConversionRow | null> {
    const row = await this.knex('conversions')
      .where({ user_id: userId, source_key: sourceKey, target, status: 'done' })
      .whereNotNull('target_playlist_id')
      .orderBy('created_at', 'desc')
      .first();
    return (row as ConversionRow | undefined) ?? null;
  }

  /** Finished conversions that wrote to one target playlist (their reports name what is already there). */
  async doneInto(userId: string, target: ConversionTarget, targetPlaylistId: string, excludeId: string, limit: number): Promise<string[]> {
    const rows = await this.knex('conversions')
      .select('id')
      .where({ user_id: userId, target, target_playlist_id: targetPlaylistId })
      .whereNot({ id: excludeId })
      .orderBy('created_at', 'desc')
      .limit(limit);
    return rows.map((r: { id: string }) => r.id);
  }

  /** Marks a queued or running conversion running; null when it is finished, cancelled or gone. */
  async claimRun(id: string): Promise<ConversionRow | null> {
    const [row] = await this.knex('conversions')
      .where({ id })
      .whereIn('status', UNFINISHED)
      .update({ status: 'running', updated_at: this.knex.fn.now() })
      .returning('*');
    return (row as ConversionRow | undefined) ?? null;
  }

  /** Updates a running conversion; false when it is no longer running (cancelled meanwhile), unless `evenIfStopped`. */
  async updateRunning(
    id: string,
    patch: RunningPatch,
    options: {
      evenIfStopped?: boolean;
      /** Only while the checkpoint is at this index (two runs of one conversion never both advance it). */
      atIndex?: number;
      /** Only while no write is recorded in flight. */
      noPendingWrite?: boolean;
      /** Only while a write is recorded in flight (a run taking it over). */
      withPendingWrite?: boolean;
    } = {},
  ): Promise<boolean> {
    const columns: Record<string, unknown> = { updated_at: this.knex.fn.now() };
    if (patch.checkpoint) Object.assign(columns, checkpointColumns(patch.checkpoint));
    if (patch.total !== undefined) columns.total = patch.total;
    if (patch.phase !== undefined) columns.phase = patch.phase;
    if (patch.currentTrack !== undefined) columns.current_track = patch.currentTrack;
    if (patch.waitingUntil !== undefined) columns.waiting_until = patch.waitingUntil;
    if (patch.targetPlaylistId !== undefined) columns.target_playlist_id = patch.targetPlaylistId;
    if (patch.targetPlaylistUrl !== undefined) columns.target_playlist_url = patch.targetPlaylistUrl;
    if (patch.callsMade !== undefined) columns.calls_made = patch.callsMade;
    if (patch.pendingWrite !== undefined) columns.pending_write = patch.pendingWrite === null ? null : JSON.stringify(patch.pendingWrite);
    if (patch.sourceTitle !== undefined) columns.source_title = patch.sourceTitle;
    if (patch.name !== undefined) columns.name = patch.name;
    const q = this.knex('conversions').where({ id });
    if (!options.evenIfStopped) q.where({ status: 'running' });
    if (options.atIndex !== undefined) q.where({ next_index: options.atIndex });
    if (options.noPendingWrite) q.whereNull('pending_write');
    if (options.withPendingWrite) q.whereNotNull('pending_write');
    return (await q.update(columns)) > 0;
  }

  /** Ends a queued or running conversion (done, failed or cancelled); false when it had ended already. */
  async finish(id: string, status: 'done' | 'failed' | 'cancelled', error: string | null, callsMade?: number): Promise<boolean> {
    const columns: Record<string, unknown> = {
      status,
      error,
      phase: 'finished',
      current_track: null,
      waiting_until: null,
      finished_at: this.knex.fn.now(),
      updated_at: this.knex.fn.now(),
    };
    if (callsMade !== undefined) columns.calls_made = callsMade;
    return (await this.knex('conversions').where({ id }).whereIn('status', UNFINISHED).update(columns)) > 0;
  }

  /** Counts after a fix by hand: one row moves between outcomes, and `written` grows when a track was appended. */
  async applyFix(id: string, from: 'needs_review' | 'not_found', to: 'matched' | 'not_found', wrote: boolean): Promise<void> {
    if (from === to && !wrote) return;
    await this.knex('conversions')
      .where({ id })
      .update({
        [from]: this.knex.raw('greatest(?? - 1, 0)', [from]),
        [to]: this.knex.raw('?? + 1', [to]),
        written: this.knex.raw('written + ?', [wrote ? 1 : 0]),
        updated_at: this.knex.fn.now(),
      });
  }

  /** Conversions still queued or running, untouched for `idleMs`: their job may have been lost. */
  async unfinishedIdleFor(idleMs: number, limit: number): Promise<{ id: string }[]> {
    return this.knex('conversions')
      .select('id')
      .whereIn('status', UNFINISHED)
      .where('updated_at', '<', this.knex.raw(`now() - (? * interval '1 millisecond')`, [idleMs]))
      .orderBy('updated_at')
      .limit(limit);
  }

  /** Claims a fix's append (once per conversion, row and track); false when it was claimed before. */
  async claimFixWrite(conversionId: string, index: number, trackId: string): Promise<boolean> {
    const rows = await this.knex('conversion_fix_writes')
      .insert({ conversion_id: conversionId, row_index: index, track_id: trackId })
      .onConflict(['conversion_id', 'row_index', 'track_id'])
      .ignore()
      .returning('track_id');
    return rows.length > 0;
  }

  /** The user's remembered choices for these source tracks on this target. */
  async rules(userId: string, target: ConversionTarget, keys: string[]): Promise<Map<string, RuleRow>> {
    if (keys.length === 0) return new Map();
    const rows = (await this.knex('conversion_rules')
      .select('source_track_key', 'action', 'track')
      .where({ user_id: userId, target })
      .whereIn('source_track_key', [...new Set(keys)])) as RuleRow[];
    return new Map(rows.map((r) => [r.source_track_key, r]));
  }

  async saveRule(userId: string, target: ConversionTarget, key: string, action: RuleRow['action'], track: unknown): Promise<void> {
    await this.knex('conversion_rules')
      .insert({ user_id: userId, target, source_track_key: key, action, track: track === null ? null : JSON.stringify(track) })
      .onConflict(['user_id', 'target', 'source_track_key'])
      .merge({ action, track: track === null ? null : JSON.stringify(track), created_at: this.knex.fn.now() });
  }
}
