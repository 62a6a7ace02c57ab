import fc from 'fast-check';
import {
  cleanUpc,
  creditOf,
  editionOf,
  isrcSetsAgree,
  releaseDateOf,
  sameRelease,
  sameReleaseOnBothServices,
  sameUpc,
  type ServiceRelease,
} from './album-identity';

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

  it("when two services' albums are compared, then the same UPC or the same recordings link them, and title alone only when a UPC is missing", () => {
    const isrcs = (...n: number[]) => new Set(n.map((i) => `GBAYE000000${i}`));
    const album: ServiceRelease = { title: 'Homogenic', artists: ['Björk'], upc: '724384260927', isrcs: isrcs(1, 2, 3, 4, 5), trackCount: 5 };
    expect(sameUpc('724384260927', '0724384260927')).toBe(true);
    expect(sameUpc('724384260927', '724384260928')).toBe(false);
    expect(sameUpc(null, null)).toBe(false);
    expect(sameReleaseOnBothServices(album, { ...album, title: 'Homogenic (2024 Remaster)', upc: '0724384260927', isrcs: isrcs() })).toBe(true);
    expect(sameReleaseOnBothServices(album, { ...album, upc: '111111111117', isrcs: isrcs(1, 2, 3, 4) })).toBe(true);
    // Another UPC, the same title and artist, one shared recording: the single of the title track.
    expect(sameReleaseOnBothServices(album, { ...album, title: 'Homogenic - Single', upc: '111111111117', isrcs: isrcs(1), trackCount: 1 })).toBe(false);
    expect(sameReleaseOnBothServices(album, { ...album, upc: '111111111117', isrcs: isrcs(1, 2), trackCount: 5 })).toBe(false);
    expect(sameReleaseOnBothServices(album, { ...album, upc: null, isrcs: isrcs() })).toBe(true);
    expect(sameReleaseOnBothServices(album, { ...album, upc: null, isrcs: isrcs(), trackCount: 6 })).toBe(false);
    expect(sameReleaseOnBothServices(album, { ...album, upc: null, isrcs: isrcs(), artists: ['Someone Else'] })).toBe(false);
  });
});
