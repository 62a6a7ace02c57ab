import { randomStream } from '../../../server/src/lib/seeded-random';

/** A seeded stream of numbers in [0, 1): the same seed gives the same request stream on every run. */
export const seededRandom = randomStream;

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
