import { TEXT_WEIGHTS } from './match-thresholds';
import { ROMAN_NUMERALS } from './normalise-text';

/** Edit distance between two strings, counted in code points (so kana and emoji are one step each). */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  if (!x.length) return y.length;
  if (!y.length) return x.length;
  let previous = new Uint32Array(y.length + 1);
  let current = new Uint32Array(y.length + 1);
  for (let j = 0; j <= y.length; j++) previous[j] = j;
  for (let i = 1; i <= x.length; i++) {
    current[0] = i;
    const xi = x[i - 1];
    for (let j = 1; j <= y.length; j++) {
      const substitution = previous[j - 1]! + (xi === y[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return previous[y.length]!;
}

/** 1 for equal strings, 0 for nothing in common, by edit distance over the longer length. */
export function editSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  if (!longest) return 1;
  // Code points, not UTF-16 units, so a kana counts once.
  const la = [...a].length;
  const lb = [...b].length;
  return 1 - editDistance(a, b) / Math.max(la, lb);
}

const NUMBER_RE = /\p{N}+/gu;
// Roman numerals only where they number something ("Part II", "Pt. 3", "No. 5").
const NUMBERED_RE = /\b(?:part|pt|no|vol|volume|chapter|op)\s+([ivxlc]+|\p{N}+)\b/gu;

const NUMBER_WORDS: Record<string, string> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
};
const NUMBER_WORD_RE = new RegExp(`\\b(?:${Object.keys(NUMBER_WORDS).join('|')})\\b`, 'g');

/** The numbers a folded text carries, sorted, so "Part 1" and "Part 2" can be told apart ("Part One" = "Part 1"). */
export function numbersIn(raw: string): string {
  const folded = canonicalWords(raw);
  const found = [...(folded.match(NUMBER_RE) ?? []), ...(folded.match(NUMBER_WORD_RE) ?? []).map((w) => NUMBER_WORDS[w]!)];
  for (const m of folded.matchAll(NUMBERED_RE)) if (!/^\p{N}+$/u.test(m[1]!)) found.push(m[1]!);
  return found.sort().join(' ');
}

/**
 * Catalogues of composers' works ("Op. 95", "BWV 1007", "K. 525", "Hob. XVI:52", "D. 960", "B. 178"):
 * one service often names a work by one catalogue, or by none, and the other by two.
 */
// A one-letter catalogue takes two digits or more, so "Plan B 2" keeps its 2.
const CATALOGUE_RE = /\b(op|opus|bwv|kv|hob|rv|hwv|twv|wwv|sz|bb|woo|fp) (\p{N}+)\b|\b(k|d|b|s|l|z|m) (\p{N}{2,})\b/gu;

/** Numbers that differ only in a catalogue one text names and the other does not are not a difference. */
export function sameNumbers(a: string, b: string): boolean {
  if (numbersIn(a) === numbersIn(b)) return true;
  const catalogues = (text: string) => new Set([...canonicalWords(text).matchAll(CATALOGUE_RE)].map((m) => (m[1] ?? m[3])!));
  const ca = catalogues(a);
  const cb = catalogues(b);
  const withoutOwn = (text: string, other: Set<string>) =>
    canonicalWords(text).replace(CATALOGUE_RE, (m, long: string | undefined, _n: string, short: string | undefined) => (other.has((long ?? short)!) ? m : ' '));
  return numbersIn(withoutOwn(a, cb)) === numbersIn(withoutOwn(b, ca));
}

/**
 * "pt" read as "part" ("pts" as "parts"), small number words and numbering roman numerals as
 * digits, so "Pt. 2", "Part Two" and "Part II" compare equal, and so do "Pts. 1-5" and "Parts I-V".
 */
const ROMAN = String.raw`(?:i{1,3}|iv|vi{0,3}|ix|x)`;
const NUMBERED_ROMAN_RE = new RegExp(String.raw`\b(parts?|no|vol|volume|chapter) (${ROMAN}(?: ${ROMAN})*)\b`, 'g');

function canonicalWords(folded: string): string {
  return (
    folded
      .replace(/\bpt\b/g, 'part')
      // Titles' usual abbreviations, spelt out ("Mr. Sandman" / "Mister Sandman").
      .replace(/\bmr\b/g, 'mister')
      .replace(/\bmrs\b/g, 'missus')
      .replace(/\bvs\b/g, 'versus')
      .replace(/\bpts\b/g, 'parts')
      .replace(NUMBER_WORD_RE, (w) => NUMBER_WORDS[w]!)
      .replace(
        NUMBERED_ROMAN_RE,
        (_m, word: string, romans: string) =>
          `${word} ${romans
            .split(' ')
            .map((roman) => ROMAN_NUMERALS[roman]!)
            .join(' ')}`,
      )
  );
}

/** A text with each run of one letter written once ("benny" → "beny"). */
const undoubled = (s: string) => s.replace(/(\p{L})\1+/gu, '$1');

/**
 * Words this alike are one word spelled two ways ("colour" / "color", "benny" / "beny"); other short
 * words must be equal ("rule" / "run").
 */
const sameWord = (a: string, b: string) => a === b || undoubled(a) === undoubled(b) || (a.length >= 5 && b.length >= 5 && editSimilarity(a, b) >= 0.8);

/** Dice overlap of two word lists, counting repeats ("love love love" is not "love"). */
function wordOverlap(a: string[], b: string[]): number {
  const left = [...a];
  let common = 0;
  for (const w of b) {
    const i = left.findIndex((l) => sameWord(l, w));
    if (i >= 0) {
      common++;
      left.splice(i, 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

/**
 * Similarity of two folded texts in 0..1. Letters: the better of edit similarity as written,
 * without spaces ("AC DC" / "ACDC") and with words sorted ("Queen Dancing" / "Dancing Queen").
 * Texts of several words are also held to their word overlap, so one different word in a long
 * title ("Rule the World" / "Run the World") costs what a different word means, not two letters.
 * Capped low when the numbers differ ("Part 1" / "Part 2").
 */
export function textSimilarity(rawA: string, rawB: string): number {
  if (rawA === rawB) return 1;
  const key = rawA < rawB ? `${rawA}\u0000${rawB}` : `${rawB}\u0000${rawA}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  const sim = similarity(rawA, rawB);
  memo.set(key, sim);
  return sim;
}

// The same names and titles are compared again and again within a playlist; a bounded memo keeps it cheap.
const MEMO_LIMIT = 20_000;
const memo = new Map<string, number>();

function similarity(rawA: string, rawB: string, byWords = true): number {
  const a = canonicalWords(rawA);
  const b = canonicalWords(rawB);
  if (a === b) return 1;
  const wa = a.split(' ');
  const wb = b.split(' ');
  const sorted = (words: string[]) => [...words].sort().join(' ');
  const letters = Math.max(
    editSimilarity(a, b),
    editSimilarity(wa.join(''), wb.join('')),
    editSimilarity(sorted(wa), sorted(wb)),
    undoubled(a) === undoubled(b) ? TEXT_WEIGHTS.doubledLetters : 0,
  );
  const sim = !byWords || letters === 1 || (wa.length < 2 && wb.length < 2) ? letters : Math.min(letters, wordOverlap(wa, wb));
  return sameNumbers(a, b) ? sim : Math.min(sim, TEXT_WEIGHTS.differentNumbersCap);
}

/**
 * `textSimilarity` by letters alone, not held to word overlap: for a text against a romanisation,
 * where a word spelt another way ("alyh" / "alykh") is the same word, not a different one.
 */
export function spellingSimilarity(a: string, b: string): number {
  return a === b ? 1 : similarity(a, b, false);
}
