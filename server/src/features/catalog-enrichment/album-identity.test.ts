import fc from 'fast-check';
import { cleanUpc, creditOf, editionOf, isrcSetsAgree, releaseDateOf, sameRelease } from './album-identity';

describe('album identity', () => {
  it('when titles differ only in case, accents, punctuation or an edition suffix and an artist is shared, then they are the same release', () => {
    expect(sameRelease({ title: 'Ágætis Byrjun', artists: ['Sigur Rós'] }, { title: 'Agaetis byrjun', artistCredit: 'Sigur Ros', names: [] })).toBe(true);
    expect(sameRelease({ title: 'Kid A - EP', artists: ['Radiohead'] }, { title: 'Kid A', artistCredit: 'Radiohead', names: ['Radiohead'] })).toBe(true);
    expect(
      sameRelease(
        { title: 'Bitches Brew', artists: ['Miles Davis', 'Someone'] },
        { title: 'Bitches Brew', artistCredit: 'Davis, Miles', names: ['Miles Davis'] },
      ),
    ).toBe(true);
  });

  it('when the version markers, the title or every artist differ, then they are not the same release', () => {
    expect(sameRelease({ title: 'Homogenic (Live)', artists: ['Björk'] }, { title: 'Homogenic', artistCredit: 'Björk', names: [] })).toBe(false);
    expect(sameRelease({ title: 'Homogenic (Deluxe Edition)', artists: ['Björk'] }, { title: 'Homogenic', artistCredit: 'Björk', names: [] })).toBe(false);
    expect(sameRelease({ title: 'Homogenic', artists: ['Bjork Tribute Band'] }, { title: 'Homogenic', artistCredit: 'Björk', names: [] })).toBe(false);
    expect(sameRelease({ title: 'Post', artists: ['Björk'] }, { title: 'Debut', artistCredit: 'Björk', names: [] })).toBe(false);
  });

  it('when ISRC sets nearly coincide they agree; a single, or a compilation sharing a few, does not', () => {
    const album = new Set(['GBAYE0000001', 'GBAYE0000002', 'GBAYE0000003', 'GBAYE0000004', 'GBAYE0000005']);
    expect(isrcSetsAgree(album, new Set(album))).toBe(true);
    expect(isrcSetsAgree(album, new Set([...album].slice(0, 4)))).toBe(true);
    expect(isrcSetsAgree(album, new Set(['GBAYE0000001']))).toBe(false);
    expect(isrcSetsAgree(album, new Set(['GBAYE0000001', 'GBAYE0000002', 'USXXX0000009', 'USXXX0000010']))).toBe(false);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 99 }), { maxLength: 20 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 99 }), { maxLength: 20 }),
        (a, b) => {
          const sa = new Set(a.map(String));
          const sb = new Set(b.map(String));
          expect(isrcSetsAgree(sa, sb)).toBe(isrcSetsAgree(sb, sa));
        },
      ),
    );
  });

  it('when service fields are read, then credits, dates, editions, ISRCs and UPCs come out as the catalog stores them', () => {
    expect(creditOf(['A'])).toBe('A');
    expect(creditOf(['A', 'B', 'C'])).toBe('A, B & C');
    expect(creditOf([])).toBe('Unknown Artist');
    expect(releaseDateOf('2024')).toEqual({ date: '2024-01-01', precision: 'year', year: 2024 });
    expect(releaseDateOf('2024-03')).toEqual({ date: '2024-03-01', precision: 'month', year: 2024 });
    expect(releaseDateOf('2024-03-15')).toEqual({ date: '2024-03-15', precision: 'day', year: 2024 });
    expect(releaseDateOf('0000')).toEqual({ date: null, precision: null, year: null });
    expect(releaseDateOf(null).date).toBeNull();
    expect(editionOf('Song - Single')).toEqual({ title: 'Song', type: 'single' });
    expect(editionOf('Stuff - EP')).toEqual({ title: 'Stuff', type: 'ep' });
    expect(editionOf('Rock - Paper')).toEqual({ title: 'Rock - Paper', type: 'album' });
    expect(cleanUpc('724384260927')).toBe('724384260927');
    expect(cleanUpc('72438426092x')).toBeNull();
  });
});
