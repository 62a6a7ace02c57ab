import fc from 'fast-check';
import type { EntrySnapshot } from '@muse/shared';
import type { PlaylistDocument, StoredEntry } from '../../docstore/playlist-store.port';
import { MUSE_JSPF_PLAYLIST, MUSE_JSPF_TRACK } from './jspf-extension';
import { parsePlaylistFile } from './parse-playlist-file';
import { toCsv, toJspf } from './playlist-file-writers';

const at = new Date('2024-05-01T12:00:00.000Z');

function makeDoc(entries: StoredEntry[], overrides: Partial<PlaylistDocument> = {}): PlaylistDocument {
  return {
    id: '01900000-0000-7000-8000-000000000001',
    ownerId: '7',
    kind: 'playlist',
    title: 'Sunday',
    description: '',
    ranked: false,
    visibility: 'public',
    sharedWith: [],
    linkToken: null,
    collaborators: [],
    clonedFrom: null,
    version: 3,
    entryCount: entries.length,
    createdAt: at,
    updatedAt: new Date('2024-05-02T08:30:00.000Z'),
    entries,
    ...overrides,
  };
}

const fullEntry: StoredEntry = {
  id: 'AbCdEfGhIjKl',
  trackId: '42',
  albumId: '9',
  snapshot: {
    title: 'Jóga',
    artists: ['Björk'],
    album: 'Homogenic',
    durationMs: 305000,
    isrc: 'GBAAA9700201',
    upc: '731453940621',
    explicit: false,
    releaseYear: 1997,
    coverUrl: 'https://img.example/homogenic.jpg',
  },
  serviceIds: { spotify: '5ezfiPy5pJ3ZxKsjWfbSyw', apple: '1440857781' },
  note: 'Strings!\nThe best bit',
  addedBy: '7',
  addedAt: at,
};

describe('toJspf', () => {
  it('when a playlist is written, then it has ListenBrainz’s shape with service links and Muse’s extension', () => {
    const bare: StoredEntry = {
      ...fullEntry,
      id: 'bare00000001',
      trackId: null,
      albumId: null,
      snapshot: { title: 'Untitled demo', artists: [] },
      serviceIds: {},
      note: null,
    };
    const jspf = toJspf(makeDoc([fullEntry, bare], { description: 'For rainy days' }), { handle: 'mia' }, { baseUrl: 'https://muse.test/' });
    expect(jspf).toEqual({
      playlist: {
        title: 'Sunday',
        creator: 'mia',
        annotation: 'For rainy days',
        date: '2024-05-01T12:00:00.000Z',
        identifier: 'https://muse.test/playlists/01900000-0000-7000-8000-000000000001',
        extension: {
          [MUSE_JSPF_PLAYLIST]: {
            id: '01900000-0000-7000-8000-000000000001',
            kind: 'playlist',
            ranked: false,
            createdAt: '2024-05-01T12:00:00.000Z',
            updatedAt: '2024-05-02T08:30:00.000Z',
          },
        },
        track: [
          {
            title: 'Jóga',
            creator: 'Björk',
            album: 'Homogenic',
            duration: 305000,
            image: 'https://img.example/homogenic.jpg',
            annotation: 'Strings!\nThe best bit',
            identifier: ['https://open.spotify.com/track/5ezfiPy5pJ3ZxKsjWfbSyw', 'https://music.apple.com/us/song/1440857781'],
            extension: {
              [MUSE_JSPF_TRACK]: {
                entryId: 'AbCdEfGhIjKl',
                trackId: '42',
                albumId: '9',
                artists: ['Björk'],
                isrc: 'GBAAA9700201',
                upc: '731453940621',
                spotify: '5ezfiPy5pJ3ZxKsjWfbSyw',
                apple: '1440857781',
                note: 'Strings!\nThe best bit',
                explicit: false,
                releaseYear: 1997,
                addedBy: '7',
                addedAt: '2024-05-01T12:00:00.000Z',
              },
            },
          },
          {
            title: 'Untitled demo',
            identifier: [],
            extension: { [MUSE_JSPF_TRACK]: { entryId: 'bare00000001', artists: [], addedBy: '7', addedAt: '2024-05-01T12:00:00.000Z' } },
          },
        ],
      },
    });
  });

  it('when Muse has no public address and the document is a list, then the identifier is the id as a URN and links name albums', () => {
    const jspf = toJspf(makeDoc([fullEntry], { kind: 'list', ranked: true }), { handle: 'mia' });
    expect(jspf.playlist.identifier).toBe('urn:uuid:01900000-0000-7000-8000-000000000001');
    expect(jspf.playlist.track[0]!.identifier).toEqual([
      'https://open.spotify.com/album/5ezfiPy5pJ3ZxKsjWfbSyw',
      'https://music.apple.com/us/album/1440857781',
    ]);
    expect(jspf.playlist.extension[MUSE_JSPF_PLAYLIST]).toMatchObject({ kind: 'list', ranked: true });
  });
});

