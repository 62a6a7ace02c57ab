import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { grown } from '../sparse-matrix';

/** Ratings read from a `userId,itemId,rating` CSV: ids interned to indices, values in typed arrays. */
export interface RatingsTable {
  userIds: string[];
  itemIds: string[];
  users: Int32Array;
  items: Int32Array;
  ratings: Float64Array;
  length: number;
  /** Rows that could not be read (wrong field count, empty id, rating not a number). */
  badRows: number;
}

export class RatingsCsvError extends Error {}

/** Splits one CSV line into fields; double-quoted fields may hold commas and doubled quotes. */
export function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

/** Grows the typed arrays of a table being read. */
class Columns {
  users = new Int32Array(1 << 16);
  items = new Int32Array(1 << 16);
  ratings = new Float64Array(1 << 16);
  length = 0;

  push(user: number, item: number, rating: number): void {
    if (this.length === this.users.length) {
      const size = this.users.length * 2;
      this.users = grown(this.users, size);
      this.items = grown(this.items, size);
      this.ratings = grown(this.ratings, size);
    }
    this.users[this.length] = user;
    this.items[this.length] = item;
    this.ratings[this.length] = rating;
    this.length += 1;
  }
}

/**
 * Parses CSV text lines (header first) into a ratings table. The header must name `userId`,
 * `itemId` and `rating` (any order, any case; other columns such as a timestamp are ignored).
 */
export async function readRatingLines(lines: AsyncIterable<string> | Iterable<string>): Promise<RatingsTable> {
  const userIndex = new Map<string, number>();
  const itemIndex = new Map<string, number>();
  const columns = new Columns();
  let header: { user: number; item: number; rating: number; width: number } | undefined;
  let badRows = 0;
  for await (const raw of lines) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') continue;
    const fields = splitCsvLine(line);
    if (!header) {
      const names = fields.map((f) =>
        f
          .trim()
          .replace(/^\uFEFF/, '')
          .toLowerCase(),
      );
      const find = (name: string): number => names.indexOf(name.toLowerCase());
      header = { user: find('userId'), item: find('itemId'), rating: find('rating'), width: names.length };
      if (header.user < 0 || header.item < 0 || header.rating < 0)
        throw new RatingsCsvError(`the header must name userId, itemId and rating; found: ${fields.join(',')}`);
      continue;
    }
    const user = fields[header.user]?.trim() ?? '';
    const item = fields[header.item]?.trim() ?? '';
    const ratingText = fields[header.rating]?.trim() ?? '';
    const rating = ratingText === '' ? Number.NaN : Number(ratingText);
    if (fields.length !== header.width || user === '' || item === '' || !Number.isFinite(rating)) {
      badRows += 1;
      continue;
    }
    let u = userIndex.get(user);
    if (u === undefined) {
      u = userIndex.size;
      userIndex.set(user, u);
    }
    let i = itemIndex.get(item);
    if (i === undefined) {
      i = itemIndex.size;
      itemIndex.set(item, i);
    }
    columns.push(u, i, rating);
  }
  if (!header) throw new RatingsCsvError('the file is empty: expected a header userId,itemId,rating');
  return {
    userIds: [...userIndex.keys()],
    itemIds: [...itemIndex.keys()],
    users: columns.users,
    items: columns.items,
    ratings: columns.ratings,
    length: columns.length,
    badRows,
  };
}

/** Streams a ratings CSV file (never holding the text in memory) into a ratings table. */
export async function readRatingsCsv(path: string): Promise<RatingsTable> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  return readRatingLines(lines);
}
