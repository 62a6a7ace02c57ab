import fc from 'fast-check';
import { decideMatch } from './decide-match';
import { MATCH_THRESHOLDS } from './match-thresholds';
import { byIsrc, bySearch, sourceTrack, targetTrack } from './match-tracks.testing';

const ISRC = 'GBARL7700016';

describe('decideMatch', () => {
  it('when one candidate is the same recording, then it is matched with its method and no reason', () => {
    const right = targetTrack();
    const decision = decideMatch(sourceTrack(), bySearch(targetTrack({ title: 'Telephone Line' }), right));
    expect(decision.outcome).toBe('matched');
    expect(decision.chosen?.track.id).toBe(right.id);
    expect(decision.method).toBe('search');
    expect(decision.reason).toBeNull();
    expect(decision.alternatives.map((a) => a.track.id)).not.toContain(right.id);
  });

  describe('several songs per ISRC', () => {
    const album = targetTrack({ isrc: ISRC });
    const compilation = targetTrack({ isrc: ISRC, album: 'All Over the World: The Very Best of Electric Light Orchestra' });
    const single = targetTrack({ isrc: ISRC, album: 'Mr. Blue Sky - Single' });

    it('when the album, a compilation and a single share the ISRC, then the album version is chosen', () => {
      for (const order of [
        [compilation, single, album],
        [single, album, compilation],
      ]) {
        const decision = decideMatch(sourceTrack({ isrc: ISRC }), byIsrc(...order));
        expect(decision.outcome).toBe('matched');
        expect(decision.chosen?.track.id).toBe(album.id);
        expect(decision.method).toBe('isrc');
      }
    });

    it('when the source album is unknown, then the original album still wins over the compilation and the single', () => {
      expect(decideMatch(sourceTrack({ isrc: ISRC, album: null }), byIsrc(compilation, single, album)).chosen?.track.id).toBe(album.id);
    });

    it('when nothing else tells the copies apart, then the earliest release is the original album', () => {
      const bestOf = targetTrack({ isrc: ISRC, album: 'Electric Light Orchestra' });
      const original = targetTrack({ isrc: ISRC, album: 'Out of the Blue' });
      bestOf.album!.releaseYear = 2005;
      original.album!.releaseYear = 1977;
      expect(decideMatch(sourceTrack({ isrc: ISRC, album: null }), byIsrc(bestOf, original)).chosen?.track.id).toBe(original.id);
    });

    it('when one copy lasts as long as the source and another, on an original album, is seconds off, then the one as long is chosen', () => {
      // No ISRC agrees: the length is what tells the recording the source is from an earlier take.
      const source = sourceTrack({ isrc: 'USAAA0000001', album: 'Some Other Release', durationMs: 185_560 });
      const onBestOf = targetTrack({ isrc: 'USAAA0000002', album: 'The Essential Electric Light Orchestra', durationMs: 185_200 });
      const earlierTake = targetTrack({ isrc: 'USAAA0000003', album: 'Out of the Blue', durationMs: 188_100 });
      for (const order of [
        [onBestOf, earlierTake],
        [earlierTake, onBestOf],
      ]) {
        expect(decideMatch(source, bySearch(...order)).chosen?.track.id).toBe(onBestOf.id);
      }
    });

    it('when the source comes from the compilation, then that copy is chosen', () => {
      const source = sourceTrack({ isrc: ISRC, album: 'All Over the World: The Very Best of Electric Light Orchestra' });
      expect(decideMatch(source, byIsrc(album, compilation)).chosen?.track.id).toBe(compilation.id);
    });

    it('when explicit and clean copies exist, then the one with the source flag is chosen', () => {
      const explicit = targetTrack({ title: 'HUMBLE.', artists: ['Kendrick Lamar'], album: 'DAMN.', explicit: true, durationMs: 177_000 });
      const clean = targetTrack({ title: 'HUMBLE.', artists: ['Kendrick Lamar'], album: 'DAMN.', explicit: false, durationMs: 177_000 });
      const source = { title: 'HUMBLE.', artists: ['Kendrick Lamar'], album: 'DAMN.', durationMs: 177_000 };
      expect(decideMatch(sourceTrack({ ...source, explicit: true }), bySearch(clean, explicit)).chosen?.track.id).toBe(explicit.id);
      expect(decideMatch(sourceTrack({ ...source, explicit: false }), bySearch(explicit, clean)).chosen?.track.id).toBe(clean.id);
    });

    it('when the ISRC hit is the clean copy and search finds the explicit one, then an explicit source gets the explicit copy', () => {
      const source = { title: 'Money', artists: ['Cardi B'], album: 'Money', durationMs: 183_000, isrc: 'USAT21814321' };
      const clean = targetTrack({ ...source, album: 'Money - Single', durationMs: 183_200, explicit: false });
      const explicit = targetTrack({ ...source, album: 'Money - Single', durationMs: 183_200, isrc: 'USAT21814335', explicit: true });
      for (const candidates of [
        [...byIsrc(clean), ...bySearch(explicit)],
        [...bySearch(explicit), ...byIsrc(clean)],
      ])
        expect(decideMatch(sourceTrack({ ...source, explicit: true }), candidates).chosen?.track.id).toBe(explicit.id);
      // A source that says nothing of its flag keeps the ISRC hit.
      expect(decideMatch(sourceTrack({ ...source, explicit: null }), [...bySearch(explicit), ...byIsrc(clean)]).chosen?.track.id).toBe(clean.id);
    });
  });

  describe('ISRC disagreement', () => {
    it('when the ISRC hit is another song, then it is not accepted on the ISRC alone', () => {
      const decision = decideMatch(sourceTrack({ isrc: ISRC }), byIsrc(targetTrack({ title: 'Telephone Line', isrc: ISRC, durationMs: 280_000 })));
      expect(decision.outcome).toBe('not_found');
      expect(decision.alternatives[0]?.reasons[0]).toBe('same ISRC, but the title or artist differ');
    });

    it('when search finds the right song under another ISRC, then that one is matched', () => {
      const right = targetTrack({ isrc: 'GBARL7700099' });
      const decision = decideMatch(sourceTrack({ isrc: ISRC }), [...byIsrc(targetTrack({ title: 'Evil Woman', isrc: ISRC })), ...bySearch(right)]);
      expect(decision.chosen?.track.id).toBe(right.id);
      expect(decision.method).toBe('search');
    });
  });

  describe('non-Latin titles', () => {
    it('when both sides are in the same script, then the title matches and a decoy version does not', () => {
      const right = targetTrack({ title: '紅蓮華', artists: ['LiSA'], album: '紅蓮華 - Single', durationMs: 238_000 });
      const decision = decideMatch(
        sourceTrack({ title: '紅蓮華', artists: ['LiSA'], album: '紅蓮華', durationMs: 238_000 }),
        bySearch(targetTrack({ title: '紅蓮華 (Instrumental)', artists: ['LiSA'], durationMs: 238_000 }), right),
      );
      expect(decision.chosen?.track.id).toBe(right.id);
    });

    it('when the title is in another script, then the same ISRC can match it but search alone only offers it for review', () => {
      const source = sourceTrack({ title: 'Spring Day', artists: ['BTS'], album: 'YOU NEVER WALK ALONE', durationMs: 274_000, isrc: 'KRA381701137' });
      const target = targetTrack({ title: '봄날', artists: ['BTS'], album: 'YOU NEVER WALK ALONE', durationMs: 274_000, isrc: 'KRA381701137' });
      expect(decideMatch(source, byIsrc(target)).outcome).toBe('matched');
      const searched = decideMatch(source, bySearch(target));
      expect(searched.outcome).toBe('needs_review');
      expect(searched.alternatives[0]?.track.id).toBe(target.id);
    });

    it('when the same ISRC, title and length come credited another way (an alias, a misspelling) on another release, then it is offered for review, never matched and never lost', () => {
      const source = sourceTrack({ title: '2 Low Key', artists: ['Kelli Hand'], album: 'Flash Back', durationMs: 361_000, isrc: ISRC });
      for (const artists of [['K-Hand'], ['Kely Hand'], ['Some Other Act']]) {
        const target = targetTrack({ title: '2 Low Key', artists, album: 'Detroit Techno Classics', durationMs: 361_000, isrc: ISRC });
        const decision = decideMatch(source, byIsrc(target));
        expect(decision).toMatchObject({ outcome: 'needs_review', reason: 'not sure: a different artist' });
        expect(decision.alternatives[0]?.track.id).toBe(target.id);
        // Found by search alone, another credit is another artist's song.
        expect(decideMatch(source, bySearch({ ...target, isrc: null })).outcome).toBe('not_found');
      }
      // The title must agree too, and the length: another song or another cut under the ISRC stays not found.
      for (const other of [
        { title: 'Think About It', durationMs: 361_000 },
        { title: '2 Low Key', durationMs: 401_000 },
      ])
        expect(decideMatch(source, byIsrc(targetTrack({ ...other, artists: ['K-Hand'], album: 'Flash Back', isrc: ISRC }))).outcome).toBe('not_found');
    });

    it('when the same ISRC, title and length come on the same album credited another way, then it is matched: a credit half in another script, a composer named first', () => {
      const pairs = [
        [{ title: 'Pretender', artists: ['Official HIGE DANDISM'], album: 'Traveler' }, { artists: ['Official髭男dism'] }],
        [
          {
            title: 'Symphony No. 5 in C Minor, Op. 67: I. Allegro con brio',
            artists: ['Ludwig van Beethoven', 'Wiener Philharmoniker', 'Carlos Kleiber'],
            album: 'Beethoven: Symphonies Nos. 5 & 7',
          },
          { artists: ['Vienna Philharmonic & Carlos Kleiber'] },
        ],
      ] as const;
      for (const [from, credit] of pairs) {
        const source = sourceTrack({ ...from, artists: [...from.artists], durationMs: 326_000, isrc: ISRC });
        const target = targetTrack({ ...from, artists: [...credit.artists], durationMs: 326_400, isrc: ISRC });
        expect(decideMatch(source, byIsrc(target))).toMatchObject({ outcome: 'matched', method: 'isrc' });
        // Another release of it (a compilation, a deluxe edition) leaves the credit in doubt; search alone finds another act.
        expect(decideMatch(source, byIsrc({ ...target, album: { id: null, title: 'The Best Of' } })).outcome).toBe('needs_review');
        expect(decideMatch(source, bySearch({ ...target, isrc: null })).outcome).toBe('not_found');
      }
    });
  });

  describe('missing tracks', () => {
    it('when there are no candidates, then not found says so', () => {
      expect(decideMatch(sourceTrack(), [])).toEqual({
        outcome: 'not_found',
        chosen: null,
        alternatives: [],
        method: null,
        confidence: 0,
        reason: 'no candidates found on the target service',
      });
    });

    it('when only a live version exists, then not found says that in plain words', () => {
      const decision = decideMatch(sourceTrack(), bySearch(targetTrack({ title: 'Mr. Blue Sky (Live)', album: 'Live at Wembley', durationMs: 330_000 })));
      expect(decision.outcome).toBe('not_found');
      expect(decision.reason).toBe('only a live version found');
      expect(decision.alternatives).toHaveLength(1);
    });

    it('when only other songs and other artists are found, then nothing is chosen', () => {
      const decision = decideMatch(sourceTrack(), bySearch(targetTrack({ title: 'Livin’ Thing' }), targetTrack({ artists: ['The Orchestra Tribute'] })));
      expect(decision.outcome).toBe('not_found');
      expect(decision.chosen).toBeNull();
    });

    it('when the candidates are local files or unavailable, then they are never chosen', () => {
      const decision = decideMatch(sourceTrack(), bySearch(targetTrack({ isLocal: true }), targetTrack({ available: false })));
      expect(decision.outcome).toBe('not_found');
      expect(decision.reason).toBe('only tracks that cannot be played on the target service found');
    });
  });

  it('when two different songs fit equally well, then a person decides', () => {
    const decision = decideMatch(
      sourceTrack({ title: 'Sandstorm - Remix', artists: ['Darude'], album: null, durationMs: null }),
      bySearch(targetTrack({ title: 'Sandstorm (JS16 Remix)', artists: ['Darude'] }), targetTrack({ title: 'Sandstorm (Terace Remix)', artists: ['Darude'] })),
    );
    expect(decision.outcome).toBe('needs_review');
    expect(decision.alternatives).toHaveLength(2);
    expect(decision.reason).toBe('several different tracks fit equally well');
  });

  it('when confidence is in the middle band, then it needs review with the best first', () => {
    const decision = decideMatch(sourceTrack(), bySearch(targetTrack({ artists: ['Electric Light Orchestra Part II'] }), targetTrack({ durationMs: 325_000 })));
    expect(decision.outcome).toBe('needs_review');
    expect(decision.confidence).toBeGreaterThanOrEqual(MATCH_THRESHOLDS.review);
    expect(decision.confidence).toBeLessThan(MATCH_THRESHOLDS.accept);
    const confidences = decision.alternatives.map((a) => a.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
  });

  it('whatever the candidates, the decision keeps its promises', () => {
    const titles = ['Mr. Blue Sky', 'Mr. Blue Sky (Live)', 'Mr. Blue Sky - Remastered', 'Telephone Line', 'Mr Blue Sky', '紅蓮華'];
    const artists = ['Electric Light Orchestra', 'ELO', 'The Orchestra', 'LiSA'];
    const candidate = fc.record({
      title: fc.constantFrom(...titles),
      artist: fc.constantFrom(...artists),
      durationMs: fc.option(fc.integer({ min: 60_000, max: 600_000 })),
      explicit: fc.option(fc.boolean()),
      isrc: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 9 }), fc.boolean(), (cands, sourceIsrc) => {
        const tracks = cands.map((c) => ({
          track: targetTrack({ title: c.title, artists: [c.artist], durationMs: c.durationMs, explicit: c.explicit, isrc: c.isrc ? ISRC : null }),
          via: c.isrc && sourceIsrc ? ('isrc' as const) : ('search' as const),
        }));
        const d = decideMatch(sourceTrack({ isrc: sourceIsrc ? ISRC : null }), tracks);
        expect(d.alternatives.length).toBeLessThanOrEqual(MATCH_THRESHOLDS.maxAlternatives);
        expect(d.confidence).toBeGreaterThanOrEqual(0);
        expect(d.confidence).toBeLessThanOrEqual(1);
        if (d.outcome === 'matched') {
          expect(d.chosen).not.toBeNull();
          expect(d.confidence).toBeGreaterThanOrEqual(MATCH_THRESHOLDS.accept);
          expect(d.alternatives.some((a) => a.track.id === d.chosen!.track.id)).toBe(false);
          expect(d.chosen!.track.title).not.toMatch(/Live|Telephone/);
          // A title in another script is only ever taken on the same ISRC.
          if (d.chosen!.track.title === '紅蓮華') expect(d.chosen!.via).toBe('isrc');
        } else {
          expect(d.chosen).toBeNull();
          expect(d.reason).toBeTruthy();
        }
      }),
      { numRuns: 100 },
    );
  });
});
