import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { ItemAttributes } from '../content-similarity';
import { RatingsCsvError, splitCsvLine } from './ratings-csv';

/** Item attributes read from a CSV, by item id, with the count of rows that could not be read. */
export interface ItemAttributesTable {
  byItem: Map<string, ItemAttributes>;
  badRows: number;
}

const COLUMNS = ['itemid', 'artist', 'genres', 'styles', 'label', 'year'] as const;

/**
 * Parses CSV lines (header first) of item attributes: the header names `itemId` and any of
 * `artist`, `genres`, `styles`, `label`, `year` (any order and case; genres and styles separated
 * by `|`). A row without an item id, or with a year that is not a whole number, is skipped and counted.
 */
export async function readItemAttributeLines(lines: AsyncIterable<string> | Iterable<string>): Promise<ItemAttributesTable> {
  const byItem = new Map<string, ItemAttributes>();
  let at: Partial<Record<(typeof COLUMNS)[number], number>> | undefined;
  let badRows = 0;
  for await (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    const fields = splitCsvLine(line).map((f) => f.trim());
    if (!at) {
      const names = fields.map((f) => f.toLowerCase());
      const found: Partial<Record<(typeof COLUMNS)[number], number>> = Object.fromEntries(
        COLUMNS.map((c) => [c, names.indexOf(c)] as const).filter(([, i]) => i >= 0),
      );
      at = found;
      if (found.itemid === undefined) throw new RatingsCsvError('the item attributes header must name itemId');
      continue;
    }
    const columns = at;
    const field = (name: (typeof COLUMNS)[number]): string => (columns[name] === undefined ? '' : (fields[columns[name]] ?? ''));
    const list = (name: 'genres' | 'styles'): string[] =>
      field(name)
        .split('|')
        .map((v) => v.trim())
        .filter(Boolean);
    const itemId = field('itemid');
    const year = field('year');
    if (!itemId || (year !== '' && !/^-?\d+$/.test(year))) {
      badRows += 1;
      continue;
    }
    byItem.set(itemId, {
      artist: field('artist') || undefined,
      genres: list('genres'),
      styles: list('styles'),
      label: field('label') || undefined,
      year: year === '' ? undefined : Number(year),
    });
  }
  if (!at) throw new RatingsCsvError('the item attributes file is empty: expected a header itemId,artist,genres,styles,label,year');
  return { byItem, badRows };
}

/** Streams an item attributes CSV file into a table by item id. */
export async function readItemAttributesCsv(path: string): Promise<ItemAttributesTable> {
  return readItemAttributeLines(createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity }));
}
