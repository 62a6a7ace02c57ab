import type { ProfileScorer, Recommendation, UserProfile } from './recommendation-model';
import { TopK } from './top-k';

/** One scored part of a blend and the factor its scores were multiplied by for this profile. */
export interface ScaledScorer {
  scorer: ProfileScorer;
  scale: number;
}

/**
 * Names each pick's `because`: the profile items (positive weight) that contributed most to its
 * blended score, best first. Scorers that can list a source's contributions (neighbour rows) are
 * walked once per profile item, costing profile × neighbours; the others are asked pick by pick.
 */
export class PickExplainer {
  private readonly slotOf: Int32Array;

  constructor(itemCount: number) {
    this.slotOf = new Int32Array(itemCount).fill(-1);
  }

  /** Fills `because` of every pick with a positive score (at most `count` items each). */
  explain(profile: UserProfile, picks: Recommendation[], parts: readonly ScaledScorer[], count: number): void {
    const explained = picks.filter((p) => p.score !== 0);
    if (!explained.length) return;
    const active = parts.filter((p) => p.scale > 0);
    const reasons = explained.map(() => new TopK(count));
    const sums = new Float64Array(explained.length);
    const touched: number[] = [];
    explained.forEach((p, slot) => (this.slotOf[p.itemIndex] = slot));
    const add = (slot: number, value: number): void => {
      if (sums[slot] === 0) touched.push(slot);
      sums[slot] = sums[slot]! + value;
    };
    for (let n = 0; n < profile.items.length; n += 1) {
      const source = profile.items[n]!;
      const weight = profile.weights[n]!;
      if (weight <= 0) continue;
      for (const { scorer, scale } of active) {
        if (scorer.contributions)
          scorer.contributions(source, weight, (target, value) => {
            const slot = target >= 0 && target < this.slotOf.length ? this.slotOf[target]! : -1;
            if (slot >= 0 && value !== 0) add(slot, scale * value);
          });
        else
          explained.forEach((p, slot) => {
            const value = scorer.contribution(source, weight, p.itemIndex);
            if (value !== 0) add(slot, scale * value);
          });
      }
      for (const slot of touched) {
        if (sums[slot]! > 0) reasons[slot]!.push(source, sums[slot]!);
        sums[slot] = 0;
      }
      touched.length = 0;
    }
    explained.forEach((p, slot) => {
      this.slotOf[p.itemIndex] = -1;
      p.because = reasons[slot]!.sorted().map((r) => r.item);
    });
  }
}