describe('toCsv', () => {
  it('when a playlist is written, then the header names the columns the reader knows and a formula-like title opens as text', () => {
    const risky: StoredEntry = {
      ...fullEntry,
      id: 'risky0000001',
      trackId: null,
      albumId: null,
      snapshot: { title: '=HYPERLINK("x")', artists: ['A', 'B'] },
      serviceIds: {},
      note: null,
    };
    const csv = toCsv(makeDoc([fullEntry, risky]));
    const [header, first, second] = csv.split('\r\n');
    expect(header).toBe(
      'title,artist,album,duration_ms,isrc,upc,spotify,apple,explicit,release_year,cover_url,note,muse_track_id,muse_album_id,added_by,added_at',
    );
    expect(first).toBe(
      'Jóga,Björk,Homogenic,305000,GBAAA9700201,731453940621,5ezfiPy5pJ3ZxKsjWfbSyw,1440857781,false,1997,https://img.example/homogenic.jpg,"Strings!\nThe best bit",42,9,7,2024-05-01T12:00:00.000Z',
    );
    expect(second).toBe(`"'=HYPERLINK(""x"")",A; B,,,,,,,,,,,,,7,2024-05-01T12:00:00.000Z`);
    const back = parsePlaylistFile(Buffer.from(csv), { filename: 'x.csv' });
    expect(back.rows.map((r) => r.entry)).toEqual([
      { snapshot: fullEntry.snapshot, serviceIds: fullEntry.serviceIds, note: fullEntry.note, trackId: '42', albumId: '9' },
      { snapshot: { title: '=HYPERLINK("x")', artists: ['A', 'B'] }, serviceIds: {}, note: null, trackId: null, albumId: null },
    ]);
  });
});

// Text as the API stores it and a file can carry: no control characters (the reader drops them),
// no edge whitespace (the API trims it), at most `max` characters.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\ufeff\u2028\u2029]/;
const storedText = (max: number, extra: (s: string) => boolean = () => true) =>
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: max })
    .filter((s) => s.trim() === s && s.length > 0 && s.length <= max && !CONTROL.test(s) && extra(s));
// Notes keep their line breaks.
const noteText = fc
  .array(storedText(40), { minLength: 1, maxLength: 3 })
  .map((lines) => lines.join('\n'))
  .filter((s) => s.length <= 500);

const snapshotArb = (csvSafe: boolean): fc.Arbitrary<EntrySnapshot> => {
  // CSV joins artists with "; " and undoes a leading "'" before a formula character.
  const safe = csvSafe ? (s: string) => !s.includes(';') && !/^'[=+\-@]/.test(s) : undefined;
  return fc.record(
    {
      title: storedText(60, safe),
      artists: fc.array(storedText(30, safe), { maxLength: 4 }),
      album: fc.option(storedText(40, safe), { nil: null }),
      durationMs: fc.option(fc.integer({ min: 0, max: 24 * 3600 * 1000 }), { nil: null }),
      isrc: fc.option(fc.stringMatching(/^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$/), { nil: null }),
      upc: fc.option(fc.stringMatching(/^[0-9]{8,14}$/), { nil: null }),
      explicit: fc.option(fc.boolean(), { nil: null }),
      releaseYear: fc.option(fc.integer({ min: 1000, max: 9999 }), { nil: null }),
      coverUrl: fc.option(
        fc.webUrl({ validSchemes: ['https'] }).filter((u) => u.length <= 2000 && !u.includes(',')),
        { nil: null },
      ),
    },
    { requiredKeys: ['title', 'artists'] },
  );
};

const entryArb = (csvSafe: boolean): fc.Arbitrary<StoredEntry> =>
  fc.record({
    id: fc.stringMatching(/^[A-Za-z0-9_-]{12}$/),
    trackId: fc.option(fc.stringMatching(/^[1-9][0-9]{0,17}$/), { nil: null }),
    albumId: fc.option(fc.stringMatching(/^[1-9][0-9]{0,17}$/), { nil: null }),
    snapshot: snapshotArb(csvSafe),
    serviceIds: fc.record({ spotify: fc.stringMatching(/^[A-Za-z0-9]{22}$/), apple: fc.stringMatching(/^[0-9]{1,15}$/) }, { requiredKeys: [] }),
    note: fc.option(noteText, { nil: null }),
    addedBy: fc.stringMatching(/^[1-9][0-9]{0,5}$/),
    addedAt: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
  });

/** What a file can say about an entry: everything but its id and who added it when, with null read as "not known". */
function expected(entry: StoredEntry) {
  const snapshot = Object.fromEntries(Object.entries(entry.snapshot).filter(([, v]) => v !== null && v !== undefined));
  return { snapshot, serviceIds: entry.serviceIds, note: entry.note, trackId: entry.trackId, albumId: entry.albumId };
}

describe('round trip', () => {
  it('when any playlist is exported as JSPF and the file read back, then the same entries, title, description and kind come back', () => {
    fc.assert(
      fc.property(
        fc.array(entryArb(false), { maxLength: 12 }),
        storedText(200),
        fc.option(noteText, { nil: '' }),
        fc.constantFrom('playlist' as const, 'list' as const),
        fc.boolean(),
        (entries, title, description, kind, ranked) => {
          const doc = makeDoc(entries, { title, description, kind, ranked: kind === 'list' && ranked });
          const file = JSON.stringify(toJspf(doc, { handle: 'mia' }), null, 2);
          const back = parsePlaylistFile(Buffer.from(file), { filename: 'x.jspf' });
          expect(back.format).toBe('jspf');
          expect(back.rows.every((r) => r.entry)).toBe(true);
          expect(back.rows.map((r) => r.entry)).toEqual(entries.map(expected));
          expect(back).toMatchObject({ title, description: description || null, kind, ranked: doc.ranked });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('when any playlist is exported as CSV and read back, then the same entries come back', () => {
    fc.assert(
      fc.property(fc.array(entryArb(true), { minLength: 1, maxLength: 12 }), (entries) => {
        const back = parsePlaylistFile(Buffer.from(toCsv(makeDoc(entries))), { filename: 'x.csv' });
        expect(back.rows.map((r) => r.entry ?? r.error)).toEqual(entries.map(expected));
      }),
      { numRuns: 150 },
    );
  });
});
