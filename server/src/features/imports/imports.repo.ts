import type { Knex } from 'knex';
import type { ImportStatus } from '@muse/shared';
import type { ImportSource } from './import-rows';

/** A row as stored in `imports.rows`: what was read, and what it matched. */
export interface StoredRow {
  line: number;
  artist: string;
  title: string;
  year: number | null;
  rating: number | null;
  listenedOn: string | null;
  isRelisten: boolean;
  review: string | null;
  /** The day a watchlist row was added; absent on diary rows. */
  addedOn?: string | null;
  /** The track a Muse export row reviews, as written (absent for albums and other sources). */
  trackTitle?: string | null;
  isrc?: string | null;
  status: 'matched' | 'unmatched' | 'invalid';
  reason: string | null;
  albumId: string | null;
  /** The catalog track a matched track row points at (on `albumId`). */
  trackId?: string | null;
}

/** An import's state and counters (its rows are read separately: they can be large). */
export interface ImportRow {
  id: string;
  user_id: string;
  source: ImportSource;
  status: ImportStatus;
  total: number;
  processed: number;
  matched: number;
  unmatched: number;
  invalid: number;
  applied: number;
  apply_cursor: number;
  skip_lines: number[];
  error: string | null;
  created_at: Date;
}

/** A catalog album that may be the one a row names. */
export interface CandidateRow {
  id: string;
  title: string;
  artist_credit: string;
  release_year: number | null;
  rating_count: number;
  /** Each credited artist's name, in credit order. */
  credited_names: string[];
}

const SUMMARY_COLUMNS = [
  'id',
  'user_id',
  'source',
  'status',
  'total',
  'processed',
  'matched',
  'unmatched',
  'invalid',
  'applied',
  'apply_cursor',
  'skip_lines',
  'error',
  'created_at',
];

/** The imports table, and the catalog and diary reads that matching and applying need. */
export class ImportsRepo {
  constructor(private readonly knex: Knex) {}

  async create(userId: string, source: ImportSource, csv: string): Promise<ImportRow> {
    const [row] = await this.knex('imports').insert({ user_id: userId, source, csv }).returning(SUMMARY_COLUMNS);
    return row as ImportRow;
  }

  /** One import without its rows; another user's import is null, like a missing one. */
  async find(id: string, userId?: string, db: Knex = this.knex): Promise<ImportRow | null> {
    const q = db('imports').select(SUMMARY_COLUMNS).where({ id });
    if (userId !== undefined) q.andWhere({ user_id: userId });
    return ((await q.first()) as ImportRow | undefined) ?? null;
  }

  /** Locks an import for the rest of the transaction, so that apply steps run one at a time. */
  async lock(trx: Knex.Transaction, id: string): Promise<ImportRow | null> {
    return ((await trx('imports').select(SUMMARY_COLUMNS).where({ id }).forUpdate().first()) as ImportRow | undefined) ?? null;
  }

  async rows(id: string): Promise<StoredRow[]> {
    const row = await this.knex('imports').select('rows').where({ id }).first();
    return (row?.rows as StoredRow[] | undefined) ?? [];
  }

  async csv(id: string): Promise<string | null> {
    return ((await this.knex('imports').select('csv').where({ id }).first())?.csv as string | null | undefined) ?? null;
  }

  async listForUser(userId: string, limit: number): Promise<ImportRow[]> {
    return (await this.knex('imports').select(SUMMARY_COLUMNS).where({ user_id: userId }).orderBy('id', 'desc').limit(limit)) as ImportRow[];
  }

  /** Updates counters while parsing; a no-op once the import has left `parsing`. */
  async setParseProgress(id: string, progress: { total: number; processed: number }): Promise<void> {
    await this.knex('imports')
      .where({ id, status: 'parsing' })
      .update({ ...progress, updated_at: this.knex.fn.now() });
  }

  /** Stores the parsed rows and moves to `ready`; false when the import was no longer parsing. */
  async finishParsing(id: string, rows: StoredRow[], counts: { matched: number; unmatched: number; invalid: number }): Promise<boolean> {
    const updated = await this.knex('imports')
      .where({ id, status: 'parsing' })
      .update({
        rows: JSON.stringify(rows),
        ...counts,
        total: rows.length,
        processed: rows.length,
        status: 'ready',
        csv: null,
        updated_at: this.knex.fn.now(),
      });
    return updated > 0;
  }

