import type { Knex } from 'knex';
import type { ConversionReportRow } from '@muse/shared';
import { chunkOf, chunkRowsInOrder, reportLimit, rowsByChunk, type ConversionReportRepository, type ReportRowsQuery } from '../conversion-report-store.port';

/** Chunks read per round trip while paging a report. */
const CHUNKS_PER_READ = 10;

/**
 * Conversion reports in `doc_conversion_report_chunks`: one row per chunk of 100 report rows, a
 * JSON object keyed by row index. A write merges its rows into their chunk (`||` replaces rows
 * of the same index), so writing a batch again leaves the same report.
 */
export class PostgresConversionReportRepository implements ConversionReportRepository {
  constructor(private readonly knex: Knex) {}

  async putRows(conversionId: string, ownerId: string, rows: ConversionReportRow[]): Promise<void> {
    for (const [chunk, byIndex] of rowsByChunk(rows)) {
      await this.knex.raw(
        `INSERT INTO doc_conversion_report_chunks (conversion_id, chunk, owner_id, rows) VALUES (?, ?, ?, ?::jsonb)
         ON CONFLICT (conversion_id, chunk) DO UPDATE SET rows = doc_conversion_report_chunks.rows || excluded.rows`,
        [conversionId, chunk, ownerId, JSON.stringify(byIndex)],
      );
    }
  }

  async getRow(conversionId: string, index: number): Promise<ConversionReportRow | null> {
    if (!Number.isInteger(index) || index < 0) return null;
    const row = await this.knex('doc_conversion_report_chunks')
      .select(this.knex.raw('rows -> ? AS row', [String(index)]))
      .where({ conversion_id: conversionId, chunk: chunkOf(index) })
      .first<{ row: ConversionReportRow | null } | undefined>();
    return row?.row ?? null;
  }

  async listRows(conversionId: string, query: ReportRowsQuery): Promise<ConversionReportRow[]> {
    const limit = reportLimit(query.limit);
    const out: ConversionReportRow[] = [];
    let fromChunk = query.afterIndex === undefined ? 0 : chunkOf(Math.max(0, query.afterIndex + 1));
    for (;;) {
      const chunks = await this.knex('doc_conversion_report_chunks')
        .select('chunk', 'rows')
        .where({ conversion_id: conversionId })
        .andWhere('chunk', '>=', fromChunk)
        .orderBy('chunk')
        .limit(CHUNKS_PER_READ);
      for (const { rows } of chunks as { chunk: number; rows: Record<string, ConversionReportRow> }[]) {
        out.push(...chunkRowsInOrder(rows, query));
        if (out.length >= limit) return out.slice(0, limit);
      }
      if (chunks.length < CHUNKS_PER_READ) return out;
      fromChunk = (chunks[chunks.length - 1] as { chunk: number }).chunk + 1;
    }
  }

  async deleteReport(conversionId: string): Promise<boolean> {
    return (await this.knex('doc_conversion_report_chunks').where({ conversion_id: conversionId }).delete()) > 0;
  }

  async deleteByOwner(ownerId: string): Promise<number> {
    return this.knex('doc_conversion_report_chunks').where({ owner_id: ownerId }).delete();
  }
}
