/**
 * Hangul in Latin letters. Hangul spells sounds, syllable by syllable, so it can be read without
 * knowing words: the Revised Romanization ("밤편지" → "bampyeonji", "김광석" → "gimgwangseok"),
 * and the older reading most names still use, with k, t, p, ch for the plain stops and "sh"
 * before "i" ("Kim Kwang Seok", "Shin"). Loanwords and translated titles ("에잇" for "eight") are not reached this way; a reading
 * that does not come close tells nothing.
 */

const FIRST_SYLLABLE = 0xac00;
const LAST_SYLLABLE = 0xd7a3;

// Initial consonants, vowels and final consonants in the order Unicode composes syllables.
const INITIALS = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const VOWELS = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'];
/** A final as it sounds at the end of a word or before a consonant. */
const FINALS = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];
/** A final carried over to a following syllable that starts with a vowel ("음에" → "eume"). */
const FINALS_BEFORE_VOWEL = [
  '',
  'g',
  'kk',
  'ks',
  'n',
  'nj',
  'n',
  'd',
  'r',
  'lg',
  'lm',
  'lb',
  'ls',
  'lt',
  'lp',
  'r',
  'm',
  'b',
  'ps',
  's',
  'ss',
  'ng',
  'j',
  'ch',
  'k',
  't',
  'p',
  '',
];
/** The older reading's plain stops at the start of a syllable: g, d, b, j as k, t, p, ch. */
const OLDER_INITIALS: Record<string, string> = { g: 'k', d: 't', b: 'p', j: 'ch' };

const HANGUL_RE = /[\uac00-\ud7a3]/u;

interface Syllable {
  initial: number;
  vowel: number;
  final: number;
}

function syllableOf(char: string): Syllable | null {
  const code = char.codePointAt(0)!;
  if (code < FIRST_SYLLABLE || code > LAST_SYLLABLE) return null;
  const index = code - FIRST_SYLLABLE;
  return { initial: Math.floor(index / 588), vowel: Math.floor((index % 588) / 28), final: index % 28 };
}

function readWith(text: string, older: boolean): string {
  const chars = [...text];
  let out = '';
  chars.forEach((char, i) => {
    const s = syllableOf(char);
    if (!s) {
      out += char;
      return;
    }
    const initial = INITIALS[s.initial]!;
    const vowel = VOWELS[s.vowel]!;
    // The older reading also writes "s" before "i" and "y" as "sh" ("신" → "shin").
    const olderInitial = initial === 's' && /^(?:i|y|wi)/.test(vowel) ? 'sh' : (OLDER_INITIALS[initial] ?? initial);
    out += (older ? olderInitial : initial) + vowel;
    if (!s.final) return;
    const next = chars[i + 1] === undefined ? null : syllableOf(chars[i + 1]!);
    // Before a silent initial the final is heard as the next syllable's first sound.
    out += next && INITIALS[next.initial] === '' ? FINALS_BEFORE_VOWEL[s.final]! : FINALS[s.final]!;
  });
  return out;
}

/** Latin readings of a folded text holding hangul, best first; none without hangul. */
export function hangulReadings(folded: string): string[] {
  if (!HANGUL_RE.test(folded)) return [];
  return [...new Set([readWith(folded, false), readWith(folded, true)])];
}
