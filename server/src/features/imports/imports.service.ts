import {
  IMPORT_CSV_MAX_BYTES,
  type AlbumSummary,
  type ImportConfirmInput,
  type ImportCreateInput,
  type ImportList,
  type ImportStatus,
  type ImportView,
} from '@muse/shared';
import { AppError } from '../../lib/app-error';
import type { JobQueues } from '../../jobs/queues';
import type { CatalogReadModel } from '../catalog/catalog.read-model';
import { presentAlbumSummary } from '../../http/presenters/catalog.presenter';
import type { ImportApplying } from './import-applying.service';
import { importApplyJob, importApplyJobId } from './import-apply.job';
import { readCsvHeader } from '../../lib/csv-read';
import { importParseJob, importParseJobId } from './import-parse.job';
import type { ImportParsing, RunOptions } from './import-parsing.service';
import { applyPlan } from './import-plan';
import { missingColumns } from './import-rows';
import type { ImportsRepo } from './imports.repo';
import { presentImport, presentImportSummary } from './imports.presenter';

export interface ImportsServiceDeps {
  repo: ImportsRepo;
  catalog: CatalogReadModel;
  queues: JobQueues;
  parsing: ImportParsing;
  applying: ImportApplying;
  announce(userId: string, importId: string): Promise<void>;
}

/** The `import:progress` payload. */
export interface ImportProgress {
  importId: string;
  status: ImportStatus;
  processed: number;
  total: number;
}

const LIST_LIMIT = 100;
const SUMMARY_CHUNK = 1000;

/**
 * CSV imports from Letterboxd and Rate Your Music: upload (parsed and matched by a job), review,
 * confirm (applied by a job), with progress told to the user's browser. Users see only their own.
 */
export class ImportsService {
  constructor(private readonly deps: ImportsServiceDeps) {}

  /** Stores the file and queues its parsing; a file of the wrong kind is refused at once. */
  async create(userId: string, input: ImportCreateInput): Promise<ImportView> {
    if (Buffer.byteLength(input.csv, 'utf8') > IMPORT_CSV_MAX_BYTES) {
      throw AppError.badRequest('validation_failed', 'Some fields are not valid.', [{ path: 'csv', message: 'The file is larger than 5 MB' }]);
    }
    const missing = missingColumns(input.source, readCsvHeader(input.csv));
    if (missing.length) {
      const name = input.source === 'letterboxd' ? 'a Letterboxd' : 'a Rate Your Music';
      const message = `This does not look like ${name} CSV: the header has no ${missing.join(', ')} column.`;
      throw AppError.badRequest('import_columns_missing', message, [{ path: 'csv', message }]);
    }
    const row = await this.deps.repo.create(userId, input.source, input.csv);
    const importId = String(row.id);
    try {
      await this.deps.queues.enqueue(importParseJob, { importId }, { jobId: importParseJobId(importId) });
    } catch (err) {
      await this.deps.repo.fail(importId, 'The import could not be queued. Try again.');
      throw err;
    }
    return presentImport(row, [], new Map());
  }

  /** One of the user's imports with every row; someone else's answers 404 like a missing one. */
  async get(userId: string, importId: string): Promise<ImportView> {
    const row = await this.deps.repo.find(importId, userId);
    if (!row) throw AppError.notFound('Import');
    const rows = await this.deps.repo.rows(importId);
    const ids = [...new Set(rows.flatMap((r) => (r.status === 'matched' && r.albumId ? [r.albumId] : [])))];
    return presentImport(row, rows, await this.summaries(ids));
  }

  /** The user's latest imports, newest first, without their rows. */
  async list(userId: string): Promise<ImportList> {
    return { items: (await this.deps.repo.listForUser(userId, LIST_LIMIT)).map(presentImportSummary) };
  }

  /**
   * Confirms a `ready` import and queues its application. Any other state (already confirmed,
   * still parsing, failed) is a 409 `import_not_ready`.
   */
  async confirm(userId: string, importId: string, input: ImportConfirmInput): Promise<ImportView> {
    const { repo } = this.deps;
    const row = await repo.find(importId, userId);
    if (!row) throw AppError.notFound('Import');
    const notReady = () =>
      AppError.conflict(
        'import_not_ready',
        `This import is ${row.status === 'parsing' ? 'still being read' : row.status === 'failed' ? 'failed' : 'already confirmed'}; only a ready import can be confirmed.`,
      );
    if (row.status !== 'ready') throw notReady();
    const skipLines = [...new Set(input.skipLines)];
    const planSize = applyPlan(await repo.rows(importId), skipLines).length;
    if (!(await repo.startApplying(userId, importId, skipLines, planSize))) throw notReady();
    try {
      await this.deps.queues.enqueue(importApplyJob, { importId }, { jobId: importApplyJobId(importId) });
    } catch (err) {
      await repo.revertToReady(importId);
      throw err;
    }
    await this.deps.announce(userId, importId);
    return this.get(userId, importId);
  }

  /** Where an import stands, for the live progress event; null when it is gone. */
  async progress(userId: string, importId: string): Promise<ImportProgress | null> {
    const row = await this.deps.repo.find(importId, userId);
    return row ? { importId: String(row.id), status: row.status, processed: row.processed, total: row.total } : null;
  }

  /** The parse job's entry point. */
  runParse(importId: string, options: RunOptions): Promise<void> {
    return this.deps.parsing.run(importId, options);
  }

  /** The apply job's entry point. */
  runApply(importId: string, options: RunOptions): Promise<void> {
    return this.deps.applying.run(importId, options);
  }

  private async summaries(ids: string[]): Promise<Map<string, AlbumSummary>> {
    const out = new Map<string, AlbumSummary>();
    for (let i = 0; i < ids.length; i += SUMMARY_CHUNK) {
      for (const album of await this.deps.catalog.albumSummaries(ids.slice(i, i + SUMMARY_CHUNK))) out.set(String(album.id), presentAlbumSummary(album));
    }
    return out;
  }
}
