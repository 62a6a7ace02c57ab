import { abjadSkeleton, foreignSounds, katakanaSkeleton, latinSkeletons } from './consonant-skeleton';
import { foldText, romanisations } from './normalise-text';

describe('consonant skeletons of Arabic and Hebrew against their romanisations', () => {
  it.each([
    ['انت عمري', 'enta omri'],
    ['ألف ليلة وليلة', 'alf leila wa leila'],
    ['يا مسهرني', 'ya mesaharny'],
    ['ירושלים של זהב', 'yerushalayim shel zahav'],
    ['הבה נגילה', 'hava nagila'],
    // French spelling of "ش", the article written apart, digits of Arabic chat.
    ['الشاب خالد', 'cheb khaled'],
    ['حبيبي', '7abibi'],
    // The article glued to "abd" in a name.
    ['عبد الوهاب', 'abdel wahab'],
    ['عبد الوهاب', 'abdul wahab'],
  ])('when %s meets "%s", then their skeletons are equal', (written, romanised) => {
    expect(latinSkeletons(romanised)).toContain(abjadSkeleton(written));
  });

  it('when two different titles meet, then their skeletons differ', () => {
    expect(latinSkeletons('enta omri')).not.toContain(abjadSkeleton('ألف ليلة وليلة'));
    expect(latinSkeletons('hava nagila')).not.toContain(abjadSkeleton('ירושלים של זהב'));
  });

  it('when a text has no Arabic or Hebrew letters, then it has no skeleton', () => {
    expect(abjadSkeleton('enta omri')).toBeNull();
    expect(abjadSkeleton('밤편지')).toBeNull();
  });

  it('when vowel signs or a stretching stroke are written, then they change nothing', () => {
    expect(abjadSkeleton('حَبِيبِي')).toBe(abjadSkeleton('حبيبي'));
    expect(abjadSkeleton('حبيـــبي')).toBe(abjadSkeleton('حبيبي'));
  });
});

describe('consonant skeletons of katakana against the foreign spelling it writes', () => {
  const kana = (text: string) => katakanaSkeleton(romanisations(foldText(text))[0]!);
  const latin = (text: string) => latinSkeletons(foreignSounds(text), true);

  it.each([
    ['ビートルズ', 'beatles'],
    ['マイケル・ジャクソン', 'michael jackson'],
    ['テイラー・スウィフト', 'taylor swift'],
    ['クイーン', 'queen'],
  ])('when %s meets "%s", then their skeletons are equal (vowels Japanese adds left out, l and r one)', (written, spelt) => {
    expect(latin(spelt)).toContain(kana(written));
  });

  it('when the names differ, then so do the skeletons', () => {
    expect(latin('rolling stones')).not.toContain(kana('ビートルズ'));
    expect(latin('madonna')).not.toContain(kana('マイケル・ジャクソン'));
  });
});
