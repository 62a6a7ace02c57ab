/**
 * Devanagari (Hindi, Marathi, Nepali) in Latin letters, as film songs are spelt on the services
 * ("तुम ही हो" → "tum hi ho"). Each consonant carries an "a" unless a vowel sign or a virama
 * follows; the "a" at a word's end is not said and not written. Two readings: long vowels doubled
 * ("aashiqui" spelling: "aa", "ee", "oo") and single ("ashiki").
 */

const CONSONANTS: Record<string, string> = {
  क: 'k',
  ख: 'kh',
  ग: 'g',
  घ: 'gh',
  ङ: 'n',
  च: 'ch',
  छ: 'chh',
  ज: 'j',
  झ: 'jh',
  ञ: 'n',
  ट: 't',
  ठ: 'th',
  ड: 'd',
  ढ: 'dh',
  ण: 'n',
  त: 't',
  थ: 'th',
  द: 'd',
  ध: 'dh',
  न: 'n',
  प: 'p',
  फ: 'ph',
  ब: 'b',
  भ: 'bh',
  म: 'm',
  य: 'y',
  र: 'r',
  ल: 'l',
  व: 'v',
  श: 'sh',
  ष: 'sh',
  स: 's',
  ह: 'h',
  क़: 'q',
  ख़: 'kh',
  ग़: 'g',
  ज़: 'z',
  ड़: 'r',
  ढ़: 'rh',
  फ़: 'f',
  य़: 'y',
};
/** A consonant with the nukta below it, as a sound borrowed from Persian or English. */
const WITH_NUKTA: Record<string, string> = { क: 'q', ख: 'kh', ग: 'g', ज: 'z', ड: 'r', ढ: 'rh', फ: 'f', य: 'y' };
const VOWELS: Record<string, string> = { अ: 'a', आ: 'aa', इ: 'i', ई: 'ee', उ: 'u', ऊ: 'oo', ए: 'e', ऐ: 'ai', ओ: 'o', औ: 'au', ऋ: 'ri' };
const VOWEL_SIGNS: Record<string, string> = { 'ा': 'aa', 'ि': 'i', 'ी': 'ee', 'ु': 'u', 'ू': 'oo', 'ृ': 'ri', 'े': 'e', 'ै': 'ai', 'ो': 'o', 'ौ': 'au' };
const VIRAMA = '्';
const NUKTA = '़';
const NASALS: Record<string, string> = { 'ं': 'n', 'ँ': 'n', 'ः': 'h' };

const DEVANAGARI_RE = /\p{Script=Devanagari}/u;

function readWord(word: string): string {
  const chars = [...word.normalize('NFC')];
  let out = '';
  let inherent = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === NUKTA) continue;
    const consonant = chars[i + 1] === NUKTA && WITH_NUKTA[c] ? WITH_NUKTA[c] : CONSONANTS[c];
    if (consonant !== undefined) {
      if (inherent) out += 'a';
      out += consonant;
      inherent = true;
      continue;
    }
    const sign = VOWEL_SIGNS[c];
    if (sign !== undefined) {
      out += sign;
      inherent = false;
      continue;
    }
    if (c === VIRAMA) {
      inherent = false;
      continue;
    }
    if (inherent) out += 'a';
    inherent = false;
    out += VOWELS[c] ?? NASALS[c] ?? c;
  }
  // The "a" after a word's last consonant is not said, except in a word of one letter ("न" → "na").
  if (inherent && out.length <= 2) out += 'a';
  return out;
}

/** Latin readings of a folded text holding Devanagari, long vowels doubled first; none without it. */
export function devanagariReadings(folded: string): string[] {
  if (!DEVANAGARI_RE.test(folded)) return [];
  const doubled = folded
    .split(' ')
    .map((word) => (DEVANAGARI_RE.test(word) ? readWord(word) : word))
    .join(' ');
  return [...new Set([doubled, doubled.replace(/aa/g, 'a').replace(/ee/g, 'i').replace(/oo/g, 'u')])];
}
