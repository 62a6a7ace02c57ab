import { normalDraw, randomStream } from '../../../../lib/seeded-random';

/** Shape of a synthetic ratings set. */
export interface SyntheticRatingsOptions {
  users: number;
  items: number;
  /** Ratings wanted (the result is close to it; a user never rates an item twice). */
  ratings: number;
  /**
   * Taste groups: each item belongs to one (and to one of its four niches), each user loves one
   * group (above all one niche in it) and likes a second.
   */
  clusters: number;
  seed: number;
  /**
   * How much a user likes items outside their two groups, on the rating scale: negative makes
   * tastes clash (default -0.9), around 0.3 makes popular items liked by nearly everyone.
   */
  outsideAffinity?: number;
}

/** One synthetic rating on the half-star scale 0.5 .. 5. */
export interface SyntheticRating {
  userId: string;
  itemId: string;
  rating: number;
}

/** Index of the first cumulative weight above `target` (binary search). */
function pick(cumulative: Float64Array, target: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function cumulativeOf(weights: number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, n) => {
    sum += w;
    out[n] = sum;
  });
  return out;
}

const NICHES = 4;

/** Each item's taste group, niche, quality and popularity weight: the first draws of the seed's stream. */
function syntheticCatalogue(options: SyntheticRatingsOptions, random: () => number) {
  const itemCluster = new Int32Array(options.items);
  const itemNiche = new Int32Array(options.items);
  const itemQuality = new Float64Array(options.items);
  const popularity: number[] = [];
  for (let i = 0; i < options.items; i += 1) {
    itemCluster[i] = Math.floor(random() * options.clusters);
    itemNiche[i] = Math.floor(random() * NICHES);
    itemQuality[i] = 0.5 * normalDraw(random);
    // Zipf-like popularity by a random rank, so popular items are spread over the groups.
    popularity.push(1 / Math.pow(1 + random() * options.items, 0.9));
  }
  return { itemCluster, itemNiche, itemQuality, popularity };
}

/** Attributes of one synthetic item, as `npm run eval:recs -- --items` reads them. */
export interface SyntheticItemAttributes {
  itemId: string;
  artist: string;
  genres: string[];
  styles: string[];
  label: string;
  year: number;
}

/**
 * Catalogue attributes of the items `syntheticRatings` rates with the same options, carrying some
 * of its taste structure and noise, as real tags do: the genre is the item's taste group (plus,
 * for 15 %, a random other one), the style its niche for 70 % (else a random niche of any
 * group), the artist one of the niche's artists (about five items each); label (20) and year
 * (1960-2024) are noise. Lets the offline evaluation measure the content part of the model.
 */
export function* syntheticItemAttributes(options: SyntheticRatingsOptions): Generator<SyntheticItemAttributes> {
  const { itemCluster, itemNiche } = syntheticCatalogue(options, randomStream(options.seed));
  const random = randomStream(options.seed ^ 0x2545f491);
  const nicheSize = Math.max(1, options.items / (options.clusters * NICHES));
  const artistsPerNiche = Math.max(1, Math.round(nicheSize / 5));
  const anyOf = (n: number): number => Math.floor(random() * n);
  for (let i = 0; i < options.items; i += 1) {
    const group = itemCluster[i]!;
    const niche = itemNiche[i]!;
    const genres = [`genre ${group}`];
    if (random() < 0.15) genres.push(`genre ${anyOf(options.clusters)}`);
    const style = random() < 0.7 ? `style ${group}.${niche}` : `style ${anyOf(options.clusters)}.${anyOf(NICHES)}`;
    yield {
      itemId: `i${i + 1}`,
      artist: `artist ${group}.${niche}.${anyOf(artistsPerNiche)}`,
      genres: [...new Set(genres)],
      styles: [style],
      label: `label ${anyOf(20)}`,
      year: 1960 + anyOf(65),
    };
  }
}

/**
 * Seeded synthetic ratings with the skew of real rating data: power-law item popularity (a few
 * albums everyone rates, a long tail), log-normal user activity, and taste groups (a user picks
 * and rates highly mostly in their own group, so tastes differ between groups). Yields the
 * ratings user by user without holding them (the scale set has 5 M).
 */
export function* syntheticRatings(options: SyntheticRatingsOptions): Generator<SyntheticRating> {
  const random = randomStream(options.seed);
  const { clusters } = options;
  const { itemCluster, itemNiche, itemQuality, popularity } = syntheticCatalogue(options, random);
  const global = cumulativeOf(popularity);
  const niches = NICHES;
  const members: number[][] = Array.from({ length: clusters }, () => []);
  const nicheMembers: number[][] = Array.from({ length: clusters * niches }, () => []);
  for (let i = 0; i < options.items; i += 1) {
    members[itemCluster[i]!]!.push(i);
    nicheMembers[itemCluster[i]! * niches + itemNiche[i]!]!.push(i);
  }
  const weighted = (list: number[]): { list: number[]; cumulative: Float64Array } => ({ list, cumulative: cumulativeOf(list.map((i) => popularity[i]!)) });
  const byCluster = members.map(weighted);
  const byNiche = nicheMembers.map(weighted);

  const meanActivity = options.ratings / options.users;
  // Log-normal activity with sigma 1: the mean is exp(mu + 1/2).
  const mu = Math.log(meanActivity) - 0.5;
  for (let u = 0; u < options.users; u += 1) {
    const home = Math.floor(random() * clusters);
    const niche = Math.floor(random() * niches);
    const second = (home + 1 + Math.floor(random() * (clusters - 1))) % clusters;
    const bias = 0.3 * normalDraw(random);
    const wanted = Math.max(3, Math.min(Math.round(Math.exp(mu + normalDraw(random))), Math.floor(options.items / 4)));
    const rated = new Set<number>();
    let attempts = 0;
    while (rated.size < wanted && attempts < wanted * 10) {
      attempts += 1;
      const roll = random();
      let item: number;
      const group = roll < 0.25 ? byNiche[home * niches + niche]! : roll < 0.45 ? byCluster[home]! : roll < 0.6 ? byCluster[second]! : undefined;
      if (group && group.list.length) item = group.list[pick(group.cumulative, random() * group.cumulative[group.cumulative.length - 1]!)]!;
      else item = pick(global, random() * global[global.length - 1]!);
      if (rated.has(item)) continue;
      rated.add(item);
      const inHome = itemCluster[item] === home;
      const affinity = inHome && itemNiche[item] === niche ? 1.3 : inHome ? 0.7 : itemCluster[item] === second ? 0.4 : (options.outsideAffinity ?? -0.9);
      const raw = 3.1 + affinity + itemQuality[item]! + bias + 0.6 * normalDraw(random);
      const rating = Math.min(5, Math.max(0.5, Math.round(raw * 2) / 2));
      yield { userId: `u${u + 1}`, itemId: `i${item + 1}`, rating };
    }
  }
}
