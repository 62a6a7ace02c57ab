/** Options of the diversity re-ranking. */
export interface DiversityOptions {
  /** Length of the list returned. */
  k: number;
  /** Items by one artist allowed in the list while other artists' items remain. */
  maxPerArtist: number;
}

export const DEFAULT_DIVERSITY_OPTIONS: DiversityOptions = { k: 10, maxPerArtist: 2 };

/**
 * Re-ranks a best-first list so that no artist takes more than `maxPerArtist` places while items
 * by other artists are left: an item over its artist's cap waits, and the waiting items fill the
 * end of the list only when nothing else is left. Otherwise the order of the input is kept.
 * Items with no known artist are never capped. Ask the model for about 3 × k items first.
 */
export function diversify<T extends { itemIndex: number }>(
  ranked: readonly T[],
  artistOf: (itemIndex: number) => string | number | undefined,
  options: Partial<DiversityOptions> = {},
): T[] {
  const { k, maxPerArtist } = { ...DEFAULT_DIVERSITY_OPTIONS, ...options };
  const picked: T[] = [];
  const waiting: T[] = [];
  const perArtist = new Map<string | number, number>();
  for (const item of ranked) {
    if (picked.length >= k) break;
    const artist = artistOf(item.itemIndex);
    if (artist === undefined) {
      picked.push(item);
      continue;
    }
    const count = perArtist.get(artist) ?? 0;
    if (count < maxPerArtist) {
      perArtist.set(artist, count + 1);
      picked.push(item);
    } else waiting.push(item);
  }
  for (const item of waiting) {
    if (picked.length >= k) break;
    picked.push(item);
  }
  return picked;
}