  async fail(id: string, error: string): Promise<void> {
    await this.knex('imports')
      .where({ id })
      .whereIn('status', ['parsing', 'applying'])
      .update({ status: 'failed', error, csv: null, updated_at: this.knex.fn.now(), finished_at: this.knex.fn.now() });
  }

  /** Moves a ready import to `applying` (atomically: two confirmations cannot both win). */
  async startApplying(userId: string, id: string, skipLines: number[], planSize: number): Promise<boolean> {
    const updated = await this.knex('imports').where({ id, user_id: userId, status: 'ready' }).update({
      status: 'applying',
      skip_lines: skipLines,
      total: planSize,
      processed: 0,
      applied: 0,
      apply_cursor: 0,
      confirmed_at: this.knex.fn.now(),
      updated_at: this.knex.fn.now(),
    });
    return updated > 0;
  }

  /** Gives a confirmation back when its job could not be queued. */
  async revertToReady(id: string): Promise<void> {
    await this.knex('imports').where({ id, status: 'applying', apply_cursor: 0 }).update({ status: 'ready', confirmed_at: null });
  }

  /** Records one committed apply step (inside the step's transaction). */
  async advanceCursor(trx: Knex.Transaction, id: string, cursor: number, applied: boolean): Promise<void> {
    await trx('imports')
      .where({ id })
      .update({ apply_cursor: cursor, processed: cursor, applied: this.knex.raw(applied ? 'applied + 1' : 'applied'), updated_at: this.knex.fn.now() });
  }

  /** Marks one row as not applied, with why (its album vanished before the apply). */
  async markRowUnapplied(trx: Knex.Transaction, id: string, rowIndex: number, reason: string): Promise<void> {
    await trx.raw(
      `UPDATE imports SET rows = jsonb_set(jsonb_set(rows, ?::text[], '"unmatched"'), ?::text[], to_jsonb(?::text)),
              matched = matched - 1, unmatched = unmatched + 1
        WHERE id = ?`,
      [`{${rowIndex},status}`, `{${rowIndex},reason}`, reason, id],
    );
  }

  async finishApplying(id: string): Promise<boolean> {
    const updated = await this.knex('imports')
      .where({ id, status: 'applying' })
      .update({ status: 'done', updated_at: this.knex.fn.now(), finished_at: this.knex.fn.now() });
    return updated > 0;
  }

  /** Imports still parsing or applying that nothing has advanced for `idleMs`, oldest first. */
  async unfinishedIdleFor(idleMs: number, limit: number): Promise<Pick<ImportRow, 'id' | 'status'>[]> {
    return (await this.knex('imports')
      .select('id', 'status')
      .whereIn('status', ['parsing', 'applying'])
      .andWhere('updated_at', '<=', this.knex.raw('now() - make_interval(secs => ?)', [idleMs / 1000]))
      .orderBy('updated_at')
      .limit(limit)) as Pick<ImportRow, 'id' | 'status'>[];
  }

  /**
   * Albums whose title and artist resemble the query, through the trigram index on
   * `albums.search_text` (word similarity: the query's trigrams found in the album's text).
   */
  async findCandidates(query: string, limit: number): Promise<CandidateRow[]> {
    const { rows } = await this.knex.raw<{ rows: (Omit<CandidateRow, 'rating_count'> & { rating_count: string | number })[] }>(
      `SELECT a.id, a.title, a.artist_credit, a.release_year, COALESCE(s.count, 0) AS rating_count,
              ARRAY(SELECT aa.credited_name FROM album_artists aa WHERE aa.album_id = a.id ORDER BY aa.position) AS credited_names
         FROM albums a
         LEFT JOIN album_rating_stats s ON s.album_id = a.id
        WHERE muse_norm(?) <% a.search_text
        ORDER BY word_similarity(muse_norm(?), a.search_text) DESC, a.id
        LIMIT ?`,
      [query, query, limit],
    );
    return rows.map((r) => ({ ...r, id: String(r.id), rating_count: Number(r.rating_count) }));
  }
}
