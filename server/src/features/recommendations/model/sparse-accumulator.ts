/**
 * A dense score array with the list of entries touched since the last clear: sums sparse
 * contributions over a large index space and is reset in time proportional to what was touched.
 */
export class SparseAccumulator {
  readonly values: Float64Array;
  readonly touched: Int32Array;
  private readonly isTouched: Uint8Array;
  count = 0;

  constructor(size: number) {
    this.values = new Float64Array(size);
    this.touched = new Int32Array(size);
    this.isTouched = new Uint8Array(size);
  }

  /** Adds `amount` to entry `index`, listing it the first time. */
  add(index: number, amount: number): void {
    this.values[index] = this.values[index]! + amount;
    if (!this.isTouched[index]) {
      this.isTouched[index] = 1;
      this.touched[this.count++] = index;
    }
  }

  /** Zeroes every touched entry and forgets them. */
  clear(): void {
    for (let t = 0; t < this.count; t += 1) {
      const index = this.touched[t]!;
      this.values[index] = 0;
      this.isTouched[index] = 0;
    }
    this.count = 0;
  }
}
