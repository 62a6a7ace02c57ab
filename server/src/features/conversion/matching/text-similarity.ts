import { TEXT_WEIGHTS } from './match-thresholds';

/** Edit distance between two strings, counted in code points (so kana and emoji are one step each). */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (!x.length) return y.length;
  if (!y.length) return x.length;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[y.length]!;
}

/** 1 for equal strings, 0 for nothing in common, by edit distance over the longer length. */
export function editSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const longest = Math.max(Array.from(a).length, Array.from(b).length);
  return longest ? 1 - editDistance(a, b) / longest : 1;
}

const NUMBER_RE = /\p{N}+/gu;
// Roman numerals only where they number something ("Part II", "Pt. 3", "No. 5").
const NUMBERED_RE = /\b(?:part|pt|no|vol|volume|chapter|op)\s+([ivxlc]+|\p{N}+)\b/gu;

/** The numbers a folded text carries, sorted, so "Part 1" and "Part 2" can be told apart. */
export function numbersIn(folded: string): string {
  const found = [...(folded.match(NUMBER_RE) ?? [])];
  for (const m of folded.matchAll(NUMBERED_RE)) if (!/^\p{N}+$/u.test(m[1]!)) found.push(m[1]!);
  return found.sort().join(' ');
}

/**
 * Similarity of two folded texts in 0..1: the better of edit similarity with and without spaces
 * ("AC DC" / "ACDC") and word overlap (word order), capped low when the numbers differ.
 */
export function textSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const spaced = editSimilarity(a, b);
  const joined = editSimilarity(a.replace(/ /g, ''), b.replace(/ /g, ''));
  const wa = new Set(a.split(' '));
  const wb = new Set(b.split(' '));
  const common = [...wa].filter((w) => wb.has(w)).length;
  const words = wa.size && wb.size ? (2 * common) / (wa.size + wb.size) : 0;
  const sim = Math.max(spaced, joined, words);
  return numbersIn(a) === numbersIn(b) ? sim : Math.min(sim, TEXT_WEIGHTS.differentNumbersCap);
}
