import { FIRST_NAMES, LAST_NAMES, STAGE_NAMES, TITLE_WORDS, fold } from '../dataset/word-list';
import { pickFrom } from './random';

const NAME_WORDS = [...STAGE_NAMES, ...LAST_NAMES, ...FIRST_NAMES];
const ALL_WORDS = [...TITLE_WORDS, ...NAME_WORDS];

/** Swaps two neighbouring letters inside a word: "bjork" → "bjrok". */
function typo(word: string, random: () => number): string {
  if (word.length < 4) return word;
  const i = 1 + Math.floor(random() * (word.length - 2));
  return word.slice(0, i - 1) + word[i] + word[i - 1] + word.slice(i + 1);
}

/**
 * What people type into the search box: autocomplete prefixes (2 to 5 letters), whole words as
 * printed or without accents, misspelt words, and artist names in full, all from the data set's
 * vocabulary (whose words all have at least two letters, the search minimum).
 */
export function searchQueries(count: number, random: () => number): string[] {
  const queries: string[] = [];
  while (queries.length < count) {
    const roll = random();
    const word = pickFrom(ALL_WORDS, random);
    if (roll < 0.3) queries.push(fold(word).slice(0, 2 + Math.floor(random() * 4)));
    else if (roll < 0.6) queries.push(random() < 0.5 ? word : fold(word));
    else if (roll < 0.8) queries.push(typo(fold(pickFrom(NAME_WORDS, random)), random));
    else queries.push(`${pickFrom(FIRST_NAMES, random)} ${pickFrom(LAST_NAMES, random)}`);
  }
  return queries;
}
