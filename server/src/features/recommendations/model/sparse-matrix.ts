/**
 * Compressed sparse rows in typed arrays: users × items (or items × users after `transpose`).
 * 5 M ratings take 5 M × (4 + 4) bytes plus one offset per row.
 */
export interface CsrMatrix {
  readonly rows: number;
  readonly cols: number;
  /** Row r's entries are positions indptr[r] .. indptr[r + 1] - 1, columns ascending. */
  readonly indptr: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

/** Entries in coordinate form; `length` may be shorter than the arrays (growable buffers). */
export interface CooEntries {
  rows: Int32Array;
  cols: Int32Array;
  values: Float32Array;
  length: number;
}

/**
 * Builds a CSR matrix from coordinate entries. Columns come out ascending within each row; when
 * a (row, col) pair repeats, the last entry in input order wins (a re-rating replaces the old one).
 */
export function buildCsr(rowCount: number, colCount: number, entries: CooEntries): CsrMatrix {
  const { rows, cols, values, length } = entries;
  const counts = new Int32Array(rowCount + 1);
  for (let n = 0; n < length; n += 1) counts[rows[n]! + 1] = counts[rows[n]! + 1]! + 1;
  for (let r = 0; r < rowCount; r += 1) counts[r + 1] = counts[r + 1]! + counts[r]!;
  const fill = counts.slice(0, rowCount);
  const order = new Int32Array(length);
  for (let n = 0; n < length; n += 1) {
    const r = rows[n]!;
    order[fill[r]!] = n;
    fill[r] = fill[r]! + 1;
  }

  // Per row: mark the last input position of each column, keep those, sort the columns.
  const lastSeen = new Int32Array(colCount).fill(-1);
  const indptr = new Int32Array(rowCount + 1);
  const indices = new Int32Array(length);
  const out = new Float32Array(length);
  let written = 0;
  for (let r = 0; r < rowCount; r += 1) {
    const start = counts[r]!;
    const end = counts[r + 1]!;
    for (let p = start; p < end; p += 1) lastSeen[cols[order[p]!]!] = order[p]!;
    const rowStart = written;
    for (let p = start; p < end; p += 1) {
      const n = order[p]!;
      if (lastSeen[cols[n]!] === n) indices[written++] = cols[n]!;
    }
    indices.subarray(rowStart, written).sort();
    for (let p = rowStart; p < written; p += 1) out[p] = values[lastSeen[indices[p]!]!]!;
    for (let p = start; p < end; p += 1) lastSeen[cols[order[p]!]!] = -1;
    indptr[r + 1] = written;
  }
  return { rows: rowCount, cols: colCount, indptr, indices: indices.slice(0, written), values: out.slice(0, written) };
}

/** The transpose (CSC of the input seen as CSR), columns ascending within each row. */
export function transpose(m: CsrMatrix): CsrMatrix {
  const nnz = m.indptr[m.rows]!;
  const indptr = new Int32Array(m.cols + 1);
  for (let p = 0; p < nnz; p += 1) indptr[m.indices[p]! + 1] = indptr[m.indices[p]! + 1]! + 1;
  for (let c = 0; c < m.cols; c += 1) indptr[c + 1] = indptr[c + 1]! + indptr[c]!;
  const fill = indptr.slice(0, m.cols);
  const indices = new Int32Array(nnz);
  const values = new Float32Array(nnz);
  for (let r = 0; r < m.rows; r += 1) {
    for (let p = m.indptr[r]!; p < m.indptr[r + 1]!; p += 1) {
      const c = m.indices[p]!;
      const at = fill[c]!;
      fill[c] = at + 1;
      indices[at] = r;
      values[at] = m.values[p]!;
    }
  }
  return { rows: m.cols, cols: m.rows, indptr, indices, values };
}

/** A row as parallel (column, value) views, without copying. */
export function rowOf(m: CsrMatrix, row: number): { indices: Int32Array; values: Float32Array } {
  const start = m.indptr[row]!;
  const end = m.indptr[row + 1]!;
  return { indices: m.indices.subarray(start, end), values: m.values.subarray(start, end) };
}

/** A copy of a typed array in a larger one of the same type (`size` entries, the rest 0). */
export function grown<T extends Int32Array | Float32Array | Float64Array>(array: T, size: number): T {
  const next = new (array.constructor as new (n: number) => T)(size);
  next.set(array);
  return next;
}

/** Growable coordinate buffers for streaming input of unknown size. */
export class CooBuilder implements CooEntries {
  rows = new Int32Array(1024);
  cols = new Int32Array(1024);
  values = new Float32Array(1024);
  length = 0;

  /** Appends one entry, doubling the buffers when full. */
  push(row: number, col: number, value: number): void {
    if (this.length === this.rows.length) {
      this.rows = grown(this.rows, this.length * 2);
      this.cols = grown(this.cols, this.length * 2);
      this.values = grown(this.values, this.length * 2);
    }
    this.rows[this.length] = row;
    this.cols[this.length] = col;
    this.values[this.length] = value;
    this.length += 1;
  }
}
