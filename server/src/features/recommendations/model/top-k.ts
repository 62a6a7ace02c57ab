/**
 * Keeps the k best (highest score) candidates seen in a stream with a min-heap: O(n log k), not a
 * full sort. Equal scores are broken by the lower tie key (then the lower item index), so the
 * result never depends on the order candidates arrive in.
 */
export class TopK {
  private readonly items: Int32Array;
  private readonly scores: Float64Array;
  private readonly ties: Float64Array;
  private size = 0;

  constructor(readonly k: number) {
    this.items = new Int32Array(Math.max(k, 1));
    this.scores = new Float64Array(Math.max(k, 1));
    this.ties = new Float64Array(Math.max(k, 1));
  }

  /** Whether a candidate with this score could still enter (cheap pre-check in hot loops). */
  admits(score: number): boolean {
    return this.size < this.k || score >= this.scores[0]!;
  }

  /** Offers one candidate. */
  push(item: number, score: number, tie = 0): void {
    if (this.k === 0) return;
    if (this.size < this.k) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(item, score, tie, this.items[parent]!, this.scores[parent]!, this.ties[parent]!)) break;
        this.set(i, parent);
        i = parent;
      }
      this.place(i, item, score, tie);
      return;
    }
    if (!this.worse(this.items[0]!, this.scores[0]!, this.ties[0]!, item, score, tie)) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) break;
      const right = left + 1;
      let child = left;
      if (right < this.size && this.worse(this.items[right]!, this.scores[right]!, this.ties[right]!, this.items[left]!, this.scores[left]!, this.ties[left]!))
        child = right;
      if (!this.worse(this.items[child]!, this.scores[child]!, this.ties[child]!, item, score, tie)) break;
      this.set(i, child);
      i = child;
    }
    this.place(i, item, score, tie);
  }

  /** How many candidates are held. */
  get count(): number {
    return this.size;
  }

  /** The held candidates, best first. */
  sorted(): { item: number; score: number }[] {
    const out: { item: number; score: number; tie: number }[] = [];
    for (let i = 0; i < this.size; i += 1) out.push({ item: this.items[i]!, score: this.scores[i]!, tie: this.ties[i]! });
    out.sort((a, b) => b.score - a.score || a.tie - b.tie || a.item - b.item);
    return out.map(({ item, score }) => ({ item, score }));
  }

  private worse(ia: number, sa: number, ta: number, ib: number, sb: number, tb: number): boolean {
    if (sa !== sb) return sa < sb;
    if (ta !== tb) return ta > tb;
    return ia > ib;
  }

  private set(to: number, from: number): void {
    this.items[to] = this.items[from]!;
    this.scores[to] = this.scores[from]!;
    this.ties[to] = this.ties[from]!;
  }

  private place(i: number, item: number, score: number, tie: number): void {
    this.items[i] = item;
    this.scores[i] = score;
    this.ties[i] = tie;
  }
}
