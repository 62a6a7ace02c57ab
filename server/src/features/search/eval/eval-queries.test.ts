import fc from 'fast-check';
import { buildQuerySet, plainLowerCase, QUERY_KINDS, seededRandom, titlePrefix, TYPO_MIN_WORD, withTypo, type EvalAlbum } from './eval-queries';

/** Edits between two strings, a swap of neighbours counting as one (optimal string alignment). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

const album = (id: number, title: string, artist: string): EvalAlbum => ({
  id: String(id),
  title,
  artist,
  titleKey: plainLowerCase(title),
  artistKeys: [plainLowerCase(artist)],
});

describe('withTypo', () => {
  it('when a text has a word of 4 letters or more, then exactly one such word differs by exactly one edit, case aside', () => {
    const word = fc.stringMatching(/^[A-Za-z]{1,9}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), fc.integer(), (words, seed) => {
        const text = words.join(' ');
        const typo = withTypo(text, seededRandom(seed));
        if (!words.some((w) => w.length >= TYPO_MIN_WORD)) return typo === null;
        const typed = typo!.split(' ');
        const changed = words.flatMap((w, i) => (w !== typed[i] ? [i] : []));
        return (
          typed.length === words.length &&
          changed.length === 1 &&
          words[changed[0]!]!.length >= TYPO_MIN_WORD &&
          editDistance(words[changed[0]!]!.toLowerCase(), typed[changed[0]!]!.toLowerCase()) === 1
        );
      }),
    );
  });

  it('when the text has only short words, then there is no typo to make', () => {
    expect(withTypo('Go To It', seededRandom(1))).toBeNull();
  });
});

describe('buildQuerySet', () => {
  const catalog = [
    album(1, 'Ágætis Byrjun', 'Sigur Rós'),
    album(2, 'Homogenic', 'Björk'),
    album(3, 'Homogenic', 'Someone Else'),
    album(4, 'Go', 'Xy'),
    album(5, 'x'.repeat(199), 'Long Title'),
  ];

  it('when built twice with one seed, then the queries are the same; another seed samples or misspells differently', () => {
    const texts = (seed: number) => buildQuerySet(catalog, { seed, sample: 3 }).map((q) => `${q.kind}: ${q.q}`);
    expect(texts(8)).toEqual(texts(8));
    expect(texts(9)).not.toEqual(texts(8));
  });

  it('when an album is sampled, then each kind that applies gives one query of the expected shape, and none is longer than the search box takes', () => {
    const queries = buildQuerySet(catalog, { seed: 8, sample: catalog.length });
    const of = (id: string) => Object.fromEntries(queries.filter((q) => q.albumId === id).map((q) => [q.kind, q.q]));
    expect(of('1')).toMatchObject({
      'exact title': 'Ágætis Byrjun',
      prefix: titlePrefix('Ágætis Byrjun'),
      'lower-case accent-free': 'agætis byrjun',
      'title artist': 'Ágætis Byrjun Sigur Rós',
      'artist title': 'Sigur Rós Ágætis Byrjun',
    });
    expect(Object.keys(of('1')).sort()).toEqual([...QUERY_KINDS].sort());
    // No word of 4 letters: no typo kinds.
    expect(Object.keys(of('4')).sort()).toEqual(['artist title', 'exact title', 'lower-case accent-free', 'prefix', 'title artist']);
    expect(queries.every((q) => q.q.length <= 200)).toBe(true);
    expect(of('5')['title artist']).toBeUndefined();
  });

  it("when a query names only the title, then any album of that title answers it; with the artist, only that artist's", () => {
    const queries = buildQuerySet(catalog, { seed: 8, sample: catalog.length }).filter((q) => q.albumId === '2');
    const [byTitle, byBoth] = [queries.find((q) => q.kind === 'exact title')!, queries.find((q) => q.kind === 'title artist')!];
    expect(byTitle.accepts(catalog[2]!)).toBe(true);
    expect(byBoth.accepts(catalog[2]!)).toBe(false);
    expect(byBoth.accepts(catalog[1]!)).toBe(true);
  });
});
