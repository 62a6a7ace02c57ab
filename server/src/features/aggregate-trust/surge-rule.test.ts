import { isSurge, lowHistoryMean, surgeRule, type SurgeFacts } from './surge-rule';

const rule = surgeRule({ TRUST_SURGE_WINDOW_HOURS: 24, TRUST_SURGE_MIN_RATINGS: 20, TRUST_SURGE_SHARE: 0.5, TRUST_SURGE_SWING_STARS: 1 });
/** 30 established 4-star ratings as the stable sums; the prior 4 stars, so the stable score is 4. */
const facts = (recent: number, low: number, lowStars: number): SurgeFacts => ({
  recent,
  low,
  lowSum: low * lowStars * 2,
  stableWeightSum: 30,
  stableWeightedSum: 240,
});

describe('the surge rule', () => {
  it('when enough low-history ratings make the share and swing far enough, then it is a surge', () => {
    expect(isSurge(facts(50, 25, 0.5), rule, 4)).toBe(true);
    expect(isSurge(facts(40, 20, 5), rule, 2)).toBe(true);
  });

  it('when any one condition misses, then it is not a surge', () => {
    expect(isSurge(facts(30, 19, 0.5), rule, 4)).toBe(false); // too few
    expect(isSurge(facts(60, 29, 0.5), rule, 4)).toBe(false); // under half of the window
    expect(isSurge(facts(40, 30, 3.5), rule, 4)).toBe(false); // within a star of the stable score
    expect(isSurge(facts(0, 0, 0), rule, 4)).toBe(false); // nothing at all
  });

  it('when the swing is exactly the threshold, then it counts (the README says "at least")', () => {
    expect(isSurge(facts(40, 20, 3), rule, 4)).toBe(true);
    expect(lowHistoryMean({ low: 4, lowSum: 10 })).toBe(1.25);
    expect(lowHistoryMean({ low: 0, lowSum: 0 })).toBeNull();
  });
});
