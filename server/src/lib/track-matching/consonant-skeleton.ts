/**
 * Arabic, Persian and Hebrew are written mostly without vowels, and romanised with vowels chosen
 * by ear ("نور العين" is "Nour El Ein", "Nur al-Ayn", ...), so a romanisation cannot be read from
 * them letter by letter. What both keep is the consonants: each side is reduced to a skeleton of
 * consonant classes (vowels, the letters that also write vowels, glottal stops and doubled letters
 * dropped; sounds each language spells several ways folded together), and the skeletons compared.
 *
 * Katakana spelling a foreign word or name works the other way round: it adds vowels Japanese
 * needs ("Spitz" is "スピッツ", read "supittsu"; "Marigold" is "マリーゴールド", "marigoorudo"), and
 * writes l as r. Its reading's skeleton, with l and r one class, is compared the same way.
 */

// Arabic and Persian letters to consonant classes; "" for letters that write vowels or a glottal stop.
const ARABIC: Record<string, string> = {
  ب: 'b',
  پ: 'b',
  ت: 't',
  ث: 't',
  ج: 'j',
  چ: 's',
  ح: 'h',
  خ: 'k',
  د: 'd',
  ذ: 'd',
  ر: 'r',
  ز: 'z',
  ژ: 'z',
  س: 's',
  ش: 's',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ع: '',
  غ: 'G',
  ف: 'b',
  ق: 'k',
  ك: 'k',
  ک: 'k',
  گ: 'j',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  ة: '',
  و: '',
  ي: '',
  ی: '',
  ى: '',
  ـ: '',
  ا: '',
  أ: '',
  إ: '',
  آ: '',
  ء: '',
  ؤ: '',
  ئ: '',
};
// Hebrew letters (final forms too); ו and י write vowels as often as consonants.
const HEBREW: Record<string, string> = {
  א: '',
  ב: 'b',
  ג: 'j',
  ד: 'd',
  ה: 'h',
  ו: '',
  ז: 'z',
  ח: 'h',
  ט: 't',
  י: '',
  כ: 'k',
  ך: 'k',
  ל: 'l',
  מ: 'm',
  ם: 'm',
  נ: 'n',
  ן: 'n',
  ס: 's',
  ע: '',
  פ: 'b',
  ף: 'b',
  צ: 's',
  ץ: 's',
  ק: 'k',
  ר: 'r',
  ש: 's',
  ת: 't',
};

const ABJAD_RE = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;

/**
 * Latin spellings of those sounds to the same classes (upper-case while rules still apply), digits
 * as Arabic chat writes letters ("7abibi"). "ch" is read three ways: "sh" in French spelling
 * ("Cheb"), "h" or "kh" in Hebrew ("Chaim", "Lechaim").
 */
const LATIN_CLASSES: [RegExp, string][] = [
  [/kh/g, 'K'],
  [/gh/g, 'G'],
  [/sh|tz|ts|x/g, 'S'],
  [/th/g, 'T'],
  [/dh/g, 'D'],
  [/ph|f|p|v/g, 'B'],
  [/q|ck|c(?![eiy])/g, 'K'],
  [/c/g, 'S'],
  [/g|j/g, 'J'],
  [/7/g, 'H'],
];
const CH_READINGS = ['S', 'H', 'K'];
/**
 * A text's words without the Arabic article written apart ("nour el ein", "al-atlal" folded to "al
 * atlal") or glued to the word before it in a name ("abdel halim" is "abd el halim").
 */
const withoutArticles = (text: string) =>
  text
    .split(/\s+/)
    .filter((word) => !/^(?:al|el|il|ul|l)$/.test(word))
    .map((word) => (/^abd[aeiou]l$/.test(word) ? 'abd' : word));

/**
 * The consonant skeletons of a folded Latin text read as a romanisation ("nour el ein" → "nrln"),
 * one per reading of "ch"; with `liquids`, l and r are one class (for katakana).
 */
export function latinSkeletons(folded: string, liquids = false): string[] {
  const readings = /ch/.test(folded) ? CH_READINGS.map((to) => folded.replace(/ch/g, to)) : [folded];
  return [
    ...new Set(
      readings.map((text) =>
        squeeze(
          withoutArticles(text).map((word) =>
            LATIN_CLASSES.reduce((w, [re, to]) => w.replace(re, to), word)
              .replace(/[^a-zA-Z]/g, '')
              .replace(/[aeiouyw]/g, '')
              .toLowerCase()
              .replace(/l/g, liquids ? 'r' : 'l'),
          ),
        ),
      ),
    ),
  ];
}

/** The consonant skeleton of a folded Arabic or Hebrew text ("نور العين" → "nrln"); null when it has none. */
export function abjadSkeleton(folded: string): string | null {
  if (!ABJAD_RE.test(folded)) return null;
  const letter = (c: string) => ARABIC[c] ?? HEBREW[c] ?? (/\p{L}/u.test(c) ? '?' : '');
  // The article "ال" is left out, as "al", "el" are on the Latin side.
  const words = folded.split(/\s+/).map((word) => (word.length > 3 ? word.replace(/^ال/u, '') : word));
  return squeeze(words.map((word) => [...word].map(letter).join('').toLowerCase()));
}

/** Words' skeletons joined, a word's last "h" dropped (often unwritten or silent), doubled classes once. */
function squeeze(words: string[]): string {
  return words
    .map((w) => w.replace(/h$/, ''))
    .join('')
    .replace(/(.)\1+/g, '$1');
}

/** Whether a folded text holds Arabic or Hebrew letters. */
export const hasAbjad = (folded: string): boolean => ABJAD_RE.test(folded);

const KATAKANA_ONLY_RE = /^[\p{Script=Katakana}ー・\s]+$/u;

/** Whether a folded text is katakana alone (a word or name spelt as it sounds). */
export const isKatakana = (folded: string): boolean => KATAKANA_ONLY_RE.test(folded);

/** The consonant skeleton of a katakana text's Hepburn reading, l and r one class ("supittsu" → "spts"). */
export function katakanaSkeleton(reading: string): string {
  return latinSkeletons(foreignSounds(reading), true)[0]!;
}

/** "ts" and "z" as one sound, the way katakana writes a foreign "z" and "tz" ("Spitz" / "supittsu"); for both sides. */
export const foreignSounds = (text: string): string => text.replace(/ts|z/g, 's');
