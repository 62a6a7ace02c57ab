/**
 * Text in comparable form for playlist conversion: two spellings of the same title or artist as
 * the services print them fold to the same string. Version markers are not judged here: a title is
 * only cut into its core and its suffix segments, which `version-tags.ts` reads.
 */

import { simplifiedHan } from './han-variants';
import { devanagariReadings } from './devanagari-reading';
import { hangulReadings } from './hangul-reading';

// Letters NFKD leaves whole: fold them to what people type on an English keyboard.
const LETTER_FOLDS: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ħ: 'h' };
const LETTER_FOLD_RE = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');
// Accents are dropped only on alphabets where people type without them. Elsewhere combining marks
// carry meaning (kana voicing marks, Devanagari vowel signs) and are kept.
const DROPPABLE_MARKS_RE = /([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu;

// A movement or section numbered in roman numerals at the start of a title or after a colon
// ("Op. 18: II. Adagio sostenuto"), which the other service may number "2. Adagio sostenuto".
/** Roman numerals as titles number parts and movements with them, lower case. */
export const ROMAN_NUMERALS: Readonly<Record<string, string>> = {
  i: '1',
  ii: '2',
  iii: '3',
  iv: '4',
  v: '5',
  vi: '6',
  vii: '7',
  viii: '8',
  ix: '9',
  x: '10',
  xi: '11',
  xii: '12',
  xiii: '13',
  xiv: '14',
  xv: '15',
};
// The stars are followed by the word's lower-case rest or nothing ("A*Teens" is a name, not a censored word); all capitals in a title in capitals.
// The words services mask with asterisks, written out: folded the same way, so "Fuck You" is
// "F**k You" (Apple masks titles of explicit tracks too; the explicit flag tells the edits apart).
const MASKED_WORD_RE = /\b(?:(f)uck\p{L}*|(s)hit\p{L}*|(b)itch\p{L}*|(m)otherfuck\p{L}*|(n)igga\p{L}*|(p)ussy|(c)unt\p{L}*)(?!\p{L})/gu;
const CENSORED_RE = /(\p{L})\*+(?:\p{Ll}[\p{Ll}*']*|(?<=\p{Lu}\*+)\p{Lu}[\p{Lu}*']*)?(?![\p{L}*])/gu;
const MOVEMENT_ROMAN_RE = /(^|[:：]\s*)(XI{1,3}|XIV|XV|IX|IV|VI{1,3}|I{1,3}|V|X)\.\s+/g;

/**
 * Accent-, case- and punctuation-insensitive form: NFKD (full-width and ligatures unfolded), lower
 * case, accents dropped on Latin/Greek/Cyrillic, movements numbered "II." read as "2.", "&", "+" and "'n'" read as "and", dots and
 * apostrophes removed ("R.E.M." = "REM"), other punctuation separating words. Letters of every
 * script are kept, so a Japanese or Korean title never folds to nothing; traditional Chinese
 * characters fold to simplified ones.
 */
export function foldText(raw: string): string {
  return (
    raw
      .replace(MOVEMENT_ROMAN_RE, (_m, before: string, roman: string) => `${before}${ROMAN_NUMERALS[roman.toLowerCase()]!}. `)
      // A word censored with asterisks however many ("F**kin'", "F*****g", "B*tch"): one word, its first letter and "censored".
      .replace(CENSORED_RE, '$1censored ')
      .normalize('NFKD')
      .toLowerCase()
      .replace(MASKED_WORD_RE, (word) => `${word[0]}censored `)
      .replace(DROPPABLE_MARKS_RE, '$1')
      .normalize('NFC')
      .replace(/\p{Script=Han}+/gu, simplifiedHan)
      .replace(LETTER_FOLD_RE, (c) => LETTER_FOLDS[c]!)
      // Stylised letters inside names: "P!nk", "Ke$ha", "A$AP Rocky".
      .replace(/(?<=\p{L})\$(?=\p{L})/gu, 's')
      .replace(/(?<=\p{L})!(?=\p{L})/gu, 'i')
      .replace(/[&+]/g, ' and ')
      .replace(/[.'’‘ʼ`´]/g, '')
      .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
      .replace(/(^| )n(?= |$)/g, '$1and')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Drops a leading "the" ("The Beatles" = "Beatles") unless nothing would be left. */
export function dropLeadingThe(folded: string): string {
  return folded.startsWith('the ') && folded.length > 4 ? folded.slice(4) : folded;
}

/** Folded text with a leading "the" dropped, falling back to the trimmed lower-cased raw text when folding leaves nothing ("!!!"). */
export function comparable(raw: string): string {
  const folded = dropLeadingThe(foldText(raw));
  return folded || raw.trim().toLowerCase();
}

const FEAT_WORDS = String.raw`(?:feat\.?|ft\.?|featuring|duet with)`;
/** An inline credit in a title: "Song feat. X", "Song ft X". */
const INLINE_FEAT_RE = new RegExp(String.raw`\s${FEAT_WORDS}\s+(.+)$`, 'i');
/** A bracketed or dashed credit: "(feat. X)", "[with X]", "- feat. X". */
const SEGMENT_FEAT_RE = new RegExp(String.raw`^\s*(?:${FEAT_WORDS}|with)\s+(.+)$`, 'i');
const OPENERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** What a title says, cut apart: its core, its suffix segments (raw), and artists credited in it. */
export interface TitleParts {
  /** The title without trailing bracketed/dashed segments and feat. clauses, as written. */
  core: string;
  /** Trailing "(...)", "[...]" and " - ..." segments (split at " / " and ";"), in reading order, feat. credits excluded. */
  segments: string[];
  /** Artists a feat./with clause names, as written. */
  featured: string[];
}

/** Index of the bracket opening the one that closes `s` (nesting respected), or -1. */
function openingOfTrailingBracket(s: string): number {
  const close = s[s.length - 1]!;
  const open = OPENERS[close];
  if (!open) return -1;
  let depth = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s[i]!;
    if (OPENERS[c] !== undefined) depth++;
    else if (c === '(' || c === '[' || c === '{') {
      depth--;
      if (depth === 0) return c === open ? i : -1;
    }
  }
  return -1;
}

/** Takes trailing segments off the end of a title, outermost last, never leaving the core empty. */
function peelSegments(title: string): { core: string; segments: string[] } {
  // Full-width brackets and wave dashes ("（Live）", "～…～") as their ASCII forms.
  let s = title.normalize('NFKC').trim();
  const segments: string[] = [];
  for (;;) {
    // A Japanese subtitle between wave dashes ("猫 ~THE FIRST TAKE ver.~"), closing the title.
    const waved = /\s*[~〜]([^~〜]+)[~〜]$/.exec(s);
    if (waved && s.slice(0, waved.index).trim()) {
      segments.unshift(waved[1]!.trim());
      s = s.slice(0, waved.index).trim();
      continue;
    }
    const open = s.endsWith(')') || s.endsWith(']') || s.endsWith('}') ? openingOfTrailingBracket(s) : -1;
    if (open > 0 && s.slice(0, open).trim()) {
      segments.unshift(s.slice(open + 1, -1).trim());
      s = s.slice(0, open).trim();
      continue;
    }
    const dash = /\s[-–—]\s+((?:(?!\s[-–—]\s).)+)$/.exec(s);
    if (dash && s.slice(0, dash.index).trim()) {
      segments.unshift(dash[1]!.trim());
      s = s.slice(0, dash.index).trim();
      continue;
    }
    return { core: s, segments };
  }
}

/** Splits a credit list written in one string ("A, B & C") into names. */
function splitCredit(credit: string): string[] {
  return credit
    .split(/\s*(?:,|&|\band\b|\bx\b|\bvs\.?|\/|;)\s*/i)
    .map((n) => n.trim())
    .filter(Boolean);
}

/**
 * Cuts a title into core, suffix segments and featured artists: "Get Lucky (feat. Pharrell
 * Williams) - Radio Edit" → core "Get Lucky", segments ["Radio Edit"], featured ["Pharrell Williams"].
 */
export function parseTitle(title: string): TitleParts {
  const peeled = peelSegments(title);
  const featured: string[] = [];
  const segments: string[] = [];
  // Spotify joins several additions with " / " or "; " ("Naked Version / Remastered 2013"): each is a segment.
  for (const segment of peeled.segments.flatMap((s) => s.split(/\s+\/\s+|;\s*/))) {
    const feat = SEGMENT_FEAT_RE.exec(segment);
    if (feat) featured.push(...splitCredit(feat[1]!));
    else if (segment) segments.push(segment);
  }
  let core = peeled.core;
  const inline = INLINE_FEAT_RE.exec(core);
  if (inline && core.slice(0, inline.index).trim()) {
    featured.push(...splitCredit(inline[1]!));
    core = core.slice(0, inline.index).trim();
  }
  return { core, segments, featured };
}

const NAME_SEPARATORS_RE = /\s(?:and|feat|ft|featuring|with|x|vs|duet)(?=\s)/;

/**
 * Every artist name credited, folded, in order, without repeats: a list ["Daft Punk", "Pharrell Williams"]
 * and a string "Daft Punk & Pharrell Williams" give the same names. "Beatles, The" reads as "Beatles".
 * Both sides of a comparison are split the same way, so a band named "Earth, Wind & Fire" still equals itself.
 */
export function artistNames(credits: readonly string[]): string[] {
  const names: string[] = [];
  for (const credit of credits) {
    const unwound = credit.replace(/\s*\(\d+\)\s*$/, '').replace(/^(.+),\s*the\s*$/i, 'The $1');
    for (const part of unwound.split(/[,;/]/)) {
      for (const name of ` ${foldText(part)} `.split(NAME_SEPARATORS_RE)) {
        const n = dropLeadingThe(name.trim());
        if (n && !names.includes(n)) names.push(n);
      }
    }
  }
  return names;
}

/** Which kind of letters a text is written in, to know whether two texts can be compared at all. */
export type Script = 'latin' | 'other' | 'mixed' | 'none';

/** The scripts a folded text's letters belong to. */
export function scriptOf(folded: string): Script {
  const latin = /\p{Script=Latin}/u.test(folded);
  const other = /[^\p{Script=Latin}\P{L}]/u.test(folded);
  return latin && other ? 'mixed' : latin ? 'latin' : other ? 'other' : 'none';
}

/**
 * A title written in two scripts without brackets ("밤편지 through the night": the title, then its
 * English name) cut into its runs of one script each; empty when the text is in one script, or a
 * word mixes scripts ("official髭男dism"), where no cut is clean.
 */
export function scriptRuns(folded: string): string[] {
  if (scriptOf(folded) !== 'mixed') return [];
  const runs: { script: Script; words: string[] }[] = [];
  for (const word of folded.split(' ').filter(Boolean)) {
    const script = scriptOf(word);
    if (script === 'mixed') return [];
    const last = runs.at(-1);
    if (last && (script === 'none' || script === last.script)) last.words.push(word);
    else runs.push({ script, words: [word] });
  }
  return runs.length >= 2 ? runs.map((r) => r.words.join(' ')) : [];
}

/** Whether two texts share a script (a romanised title cannot be compared letter by letter with kana). */
export function comparableScripts(a: string, b: string): boolean {
  const sa = scriptOf(a);
  const sb = scriptOf(b);
  return sa === sb || sa === 'mixed' || sb === 'mixed' || sa === 'none' || sb === 'none';
}

/** "а a б b": a letter map written as pairs. */
function letterMap(pairs: string): Record<string, string> {
  const words = pairs.trim().split(/\s+/);
  const map: Record<string, string> = {};
  for (let i = 0; i < words.length; i += 2) map[words[i]!] = words[i + 1] === '-' ? '' : words[i + 1]!;
  return map;
}

// Cyrillic (Russian, Ukrainian, Belarusian, Serbian, Bulgarian letters), after `foldText`, which
// already took breves and diaereses off ("й" is "и", "ё" is "е"); "-" is a letter that is not written.
const CYRILLIC = letterMap(`
  а a б b в v г g ґ g д d ђ dj е e є ye ж zh з z ѕ dz и i і i ї yi ј j к k л l љ lj м m н n њ nj о o п p р r с s
  т t ћ c у u ў u ф f х kh ц ts ч ch џ dz ш sh щ shch ъ - ы y ь - э e ю yu я ya`);
// Greek after `foldText` (tonos and dialytika off). Two readings: letter by letter (ELOT 743:
// "αι" → "ai") and as it sounds, the way most covers and services spell it ("αι" → "e", "ει" → "i").
const GREEK = letterMap(`
  α a β v γ g δ d ε e ζ z η i θ th ι i κ k λ l μ m ν n ξ x ο o π p ρ r σ s ς s τ t υ y φ f χ ch ψ ps ω o`);
const GREEK_SPOKEN: [RegExp, string][] = [
  [/ου/g, 'ou'],
  [/αι/g, 'e'],
  [/ει|οι|υι/g, 'i'],
  [/αυ/g, 'av'],
  [/ευ/g, 'ev'],
  [/(^| )μπ/g, '$1b'],
  [/(^| )ντ/g, '$1d'],
  [/γκ|γγ/g, 'ng'],
  [/υ/g, 'i'],
];
const GREEK_LETTER_RE = /[α-ως]/gu;

// Kana in Hepburn, by syllable (katakana is read as hiragana first).
const KANA = letterMap(`
  あ a い i う u え e お o か ka き ki く ku け ke こ ko さ sa し shi す su せ se そ so た ta ち chi つ tsu て te と to
  な na に ni ぬ nu ね ne の no は ha ひ hi ふ fu へ he ほ ho ま ma み mi む mu め me も mo や ya ゆ yu よ yo ら ra り ri
  る ru れ re ろ ro わ wa ゐ i ゑ e を o ん n が ga ぎ gi ぐ gu げ ge ご go ざ za じ ji ず zu ぜ ze ぞ zo だ da ぢ ji づ zu
  で de ど do ば ba び bi ぶ bu べ be ぼ bo ぱ pa ぴ pi ぷ pu ぺ pe ぽ po ゔ vu ぁ a ぃ i ぅ u ぇ e ぉ o ゎ wa`);
const SMALL_Y: Record<string, string> = { ゃ: 'a', ゅ: 'u', ょ: 'o' };
const SMALL_VOWELS = new Set(['ぁ', 'ぃ', 'ぅ', 'ぇ', 'ぉ']);

/** Kana in Latin letters: "あいみょん" → "aimyon", "きゃりーぱみゅぱみゅ" → "kyariipamyupamyu"; other letters kept. */
function romaniseKana(text: string): string {
  const chars = [...text].map((c) => (c >= '\u30a1' && c <= '\u30f6' ? String.fromCodePoint(c.codePointAt(0)! - 0x60) : c));
  let out = '';
  let doubleNext = false;
  for (const c of chars) {
    const vowel = SMALL_Y[c];
    if (vowel && /i$/.test(out)) {
      // きゃ → kya, しゃ → sha, ちゃ → cha, じゃ → ja.
      const stem = out.slice(0, -1);
      out = /(sh|ch|j)$/.test(stem) ? stem + vowel : `${stem}y${vowel}`;
      continue;
    }
    if (SMALL_VOWELS.has(c) && /[aiueo]$/.test(out)) {
      // The same vowel again draws it out: せぇ → see ("うっせぇわ" → "usseewa").
      if (out.endsWith(KANA[c]!)) {
        out += KANA[c];
        continue;
      }
      // ふぁ → fa, てぃ → ti, うぃ → wi.
      const stem = out.slice(0, -1);
      out = (stem && !/[aiueo ]$/.test(stem) ? stem : `${stem}w`) + KANA[c];
      continue;
    }
    if (c === 'っ' || c === 'ッ') {
      doubleNext = true;
      continue;
    }
    if (c === 'ー') {
      out += /[aiueo]$/.test(out) ? out[out.length - 1] : '';
      continue;
    }
    const latin = KANA[c] ?? c;
    out += doubleNext && /^[a-z]/.test(latin) ? latin[0] + latin : latin;
    doubleNext = false;
  }
  return out;
}

/**
 * A folded Cyrillic, Greek, kana, hangul or Devanagari text in Latin letters, as the services romanise it
 * ("король и шут" → "korol i shut", "あいみょん" → "aimyon", "김광석" → "kim kwang seok"); several
 * readings where spelling varies, best first; none for text with none of those letters. Kanji are
 * not romanised (their readings depend on words, not letters); Arabic and Hebrew are compared by
 * their consonants instead (`consonant-skeleton.ts`).
 */
export function romanisations(folded: string): string[] {
  const hasCyrillic = /\p{Script=Cyrillic}/u.test(folded);
  const hasGreek = /\p{Script=Greek}/u.test(folded);
  const hasKana = /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(folded);
  const hasHangul = /\p{Script=Hangul}/u.test(folded);
  const hasDevanagari = /\p{Script=Devanagari}/u.test(folded);
  if (!hasCyrillic && !hasGreek && !hasKana && !hasHangul && !hasDevanagari) return [];
  const cyrillic = (text: string) => text.replace(/\p{Script=Cyrillic}/gu, (c) => CYRILLIC[c] ?? c);
  // Cyrillic by the letter, and as it sounds, the way services often spell it: "й" (folded to
  // "и") after a vowel as "y", "е" opening a word or after a vowel as "ye" ("батарейка" →
  // "batareyka", "тает" → "tayet").
  let readings = hasCyrillic ? [cyrillic(folded), cyrillic(folded.replace(/(?<=[аеиоуыэюя])и/gu, 'y').replace(/(?<=^|[\sаеиоуыэюяьъ])е/gu, 'ye'))] : [folded];
  // Ukrainian writes "и" and "й" (folded to "и") for the sound romanised "y", and "г" for "h"
  // ("Обійми" / "Obiymy", "Гайдамаки" / "Haidamaky"). A name alone rarely holds a letter only
  // Ukrainian has ("Океан Ельзи" / "Okean Elzy"), so "и" is also read "y" in any Cyrillic; "г"
  // only where "і", "є" or "ґ" tell Ukrainian ("ї" is "і" once folded).
  if (hasCyrillic) readings.push(cyrillic(folded.replace(/и/gu, 'y').replace(/г/gu, /[ієґ]/u.test(folded) ? 'h' : 'г')));
  if (hasGreek) {
    const text = cyrillic(folded);
    const spoken = GREEK_SPOKEN.reduce((t, [re, to]) => t.replace(re, to), text).replace(GREEK_LETTER_RE, (c) => GREEK[c] ?? c);
    readings = [spoken, text.replace(/ου/g, 'ou').replace(GREEK_LETTER_RE, (c) => GREEK[c] ?? c)];
  }
  if (hasKana) {
    // Long vowels as written ("toukyou", "kyarii") and as names are usually spelt ("tokyo", "kyari").
    readings = readings.map(romaniseKana).flatMap((r) => [r, r.replace(/([aiueo])\1|ou/g, (m) => m[0]!)]);
  }
  if (hasHangul) readings = readings.flatMap(hangulReadings);
  if (hasDevanagari) readings = readings.flatMap(devanagariReadings);
  return [...new Set(readings)];
}

/** Words that name a band around its leader: "The Jimi Hendrix Experience", "Dave Brubeck Quartet". */
const ENSEMBLE_WORDS = new Set(
  'experience band orchestra trio quartet quintet sextet septet octet group ensemble combo singers choir chorus project collective allstars'.split(' '),
);

/**
 * Whether one folded name is the other with an ensemble after it (at most two more words, the
 * last an ensemble word): "jimi hendrix experience" / "jimi hendrix", "bill evans trio" / "bill
 * evans", "count basie big band" / "count basie". The shorter name must be at least two words, so
 * "queen" is never "queen latifah" by this.
 */
export function sameActWithEnsemble(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const shortWords = short.split(' ');
  const longWords = long.split(' ');
  if (shortWords.length < 2 || longWords.length <= shortWords.length || longWords.length > shortWords.length + 2) return false;
  return longWords.slice(0, shortWords.length).join(' ') === short && ENSEMBLE_WORDS.has(longWords[longWords.length - 1]!);
}
