import type { CandidateScores, ProfileScorer, SimilarItem, UserProfile } from './recommendation-model';

/** One part of a blend and its share. */
export interface BlendPart {
  scorer: ProfileScorer;
  weight: number;
}

/**
 * Sums several scorers' scores, each first divided by its best score for the profile so that
 * the weights mean shares whatever the methods' scales. Similar items come from the first part.
 */
export function blendedScorer(parts: readonly BlendPart[]): ProfileScorer {
  const itemCount = parts[0]!.scorer.itemCount;
  const scratch: CandidateScores = { items: new Int32Array(itemCount), count: 0, scores: new Float64Array(itemCount) };
  const lastScale = new Float64Array(parts.length);
  return {
    method: parts.map((p) => `${p.scorer.method}×${p.weight}`).join('+'),
    itemCount,
    score(profile: UserProfile, into: CandidateScores): void {
      parts.forEach(({ scorer, weight }, n) => {
        scorer.score(profile, scratch);
        let max = 0;
        for (let c = 0; c < scratch.count; c += 1) max = Math.max(max, scratch.scores[scratch.items[c]!]!);
        const scale = max > 0 ? weight / max : 0;
        lastScale[n] = scale;
        for (let c = 0; c < scratch.count; c += 1) {
          const item = scratch.items[c]!;
          const value = scale * scratch.scores[item]!;
          scratch.scores[item] = 0;
          if (value === 0) continue;
          if (into.scores[item] === 0) into.items[into.count++] = item;
          into.scores[item] = into.scores[item]! + value;
          if (into.scores[item] === 0) into.scores[item] = Number.MIN_VALUE;
        }
        scratch.count = 0;
      });
    },
    // Uses the scales of the last profile scored: `because` is computed right after scoring.
    contribution(source: number, weight: number, target: number): number {
      let sum = 0;
      parts.forEach(({ scorer }, n) => {
        if (lastScale[n]! > 0) sum += lastScale[n]! * scorer.contribution(source, weight, target);
      });
      return sum;
    },
    similarItems(itemIndex: number, k: number): SimilarItem[] {
      return parts[0]!.scorer.similarItems(itemIndex, k);
    },
  };
}
