import type { Response } from 'express';
import type { ConversionReportRepository } from '../../docstore/conversion-report-store.port';
import { toCsv, type CsvValue } from '../../lib/csv-write';
import type { ConversionRow } from './conversions.repo';

const COLUMNS = [
  'index',
  'outcome',
  'reason',
  'method',
  'confidence',
  'source_title',
  'source_artists',
  'source_album',
  'source_isrc',
  'chosen_id',
  'chosen_title',
  'chosen_artists',
  'chosen_url',
  'written',
] as const;
type Column = (typeof COLUMNS)[number];

const PAGE = 500;

/** A file name from the conversion's name: letters, digits, dashes; never empty. */
function fileName(c: ConversionRow): string {
  const base = (c.name || c.source_title || 'conversion')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'conversion'}-report.csv`;
}

/**
 * Writes a conversion's report as a CSV attachment, one line per source track in playlist order,
 * read and written 500 rows at a time so a 10,000-row report is never held whole.
 */
export async function writeReportCsv(reports: ConversionReportRepository, c: ConversionRow, res: Response): Promise<void> {
  res.status(200);
  res.set({
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${fileName(c)}"`,
    'Cache-Control': 'no-store',
  });
  let after: number | undefined;
  let first = true;
  for (;;) {
    const rows = await reports.listRows(c.id, { afterIndex: after, limit: PAGE });
    if (!rows.length && !first) break;
    const lines = rows.map((r): Record<Column, CsvValue> => ({
      index: r.index,
      outcome: r.outcome,
      reason: r.reason,
      method: r.method,
      confidence: r.confidence,
      source_title: r.source.title,
      source_artists: r.source.artists.join('; '),
      source_album: r.source.album,
      source_isrc: r.source.isrc,
      chosen_id: r.chosen?.id,
      chosen_title: r.chosen?.title,
      chosen_artists: r.chosen?.artists.join('; '),
      chosen_url: r.chosen?.url,
      written: r.written,
    }));
    const csv = toCsv(COLUMNS, lines);
    // Every page but the first drops the header line toCsv writes.
    res.write(first ? csv : csv.slice(csv.indexOf('\r\n') + 2));
    first = false;
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.index;
  }
  res.end();
}
