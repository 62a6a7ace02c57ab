import type { Knex } from 'knex';
import type { ProviderName, ServiceImportStatus } from '@muse/shared';

/** One import run as stored. */
export interface ServiceImportRow {
  id: string;
  user_id: string;
  provider: ProviderName;
  source_playlist_id: string;
  source_name: string | null;
  status: ServiceImportStatus;
  processed: number;
  total: number;
  linked: number;
  local_files: number;
  unavailable: number;
  playlist_id: string | null;
  error: string | null;
  created_at: Date;
  updated_at: Date;
  finished_at: Date | null;
}

/** What a run ends with: its counts, the playlist it stored (if any) and, unless done, why. */
export interface ServiceImportOutcome {
  status: 'done' | 'partial' | 'failed';
  processed: number;
  total: number;
  linked: number;
  localFiles: number;
  unavailable: number;
  playlistId: string | null;
  error: string | null;
}

const COLUMNS = [
  'id',
  'user_id',
  'provider',
  'source_playlist_id',
  'source_name',
  'status',
  'processed',
  'total',
  'linked',
  'local_files',
  'unavailable',
  'playlist_id',
  'error',
  'created_at',
  'updated_at',
  'finished_at',
];

const UNFINISHED: ServiceImportStatus[] = ['queued', 'importing'];

function normalise(row: ServiceImportRow | undefined): ServiceImportRow | null {
  return row ? { ...row, id: String(row.id), user_id: String(row.user_id) } : null;
}

/** The `service_imports` table. */
export class ServiceImportsRepo {
  constructor(private readonly knex: Knex) {}

  async create(userId: string, provider: ProviderName, sourcePlaylistId: string): Promise<ServiceImportRow> {
    const [row] = await this.knex('service_imports').insert({ user_id: userId, provider, source_playlist_id: sourcePlaylistId }).returning(COLUMNS);
    return normalise(row as ServiceImportRow)!;
  }

  /** One run; with `userId`, only when it is that user's. */
  async find(id: string, userId?: string): Promise<ServiceImportRow | null> {
    const query = this.knex('service_imports').select(COLUMNS).where({ id });
    if (userId !== undefined) query.andWhere({ user_id: userId });
    return normalise((await query.first()) as ServiceImportRow | undefined);
  }

  async listForUser(userId: string, limit: number): Promise<ServiceImportRow[]> {
    const rows = (await this.knex('service_imports').select(COLUMNS).where({ user_id: userId }).orderBy('id', 'desc').limit(limit)) as ServiceImportRow[];
    return rows.map((r) => normalise(r)!);
  }

  /** A run of the same source playlist that has not finished yet, so a second click joins it. */
  async unfinishedFor(userId: string, provider: ProviderName, sourcePlaylistId: string): Promise<ServiceImportRow | null> {
    const row = (await this.knex('service_imports')
      .select(COLUMNS)
      .where({ user_id: userId, provider, source_playlist_id: sourcePlaylistId })
      .whereIn('status', UNFINISHED)
      .orderBy('id', 'desc')
      .first()) as ServiceImportRow | undefined;
    return normalise(row);
  }

  /** The Muse playlist the latest earlier run of this source stored (it may have been deleted since). */
  async previousPlaylistId(userId: string, provider: ProviderName, sourcePlaylistId: string): Promise<string | null> {
    const row = (await this.knex('service_imports')
      .select('playlist_id')
      .where({ user_id: userId, provider, source_playlist_id: sourcePlaylistId })
      .whereNotNull('playlist_id')
      .orderBy('id', 'desc')
      .first()) as { playlist_id: string } | undefined;
    return row?.playlist_id ?? null;
  }

  /** Marks a queued (or restarted) run as reading, with counts from zero; false when it has finished already. */
  async start(id: string): Promise<boolean> {
    const updated = await this.knex('service_imports')
      .where({ id })
      .whereIn('status', UNFINISHED)
      .update({ status: 'importing', processed: 0, total: 0, linked: 0, local_files: 0, unavailable: 0, error: null, updated_at: this.knex.fn.now() });
    return updated > 0;
  }

  async setProgress(id: string, progress: { processed: number; total: number; sourceName?: string }): Promise<void> {
    await this.knex('service_imports')
      .where({ id, status: 'importing' })
      .update({
        processed: progress.processed,
        total: progress.total,
        ...(progress.sourceName !== undefined ? { source_name: progress.sourceName } : {}),
        updated_at: this.knex.fn.now(),
      });
  }

  /** Ends an unfinished run; false when it had ended already. */
  async finish(id: string, outcome: ServiceImportOutcome): Promise<boolean> {
    const updated = await this.knex('service_imports').where({ id }).whereIn('status', UNFINISHED).update({
      status: outcome.status,
      processed: outcome.processed,
      total: outcome.total,
      linked: outcome.linked,
      local_files: outcome.localFiles,
      unavailable: outcome.unavailable,
      playlist_id: outcome.playlistId,
      error: outcome.error,
      updated_at: this.knex.fn.now(),
      finished_at: this.knex.fn.now(),
    });
    return updated > 0;
  }

  /** Unfinished runs nothing has touched for `idleMs`: candidates for a job Redis lost. */
  async unfinishedIdleFor(idleMs: number, limit: number): Promise<Pick<ServiceImportRow, 'id'>[]> {
    const rows = (await this.knex('service_imports')
      .select('id')
      .whereIn('status', UNFINISHED)
      .andWhere('updated_at', '<=', this.knex.raw('now() - make_interval(secs => ?)', [idleMs / 1000]))
      .orderBy('updated_at')
      .limit(limit)) as Pick<ServiceImportRow, 'id'>[];
    return rows.map((r) => ({ id: String(r.id) }));
  }
}
