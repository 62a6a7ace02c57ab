/** A small seeded PRNG (mulberry32): the same seed gives the same request stream on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An element of `list`, uniformly. */
export function pickFrom<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(random() * list.length)]!;
}

/**
 * An id in 1..max. Half the draws lean on the first ids the way the data set's ratings do
 * (popular albums are visited most), half are uniform (the long tail still gets visits).
 */
export function popularId(max: number, random: () => number): number {
  const u = random();
  return random() < 0.5 ? 1 + Math.floor(max * u * u) : 1 + Math.floor(max * u);
}
