/**
 * Text normalisation for matching music across sources (CSV imports, playlist conversion):
 * two spellings of the same artist or title normalise to the same string, while version
 * markers ("Live", "Remastered 2011") are kept apart as tags so a matcher can weigh them.
 */

/** Version markers a title can carry; a matcher decides which ones must agree. */
export type VersionTag =
  | 'live'
  | 'remix'
  | 'acoustic'
  | 'instrumental'
  | 'karaoke'
  | 'cover'
  | 're-recorded'
  | 'demo'
  | 'remaster'
  | 'mono'
  | 'stereo'
  | 'radio-edit'
  | 'edit'
  | 'clean'
  | 'explicit'
  | 'deluxe'
  | 'single-version';

/** Tags that change what is heard: a live take is not the studio recording. */
export const GATE_TAGS: ReadonlySet<VersionTag> = new Set(['live', 'remix', 'acoustic', 'instrumental', 'karaoke', 'cover', 're-recorded', 'demo']);

/** A title's comparable text and the version markers taken out of it. */
export interface NormalisedTitle {
  text: string;
  tags: VersionTag[];
}

/** Artist and title in comparable form. */
export interface MatchKey {
  artist: string;
  title: string;
  tags: VersionTag[];
  /** `artist|title`, for maps and equality. */
  key: string;
}

