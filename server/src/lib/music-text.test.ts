import fc from 'fast-check';
import { foldText, gateTagsAgree, normaliseArtist, normaliseForMatch, normaliseTitle } from './music-text';

// Strings that look like real titles: letters with accents, brackets, dashes, feat. clauses.
const titleish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'Björk',
        'Sigur Rós',
        'the',
        'The',
        'feat.',
        'ft',
        'with',
        '&',
        '+',
        'and',
        '(Live)',
        '[Remastered 2011]',
        ' - ',
        '(',
        ')',
        'Røyksopp',
        'ÆØÅ',
        'R.E.M.',
        "Don't",
        '½',
        'ǅ',
        'İ',
        'ß',
        '東京',
        'Ωmega',
      ),
      fc.string({ maxLength: 6 }),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(' '));

describe('normaliseTitle and normaliseArtist properties', () => {
  it('when normalising twice, then the result does not change (idempotent)', () => {
    fc.assert(
      fc.property(titleish, (s) => {
        const once = normaliseTitle(s);
        const twice = normaliseTitle(once.text);
        expect(twice.text).toBe(once.text);
        expect(twice.tags).toEqual([]);
        expect(normaliseArtist(normaliseArtist(s))).toBe(normaliseArtist(s));
        expect(foldText(foldText(s))).toBe(foldText(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('when only case, accents or punctuation differ, then the forms are equal', () => {
    const accents: Record<string, string> = { a: 'á', e: 'é', i: 'ï', o: 'ö', u: 'ü', n: 'ñ', c: 'ç' };
    const word = fc.stringMatching(/^[a-z]{1,8}$/);
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 5 }),
        fc.array(fc.constantFrom(',', '!', '?', ':', ';', '"', '.', "'", '*'), { maxLength: 5 }),
        (words, marks) => {
          const plain = words.join(' ');
          const dressed = words
            .map((w, i) => {
              const accented = [...w].map((ch) => accents[ch] ?? ch).join('');
              return (i % 2 ? accented.toUpperCase() : accented) + (marks[i] ?? '');
            })
            .join(' ');
          expect(normaliseTitle(dressed).text).toBe(normaliseTitle(plain).text);
          expect(normaliseArtist(dressed)).toBe(normaliseArtist(plain));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('when normalised, then only lower-case letters, digits and single spaces remain', () => {
    fc.assert(
      fc.property(titleish, (s) => {
        const { text } = normaliseTitle(s);
        expect(text).toBe(text.trim());
        expect(text).not.toMatch(/\s{2}|[^\p{L}\p{N} ]|\p{Lu}/u);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('real names', () => {
  it.each([
    ['Björk', 'bjork'],
    ['BJÖRK', 'Bjork'],
    ['The Beatles', 'Beatles'],
    ['Beatles, The', 'The Beatles'],
    ['Simon & Garfunkel', 'Simon and Garfunkel'],
    ['Simon + Garfunkel', 'simon and garfunkel'],
    ['R.E.M.', 'REM'],
    ['Sigur Rós', 'Sigur Ros'],
    ['Røyksopp', 'Royksopp'],
    ['Mötley Crüe', 'Motley Crue'],
    ['Nirvana (2)', 'Nirvana'],
    ['Jay-Z feat. Alicia Keys', 'Jay Z'],
    ['ＡＢＢＡ', 'abba'],
  ])('when comparing artist "%s" with "%s", then they normalise the same', (a, b) => {
    expect(normaliseArtist(a)).toBe(normaliseArtist(b));
  });

  it.each([
    ['Song (feat. X)', 'Song'],
    ['Song [ft. X & Y]', 'Song'],
    ['Song feat. X', 'Song'],
    ['Song (with X)', 'Song'],
    ["Don't Stop Me Now", 'Dont Stop Me Now'],
    ['The Wall', 'Wall'],
    ['(What’s the Story) Morning Glory?', "(What's The Story) Morning Glory"],
    ['Ágætis byrjun', 'Agaetis Byrjun'],
  ])('when comparing title "%s" with "%s", then they normalise the same', (a, b) => {
    expect(normaliseTitle(a).text).toBe(normaliseTitle(b).text);
  });

  it('when different words are compared, then they stay different', () => {
    expect(normaliseArtist('Björk')).not.toBe(normaliseArtist('Bjorn'));
    expect(normaliseTitle('Stay with Me').text).toBe('stay with me');
    expect(normaliseArtist('Little Feat')).toBe('little feat');
    expect(normaliseArtist('The The')).toBe('the');
  });

  it('when a title carries version markers, then they become tags and leave the text', () => {
    expect(normaliseTitle('Heroes (Live at Wembley)')).toEqual({ text: 'heroes', tags: ['live'] });
    expect(normaliseTitle('Abbey Road - 2019 Remaster')).toEqual({ text: 'abbey road', tags: ['remaster'] });
    expect(normaliseTitle('Hey Ya! [Radio Edit]')).toEqual({ text: 'hey ya', tags: ['radio-edit'] });
    expect(normaliseTitle('Album (Deluxe Edition) (feat. Someone)')).toEqual({ text: 'album', tags: ['deluxe'] });
    expect(normaliseTitle('Live Through This')).toEqual({ text: 'live through this', tags: [] });
  });

  it('when matching keys are built, then artist and title are normalised separately', () => {
    expect(normaliseForMatch('The Beatles', 'Abbey Road (Remastered)')).toEqual({
      artist: 'beatles',
      title: 'abbey road',
      tags: ['remaster'],
      key: 'beatles|abbey road',
    });
  });

  it('when tags differ only by soft markers, then gates agree; a live take does not', () => {
    expect(gateTagsAgree(['remaster'], [])).toBe(true);
    expect(gateTagsAgree(['live'], [])).toBe(false);
    expect(gateTagsAgree(['live', 'mono'], ['live'])).toBe(true);
  });

  it('when the text is empty or only punctuation, then the result is empty', () => {
    expect(normaliseTitle('')).toEqual({ text: '', tags: [] });
    expect(normaliseArtist('?!…')).toBe('');
  });
});
