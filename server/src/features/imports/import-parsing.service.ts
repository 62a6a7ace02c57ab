import { IMPORT_MAX_ROWS } from '@muse/shared';
import type { Logger } from '../../lib/logger';
import { AlbumMatcher } from '../../lib/album-matcher';
import type { CatalogReadModel } from '../catalog/catalog.read-model';
import { matchTrack } from './track-matcher';
import { readCsv } from '../../lib/csv-read';
import { missingColumns, readRows, type ReadRow } from './import-rows';
import type { ImportsRepo, StoredRow } from './imports.repo';

export interface ImportParsingDeps {
  repo: ImportsRepo;
  /** The tracks of a matched album, for rows about a track. */
  catalog: Pick<CatalogReadModel, 'listTracks'>;
  /** Tells the importing user's browser how far the import has got. */
  announce(userId: string, importId: string): Promise<void>;
}

/** What a job run tells the work: whether this is its last attempt, and where to log. */
export interface RunOptions {
  finalAttempt: boolean;
  logger: Logger;
}

const PROGRESS_EVERY = 100;
// Lookups in flight at once: enough to overlap round trips without hogging the pool.
const MATCH_CONCURRENCY = 4;

/**
 * The parse job's work: read the file, validate each row, match valid rows to the catalog and
 * store the result. A broken row never stops the file; a file of the wrong kind fails the import
 * with a message. Running it again after it finished changes nothing.
 */
export class ImportParsing {
  constructor(private readonly deps: ImportParsingDeps) {}

  async run(importId: string, options: RunOptions): Promise<void> {
    const { repo } = this.deps;
    const imp = await repo.find(importId);
    if (!imp || imp.status !== 'parsing') return;
    const userId = String(imp.user_id);
    try {
      const csv = await repo.csv(importId);
      const table = readCsv(csv ?? '');
      const missing = missingColumns(imp.source, table.header);
      if (missing.length) return await this.fail(userId, importId, `The file's header has no ${missing.join(', ')} column.`);
      const read = readRows(imp.source, table);
      if (!read.length) return await this.fail(userId, importId, 'The file has a header but no rows.');
      if (read.length > IMPORT_MAX_ROWS)
        return await this.fail(
          userId,
          importId,
          `The file has ${read.length.toLocaleString('en')} rows; at most ${IMPORT_MAX_ROWS.toLocaleString('en')} can be imported at once.`,
        );

      await repo.setParseProgress(importId, { total: read.length, processed: 0 });
      await this.deps.announce(userId, importId);
      const stored = await this.match(userId, importId, read);
      const count = (status: StoredRow['status']) => stored.filter((r) => r.status === status).length;
      if (await repo.finishParsing(importId, stored, { matched: count('matched'), unmatched: count('unmatched'), invalid: count('invalid') })) {
        await this.deps.announce(userId, importId);
      }
    } catch (err) {
      if (options.finalAttempt) {
        options.logger.error({ err, importId }, 'import parse failed for good');
        await this.fail(userId, importId, 'Something went wrong while reading the file. Try again later.');
      }
      throw err;
    }
  }

  private async match(userId: string, importId: string, read: ReadRow[]): Promise<StoredRow[]> {
    const matcher = new AlbumMatcher(this.deps.repo);
    const stored: StoredRow[] = [];
    let nextReport = PROGRESS_EVERY;
    for (let i = 0; i < read.length; i += MATCH_CONCURRENCY) {
      stored.push(...(await Promise.all(read.slice(i, i + MATCH_CONCURRENCY).map((row) => this.matchRow(matcher, row)))));
      if (stored.length >= nextReport && stored.length < read.length) {
        nextReport += PROGRESS_EVERY;
        await this.deps.repo.setParseProgress(importId, { total: read.length, processed: stored.length });
        await this.deps.announce(userId, importId);
      }
    }
    return stored;
  }

  private async matchRow(matcher: AlbumMatcher, row: ReadRow): Promise<StoredRow> {
    const base = {
      line: row.line,
      artist: row.artist,
      title: row.title,
      year: row.year,
      rating: row.rating,
      listenedOn: row.listenedOn,
      isRelisten: row.isRelisten,
      review: row.review,
      addedOn: row.addedOn,
      ...(row.track ? { trackTitle: row.track.title, isrc: row.track.isrc } : {}),
    };
    if (row.invalid) return { ...base, status: 'invalid', reason: row.invalid, albumId: null };
    const result = await matcher.match(row);
    if (!result.albumId) return { ...base, status: 'unmatched', reason: result.reason, albumId: null };
    if (!row.track) return { ...base, status: 'matched', reason: null, albumId: result.albumId };
    const trackId = matchTrack(await this.deps.catalog.listTracks(result.albumId), row.track);
    return trackId
      ? { ...base, status: 'matched', reason: null, albumId: result.albumId, trackId }
      : { ...base, status: 'unmatched', reason: `No track “${row.track.title}” on “${row.title}” in the catalog.`, albumId: null };
  }

  private async fail(userId: string, importId: string, error: string): Promise<void> {
    await this.deps.repo.fail(importId, error);
    await this.deps.announce(userId, importId);
  }
}
