import { type CsrMatrix, grown } from './sparse-matrix';
import type { TopK } from './top-k';

/**
 * Collects items × items neighbour rows one item after another (row i is appended while item i
 * is computed), in growable typed arrays: memory stays items × neighbours entries.
 */
export class NeighbourRowsBuilder {
  private readonly indptr: Int32Array;
  private indices: Int32Array;
  private values: Float32Array;
  private written = 0;
  private rowsDone = 0;

  constructor(
    private readonly itemCount: number,
    expectedPerItem: number,
  ) {
    this.indptr = new Int32Array(itemCount + 1);
    this.indices = new Int32Array(Math.max(1, itemCount * Math.max(0, expectedPerItem)));
    this.values = new Float32Array(this.indices.length);
  }

  /** Appends the next item's row: the held neighbours, stored by ascending item index (for binary search). */
  pushRow(top: TopK): void {
    const best = top.sorted().sort((a, b) => a.item - b.item);
    if (this.written + best.length > this.indices.length) {
      const size = Math.max(this.indices.length * 2, this.written + best.length);
      this.indices = grown(this.indices, size);
      this.values = grown(this.values, size);
    }
    for (const { item, score } of best) {
      this.indices[this.written] = item;
      this.values[this.written] = score;
      this.written += 1;
    }
    this.rowsDone += 1;
    this.indptr[this.rowsDone] = this.written;
  }

  /** The rows pushed so far (one per item, in order) as a CSR matrix, trimmed to size. */
  build(): CsrMatrix {
    if (this.rowsDone !== this.itemCount) throw new Error(`neighbour rows: ${this.rowsDone} of ${this.itemCount} rows pushed`);
    return {
      rows: this.itemCount,
      cols: this.itemCount,
      indptr: this.indptr,
      indices: this.indices.slice(0, this.written),
      values: this.values.slice(0, this.written),
    };
  }
}
