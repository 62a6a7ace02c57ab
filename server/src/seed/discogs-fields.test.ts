import fc from 'fast-check';
import { albumTypeOf, catalogNumberOf, clip, displayName, parseDuration, parseReleased, parseYear, printJoinPhrase, upcOf } from './discogs-fields';
import { discOf, placeTracks } from './discogs-positions';

describe('parseReleased', () => {
  it.each([
    ['1999-03-00', { date: '1999-03-01', precision: 'month', year: 1999 }],
    ['1999-03', { date: '1999-03-01', precision: 'month', year: 1999 }],
    ['1999', { date: '1999-01-01', precision: 'year', year: 1999 }],
    ['1999-00-00', { date: '1999-01-01', precision: 'year', year: 1999 }],
    ['1999-11-02', { date: '1999-11-02', precision: 'day', year: 1999 }],
    ['2000-02-29', { date: '2000-02-29', precision: 'day', year: 2000 }],
  ])('when released is "%s", then it is stored as %j', (raw, expected) => {
    expect(parseReleased(raw)).toEqual(expected);
  });

  it.each(['', '  ', '1999-02-30', '1999-13-01', '1999-00-05', '0000', '99', 'unknown', '1999/03/01', '3000-01-01'])(
    'when released is "%s", then there is no date',
    (raw) => {
      expect(parseReleased(raw)).toBeNull();
    },
  );
});

describe('parseYear', () => {
  it('when a master year is real, then it is kept; when it is 0 or blank, then null', () => {
    expect(parseYear('1987')).toBe(1987);
    expect(parseYear('0')).toBeNull();
    expect(parseYear('')).toBeNull();
  });
});

describe('parseDuration', () => {
  it.each([
    ['4:45', 285_000],
    ['0:07', 7_000],
    ['148:00', 8_880_000],
    ['1:02:03', 3_723_000],
  ])('when the duration is "%s", then it is %d ms', (raw, ms) => {
    expect(parseDuration(raw)).toBe(ms);
  });

  it.each(['', '0:00', '4:75', '4', '1:60:00', 'a:bc', '4:45:', '-1:00', '4.45'])('when the duration is "%s", then it is null', (raw) => {
    expect(parseDuration(raw)).toBeNull();
  });
});

describe('printJoinPhrase', () => {
  it.each([
    [',', false, ', '],
    ['&', false, ' & '],
    ['Feat.', false, ' feat. '],
    ['Featuring', false, ' feat. '],
    ['ft.', false, ' feat. '],
    ['vs', false, ' vs. '],
    ['And', false, ' And '],
    ['/', false, ' / '],
    [',Canta:', false, ', Canta: '],
    ['', true, ''],
    ['', false, ', '],
  ])('when the join is "%s" (last: %s), then it prints as "%s"', (raw, isLast, printed) => {
    expect(printJoinPhrase(raw, isLast)).toBe(printed);
  });
});

describe('names and labels', () => {
  it('when a Discogs name carries a disambiguation number, then it is dropped', () => {
    expect(displayName('Josh Wink (2)')).toBe('Josh Wink');
    expect(displayName('Sunn O)))')).toBe('Sunn O)))');
  });

  it('when a catalogue number is "none", then there is none', () => {
    expect(catalogNumberOf('none')).toBeNull();
    expect(catalogNumberOf(' SK032 ')).toBe('SK032');
    expect(catalogNumberOf(undefined)).toBeNull();
  });

  it('when a title is clipped, then no surrogate pair is split', () => {
    expect(clip('ab🎵cd', 3)).toBe('ab🎵');
  });
});

describe('albumTypeOf', () => {
  it.each([
    [['Vinyl', 'LP', 'Album'], [], 'Stockholm', 'album'],
    [['CD', 'Album', 'Compilation'], [], 'Hits', 'compilation'],
    [['Vinyl', '12"', 'EP'], [], 'Philly Groove EP', 'ep'],
    [['Vinyl', '7"', '45 RPM'], [], 'A Side', 'single'],
    [['CD', 'Maxi-Single'], [], 'Remixes', 'single'],
    [['Vinyl', 'LP'], [], 'Live At Montreux 1984', 'live'],
    [['CD', 'Album'], [], 'Songs (Live)', 'live'],
    [['Vinyl', 'LP', 'Compilation'], ['Live'], 'Anything', 'live'],
    [['Vinyl', 'LP'], [], 'Live Through This', 'album'],
    [['Vinyl', '12"', '33 ⅓ RPM'], [], 'Untyped', 'album'],
  ])('when formats are %j and styles %j with title "%s", then the type is %s', (descriptions, styles, title, type) => {
    expect(albumTypeOf(descriptions, styles, title)).toBe(type);
  });
});

describe('upcOf', () => {
  it('when a barcode is printed with spaces and dashes, then its digits are the UPC', () => {
    expect(upcOf(['0 9362-47555-2 4'])).toBe('093624755524');
  });

  it('when a barcode has too few or too many digits, then the next one is tried', () => {
    expect(upcOf(['12345', '7 961220 922684 >'])).toBe('7961220922684');
    expect(upcOf(['123456789012345'])).toBeNull();
    expect(upcOf([])).toBeNull();
  });
});

describe('discOf and placeTracks', () => {
  it.each([
    ['A', 1],
    ['B2', 1],
    ['C1', 2],
    ['D', 2],
    ['AA1', 1],
    ['b. 1', 1],
    ['1-3', 1],
    ['2-5', 2],
    ['CD2-4', 2],
    ['2.5', 2],
    ['1-1.1', 1],
    ['7', 1],
    ['CD7', 1],
    ['LP-C1', 2],
    ['MP3-1', 1],
    ['DVD-2', 1],
  ])('when the position is "%s", then the disc is %d', (label, disc) => {
    expect(discOf(label)).toBe(disc);
  });

  it('when a label names no disc, then the track stays on the previous one', () => {
    expect(placeTracks(['2-1', 'Video']).map((p) => p.disc)).toEqual([2, 2]);
  });

  it('when a double vinyl is placed, then each disc numbers its tracks from 1 and keeps the printed labels', () => {
    expect(placeTracks(['A', 'B1', 'B2', 'C1', 'C2', 'D'])).toEqual([
      { disc: 1, position: 1, positionLabel: 'A' },
      { disc: 1, position: 2, positionLabel: 'B1' },
      { disc: 1, position: 3, positionLabel: 'B2' },
      { disc: 2, position: 1, positionLabel: 'C1' },
      { disc: 2, position: 2, positionLabel: 'C2' },
      { disc: 2, position: 3, positionLabel: 'D' },
    ]);
  });

  it('when any labels are placed, then (disc, position) is unique and each disc counts 1, 2, 3… in order', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 8 }), { maxLength: 60 }), (labels) => {
        const places = placeTracks(labels);
        const seen = new Map<number, number>();
        for (const p of places) {
          expect(p.disc).toBeGreaterThanOrEqual(1);
          expect(p.disc).toBeLessThanOrEqual(99);
          expect(p.position).toBe((seen.get(p.disc) ?? 0) + 1);
          seen.set(p.disc, p.position);
        }
      }),
    );
  });
});
