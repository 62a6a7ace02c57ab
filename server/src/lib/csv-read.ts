import { parse } from 'csv-parse/sync';

/** One record of a CSV file with the line it starts on (1-based, as an editor shows it). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export interface CsvTable {
  /** Header names as written, trimmed. */
  header: string[];
  records: CsvRecord[];
  /** A record the parser could not read (an unclosed quote swallows the rest of the file). */
  broken: { line: number; message: string }[];
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Tracks line numbers by byte offset. csv-parse reports each record's end offset; its own line
 * count drifts on CRLF inside quoted fields, so lines are counted here from the bytes.
 */
class LineCounter {
  private offset = 0;
  private line = 1;

  constructor(private readonly bytes: Buffer) {}

  /** Line of the next record's first character: blank lines before it are skipped. */
  nextRecordLine(): number {
    while (this.offset < this.bytes.length && (this.bytes[this.offset] === LF || this.bytes[this.offset] === CR)) this.step();
    return this.line;
  }

  /** Moves to the end of a record. */
  advanceTo(end: number): void {
    while (this.offset < end && this.offset < this.bytes.length) this.step();
  }

  private step(): void {
    const byte = this.bytes[this.offset];
    // A line ends at LF, or at a CR not followed by LF (old Mac files).
    if (byte === LF || (byte === CR && this.bytes[this.offset + 1] !== LF)) this.line += 1;
    this.offset += 1;
  }
}

/**
 * Reads CSV text with a real parser: BOM, quoted fields with commas, quotes and newlines, CRLF
 * or LF, stray quotes inside unquoted fields. Blank lines are skipped. A record the parser
 * cannot read is reported in `broken` instead of failing the whole file.
 */
export function readCsv(text: string): CsvTable {
  const bytes = Buffer.from(text, 'utf8');
  const lines = new LineCounter(bytes);
  const records: CsvRecord[] = [];
  const broken: CsvTable['broken'] = [];
  parse(bytes, {
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_record: (fields: string[], context) => {
      records.push({ line: lines.nextRecordLine(), fields });
      lines.advanceTo(context.bytes);
      return null;
    },
    on_skip: (err) => {
      broken.push({ line: lines.nextRecordLine(), message: describeCsvError(err?.code) });
      return undefined;
    },
  });
  const [first, ...rest] = records;
  return { header: (first?.fields ?? []).map((h) => h.trim()), records: rest, broken };
}

/** Reads only the header line, to refuse a file of the wrong kind before queueing it. */
export function readCsvHeader(text: string): string[] {
  const firstLine = /^[^\r\n]*/.exec(text.replace(/^\uFEFF/, ''))![0];
  try {
    const [fields] = parse(firstLine, { relax_quotes: true, relax_column_count: true }) as string[][];
    return (fields ?? []).map((h) => h.trim());
  } catch {
    return [];
  }
}

function describeCsvError(code: string | undefined): string {
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'A quote opened here is never closed, so the rest of the file could not be read.';
  return 'This line is not valid CSV.';
}
