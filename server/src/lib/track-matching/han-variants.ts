import { Converter } from 'opencc-js/t2cn';

/**
 * Chinese is written in traditional characters (Taiwan, Hong Kong) and simplified ones (mainland),
 * and a song's title or name can be either on each service ("海闊天空" / "海阔天空"). Folding both to
 * simplified makes them one text; Japanese kanji fold the same way on both sides, so nothing is
 * lost there. OpenCC's tables, by character and by phrase.
 */
let toSimplified: ((text: string) => string) | null = null;

const HAN_RE = /\p{Script=Han}/u;

/** The text with traditional Chinese characters in their simplified form; text without Han characters as it is. */
export function simplifiedHan(text: string): string {
  if (!HAN_RE.test(text)) return text;
  // The tables load on the first Han text, not when the server starts.
  toSimplified ??= Converter({ from: 't', to: 'cn' });
  return toSimplified(text);
}