// Order matters: longer phrases first so "radio edit" is not read as a bare "edit".
const TAG_PATTERNS: ReadonlyArray<readonly [RegExp, VersionTag]> = [
  [/\bre-?recorded\b|\btaylor'?s version\b/, 're-recorded'],
  [/\bradio (?:edit|version|mix)\b/, 'radio-edit'],
  [/\bsingle (?:version|edit|mix)\b/, 'single-version'],
  [/\bre-?master(?:ed)?\b|\bremastered?\b/, 'remaster'],
  [/\blive\b|\bunplugged\b|\bin concert\b/, 'live'],
  [/\bremix(?:ed)?\b|\brmx\b|\b(?:club|extended|dub) mix\b/, 'remix'],
  [/\bacoustic\b/, 'acoustic'],
  [/\binstrumental\b/, 'instrumental'],
  [/\bkaraoke\b/, 'karaoke'],
  [/\bcover\b/, 'cover'],
  [/\bdemo\b/, 'demo'],
  [/\bmono\b/, 'mono'],
  [/\bstereo\b/, 'stereo'],
  [/\bclean\b/, 'clean'],
  [/\bexplicit\b/, 'explicit'],
  [/\bdeluxe\b|\bexpanded\b|\banniversary\b|\bspecial edition\b|\bcollector'?s edition\b|\bbonus tracks?\b/, 'deluxe'],
  [/\bedit\b/, 'edit'],
];

// Letters NFKD leaves whole: fold them to what people type on an English keyboard.
const LETTER_FOLDS: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŀ: 'l',
  ĳ: 'ij',
};
const LETTER_FOLD_RE = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');

const FEAT_WORD = String.raw`(?:feat\.?|ft\.?|featuring)`;
const FEAT_INLINE_RE = new RegExp(String.raw`\s${FEAT_WORD}(?=[\s(]).*$`);
const FEAT_FOLDED_RE = /\s(?:feat|ft|featuring)\s.*$/;
const BRACKET_FEAT_RE = new RegExp(String.raw`^\s*(?:${FEAT_WORD}|with)(?=\s)`);
const BRACKET_RE = /[([{]([^()[\]{}]*)[)\]}]/g;
const DASH_SUFFIX_RE = /\s[-–—]\s([^-–—]*)$/;
// Discogs disambiguates namesakes with a number: "Nirvana (2)".
const DISAMBIGUATION_RE = /\s*\(\d+\)\s*$/;

/** Lower-case, accents and compatibility forms removed, a few stand-alone letters folded. */
function foldLetters(s: string): string {
  return s
    .normalize('NFKD')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(LETTER_FOLD_RE, (c) => LETTER_FOLDS[c]!);
}

/** "&" and "+" become "and"; dots and apostrophes vanish ("R.E.M." = "REM"); other punctuation separates words. */
function stripPunctuation(s: string): string {
  return s
    .replace(/[&+]/g, ' and ')
    .replace(/[.'’‘ʼ`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Drops leading "the " (repeatedly, so the result is stable) but never empties the string. */
function dropLeadingThe(s: string): string {
  let out = s;
  while (out.startsWith('the ') && out.length > 4) out = out.slice(4);
  return out;
}

/** Rewrites bracketed segments innermost first, so nested brackets are seen too. */
function replaceBrackets(s: string, rewrite: (inner: string) => string): string {
  let out = s;
  for (let previous = ''; previous !== out;) {
    previous = out;
    out = out.replace(BRACKET_RE, (_whole, inner: string) => rewrite(inner));
  }
  return out;
}

/** Tags named in a segment; a phrase counts once ("radio edit" is not also an "edit"). */
function tagsIn(segment: string): VersionTag[] {
  let rest = segment;
  const found: VersionTag[] = [];
  for (const [re, tag] of TAG_PATTERNS) {
    if (!re.test(rest)) continue;
    found.push(tag);
    rest = rest.replace(new RegExp(re.source, 'g'), ' ');
  }
  return found;
}

/** Final form: punctuation gone, trailing feat. clause gone, leading "the" gone. */
function finish(s: string): string {
  return dropLeadingThe(stripPunctuation(s).replace(FEAT_FOLDED_RE, ''));
}

/**
 * Accent-, case- and punctuation-insensitive form of any text: NFKD without marks, lower case,
 * "&"/"+"/"and" unified, punctuation removed, whitespace collapsed. No feat./"the"/tag handling.
 */
export function foldText(s: string): string {
  return stripPunctuation(foldLetters(s));
}

/**
 * Normalises a title: feat./with clauses removed, version markers in brackets or after a dash
 * moved to `tags` (other bracketed words stay in the text), leading "the" dropped.
 * Idempotent: normalising `text` again yields `text` and no tags.
 */
export function normaliseTitle(title: string): NormalisedTitle {
  const tags = new Set<VersionTag>();
  let s = replaceBrackets(foldLetters(title), (inner) => {
    if (BRACKET_FEAT_RE.test(inner)) return ' ';
    const found = tagsIn(inner);
    if (!found.length) return ` ${inner} `;
    found.forEach((t) => tags.add(t));
    return ' ';
  });
  const dash = DASH_SUFFIX_RE.exec(s);
  if (dash) {
    const found = tagsIn(dash[1]!);
    if (found.length) {
      found.forEach((t) => tags.add(t));
      s = s.slice(0, dash.index);
    }
  }
  s = s.replace(FEAT_INLINE_RE, '');
  const text = finish(s);
  return { text, tags: TAG_PATTERNS.map(([, t]) => t).filter((t) => tags.has(t)) };
}

/**
 * Normalises an artist credit: Discogs "(2)" suffixes and feat./with clauses removed,
 * "Beatles, The" read as "The Beatles", leading "the" dropped. Idempotent.
 */
export function normaliseArtist(artist: string): string {
  let s = foldLetters(artist)
    .replace(DISAMBIGUATION_RE, '')
    .replace(/,\s*the\s*$/, '');
  s = replaceBrackets(s, (inner) => (BRACKET_FEAT_RE.test(inner) ? ' ' : ` ${inner} `));
  s = s.replace(FEAT_INLINE_RE, '');
  return finish(s);
}

/** The form two sources must share to be the same recording or release (tags compared apart). */
export function normaliseForMatch(artist: string, title: string): MatchKey {
  const a = normaliseArtist(artist);
  const t = normaliseTitle(title);
  return { artist: a, title: t.text, tags: t.tags, key: `${a}|${t.text}` };
}

/** Whether two tag lists agree on every tag that changes what is heard. */
export function gateTagsAgree(a: readonly VersionTag[], b: readonly VersionTag[]): boolean {
  for (const tag of GATE_TAGS) if (a.includes(tag) !== b.includes(tag)) return false;
  return true;
}
