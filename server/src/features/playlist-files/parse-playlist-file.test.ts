import fs from 'node:fs';
import path from 'node:path';
import { PLAYLIST_FILE_MAX_BYTES } from '@muse/shared';
import { AppError } from '../../lib/app-error';
import { detectFormat, parsePlaylistFile, type ParsedPlaylistFile } from './parse-playlist-file';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name));
const parse = (text: string | Buffer, filename?: string) => parsePlaylistFile(typeof text === 'string' ? Buffer.from(text) : text, { filename });
const entries = (file: ParsedPlaylistFile) => file.rows.filter((r) => r.entry).map((r) => r.entry!);
const errors = (file: ParsedPlaylistFile) => file.rows.filter((r) => r.error).map((r) => [r.line, r.error]);

/** The AppError a parse throws, for assertions on status, code and message. */
function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected the file to be refused');
}

describe('JSPF', () => {
  it('when ListenBrainz exports a playlist, then its title, plain-text annotation and every track are read', () => {
    const file = parse(fixture('listenbrainz.jspf'), 'rainy.jspf');
    expect(file).toMatchObject({ format: 'jspf', title: 'Rainy Sunday', description: 'Songs for a rainy Sunday morning.', kind: null });
    expect(file.rows.map((r) => r.line)).toEqual([1, 2, 3]);
    expect(entries(file)).toEqual([
      {
        snapshot: { title: 'Paranoid Android', artists: ['Radiohead'], album: 'OK Computer', durationMs: 383493 },
        serviceIds: {},
        note: null,
        trackId: null,
        albumId: null,
      },
      {
        snapshot: { title: 'Jóga', artists: ['Björk'], album: 'Homogenic', durationMs: 305000 },
        serviceIds: { spotify: '5ezfiPy5pJ3ZxKsjWfbSyw' },
        note: null,
        trackId: null,
        albumId: null,
      },
      { snapshot: { title: 'Svefn-g-englar', artists: ['Sigur Rós'] }, serviceIds: {}, note: null, trackId: null, albumId: null },
    ]);
  });

  it('when values have the wrong types, then each such track is an invalid row naming the field and the others are kept', () => {
    const file = parse(fixture('wrong-types.jspf'));
    expect(file.title).toBeNull();
    expect(file.description).toBeNull();
    expect(errors(file)).toEqual([
      [1, 'title must be text, not a number.'],
      [2, 'Track 2 is not an object.'],
      [3, 'duration must be a number of milliseconds, not "3:45".'],
      [4, 'creator must be text, not a list.'],
      [6, 'explicit must be true or false, not a string.'],
      [7, 'The row has no title.'],
      [8, 'Track 8 is not an object.'],
      [9, 'duration must be a number of milliseconds, not -5.'],
    ]);
    expect(entries(file)).toEqual([
      {
        snapshot: { title: 'Fractional', artists: ['X'], durationMs: 1001 },
        serviceIds: { spotify: '6rqhFgbbKwnb9MLmUQDhG6' },
        note: null,
        trackId: null,
        albumId: null,
      },
    ]);
  });

  it('when the JSON is malformed, then the file is refused with the line and column of the fault', () => {
    const err = refusal(() => parse(fixture('malformed.jspf')));
    expect(err).toMatchObject({ status: 400, code: 'malformed_playlist_file' });
    expect(err.message).toMatch(/^The file is not valid JSON at line 6, column \d+: /);
  });

  it.each([
    ['an array', '[1, 2]'],
    ['no playlist object', '{"title": "x"}'],
    ['a track that is not a list', '{"playlist": {"track": {"title": "x"}}}'],
  ])('when the JSON is %s, then it is refused as not a JSPF playlist', (_what, json) => {
    expect(refusal(() => parse(json))).toMatchObject({ status: 400, code: 'malformed_playlist_file' });
  });

  it('when strings hold escaped control characters or half a surrogate pair, then those are dropped and the rest kept', () => {
    const json = JSON.stringify({ playlist: { track: [{ title: '\u0007Bell\u0000 song\ud800', creator: 'Ünïcødé\u001b' }] } });
    expect(entries(parse(json))[0]!.snapshot).toEqual({ title: 'Bell song', artists: ['Ünïcødé'] });
  });

  it('when a field is longer than the snapshot allows, then the row is invalid and says so', () => {
    const file = parse(JSON.stringify({ playlist: { track: [{ title: 'x'.repeat(501) }, { title: 'ok', album: 'y'.repeat(600) }] } }));
    expect(errors(file)).toEqual([
      [1, 'Title must be at most 500 characters'],
      [2, 'Album must be at most 500 characters'],
    ]);
  });
});

describe('XSPF', () => {
  it('when VLC saves a playlist, then tracks are read, a title-less track is named after its file, and a bare stream is invalid', () => {
    const file = parse(fixture('vlc.xspf'));
    expect(file).toMatchObject({ format: 'xspf', title: 'Road trip' });
    expect(file.rows.map((r) => [r.line, r.entry?.snapshot ?? r.error])).toEqual([
      [5, { title: 'One More Time', artists: ['Daft Punk'], album: 'Discovery', durationMs: 320357 }],
      [16, { title: 'Roads', artists: ['Portishead'], durationMs: 305000 }],
      [23, { title: 'Mr. Brightside', artists: ['The Killers'] }],
      [32, 'The track has no title, and its file name does not say one.'],
    ]);
    expect(file.rows[2]!.entry).toMatchObject({ serviceIds: { spotify: '3n3Ppam7vgaVa1iaRUc9Lp' }, note: 'Sing-along & windows down' });
  });

  it('when the XML is malformed, then it is refused with the line and column', () => {
    const err = refusal(() => parse(fixture('malformed.xspf')));
    expect(err).toMatchObject({ status: 400, code: 'malformed_playlist_file' });
    expect(err.message).toMatch(/^The file is not valid XML at line 5, column \d+: /);
  });

  it('when the XML declares a DOCTYPE with entities, then it is refused before any entity is read', () => {
    const err = refusal(() => parse(fixture('doctype.xspf')));
    expect(err).toMatchObject({ status: 400, code: 'malformed_playlist_file' });
    expect(err.message).toMatch(/DOCTYPE/);
  });

  it('when the XML uses an entity nobody defined, then it is refused', () => {
    const xml = '<playlist><trackList><track><title>&xxe;</title></track></trackList></playlist>';
    expect(refusal(() => parse(xml))).toMatchObject({ status: 400, code: 'malformed_playlist_file' });
  });

  it('when the XML is not a playlist, then the root element is named in the refusal', () => {
    expect(refusal(() => parse('<rss version="2.0"><channel/></rss>')).message).toMatch(/<rss>/);
  });
});

describe('M3U', () => {
  it('when iTunes writes an extended M3U8 with CRLF, then #EXTINF names tracks and bare lines are named by their file or refused', () => {
    const file = parse(fixture('itunes.m3u8'), 'late.m3u8');
    expect(file).toMatchObject({ format: 'm3u', title: 'Late Night Drive', description: null });
    expect(file.rows.map((r) => [r.line, r.entry?.snapshot ?? r.error])).toEqual([
      [3, { title: 'Paranoid Android', artists: ['Radiohead'], durationMs: 383000 }],
      [5, { title: 'Jóga', artists: ['Björk'], album: 'Homogenic', durationMs: 305000 }],
      [8, { title: 'Teardrop', artists: ['Massive Attack'] }],
      [12, { title: 'A Day in the Life - Remastered 2009', artists: ['The Beatles'], durationMs: 431500 }],
      [14, { title: 'Roygbiv', artists: ['Boards of Canada'] }],
      [15, expect.stringMatching(/^“http:\/\/radio\.example\.net:8000\/live” is only a path or link/)],
      [16, 'The #EXTINF length "abc" is not a number of seconds.'],
    ]);
    expect(file.rows[2]!.entry!.serviceIds).toEqual({ spotify: '67Hna13dNDkZvBpTXRIaOJ' });
  });

  it('when an #EXTINF line has IPTV attributes with commas in quotes, then the display text after them is the track', () => {
    const file = parse('#EXTM3U\n#EXTINF:-1 tvg-name="a, b" group-title="x",Nina Simone - Feeling Good\nhttp://example.com/1.mp3\n');
    expect(entries(file)[0]!.snapshot).toEqual({ title: 'Feeling Good', artists: ['Nina Simone'] });
  });

  it('when two #EXTINF lines follow each other, then the first is a track without a location', () => {
    const file = parse('#EXTM3U\n#EXTINF:200,A - One\n#EXTINF:100,B - Two\n/two.mp3\n');
    expect(file.rows.map((r) => [r.line, r.entry!.snapshot.title])).toEqual([
      [2, 'One'],
      [3, 'Two'],
    ]);
  });

  it('when a plain M3U names files, then each is read from its file name and a folder is invalid', () => {
    const file = parse('C:\\Music\\Air - La Femme d’Argent.mp3\r\n/music/03 - Teardrop.flac\r\n/music/folder\r\n', 'mix.m3u');
    expect(file.rows.map((r) => r.entry?.snapshot ?? r.error)).toEqual([
      { title: 'La Femme d’Argent', artists: ['Air'] },
      { title: 'Teardrop', artists: [] },
      expect.stringMatching(/is only a path or link/),
    ]);
  });

  it('when an M3U is saved in Windows-1252, then its accented letters are read', () => {
    const bytes = Buffer.concat([
      Buffer.from('#EXTM3U\n#EXTINF:268,Bj'),
      Buffer.from([0xf6]),
      Buffer.from('rk - J'),
      Buffer.from([0xf3]),
      Buffer.from('ga\nx.mp3\n'),
    ]);
    expect(entries(parse(bytes))[0]!.snapshot).toMatchObject({ title: 'Jóga', artists: ['Björk'] });
  });

  it('when an M3U is saved in UTF-16 with a BOM, then it is read', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('#EXTM3U\r\n#EXTINF:120,Sade - Smooth Operator\r\nsmooth.mp3\r\n', 'utf16le')]);
    expect(entries(parse(bytes))[0]!.snapshot).toMatchObject({ title: 'Smooth Operator', artists: ['Sade'] });
  });
});

describe('CSV', () => {
  it('when Exportify exports a Spotify playlist, then its columns are found and each row is an entry or a reason', () => {
    const file = parse(fixture('exportify.csv'), 'liked.csv');
    expect(file).toMatchObject({ format: 'csv', title: null });
    expect(file.rows.map((r) => [r.line, r.entry?.snapshot.title ?? r.error])).toEqual([
      [2, 'Bohemian Rhapsody - Remastered 2011'],
      [3, 'HUMBLE.'],
      [4, 'Get Lucky (feat. Pharrell Williams and Nile Rodgers)'],
      [5, 'Duration "abc" is not a time: use m:ss, seconds or milliseconds.'],
      [6, 'Demo Take 3'],
      [7, 'The row has no title.'],
      [8, 'Speak to Me'],
    ]);
    expect(file.rows[0]!.entry).toEqual({
      snapshot: {
        title: 'Bohemian Rhapsody - Remastered 2011',
        artists: ['Queen'],
        album: 'A Night At The Opera (2011 Remaster)',
        durationMs: 354320,
        isrc: 'GBUM71029604',
        explicit: false,
        releaseYear: 1975,
        coverUrl: 'https://i.scdn.co/image/ab67616d0000b273e319baafd16e84f0408af2a0',
      },
      serviceIds: { spotify: '4u7EnebtmKWzUH433cf5Qv' },
      note: null,
      trackId: null,
      albumId: null,
    });
    // Three artist URIs, three comma-separated names: three artists.
    expect(file.rows[2]!.entry!.snapshot.artists).toEqual(['Daft Punk', 'Pharrell Williams', 'Nile Rodgers']);
    expect(file.rows[1]!.entry!.snapshot.explicit).toBe(true);
    // A local file has a spotify:local: URI and no id.
    expect(file.rows[4]!.entry!.serviceIds).toEqual({});
  });

  it('when the file has a BOM, CRLF, quoted line breaks and any script, then text is kept and control characters dropped', () => {
    const file = parse(fixture('unicode-bom-crlf.csv'));
    expect(file.rows.map((r) => [r.line, r.entry?.snapshot, r.entry?.note])).toEqual([
      [2, { title: 'Jóga', artists: ['Björk'], album: 'Homogenic', durationMs: 268000 }, 'first line\nsecond line'],
      [4, { title: 'אהבה', artists: ['עומר אדם'], durationMs: 190000 }, '\u200fהערה'],
      [5, { title: '夜に駆ける', artists: ['YOASOBI'], durationMs: 261000 }, '🌃🎹'],
      [6, { title: 'Bell in[31m title', artists: ['Noisy Artist'] }, null],
      // The decomposed é (e + U+0301) is kept as written.
      [7, { title: 'Family 👩‍👩‍👧', artists: ['Cafe\u0301 Tacvba'] }, null],
    ]);
  });

  it('when headers are typed by hand in any case, then aliases find the columns and cells are checked', () => {
    const csv = [
      'TRACK NAME,Artist_Name,album title,Length,isrc,UPC,Spotify URL,Apple Music URL,Notes,Explicit',
      'Hey Ya!,OutKast,Speakerboxxx/The Love Below,3:55,us-af1-03-00011,0828765592129,https://open.spotify.com/intl-de/track/2PpruBYCo4H7WOBJ7Q2EwM?si=x,https://music.apple.com/us/album/hey-ya/1440792000?i=1440792126,shake it,no',
      'Second,Someone,,245,,,spotify:track:2PpruBYCo4H7WOBJ7Q2EwM,1440792126,,',
      'Third,Someone,,1:02:03,,,,https://music.apple.com/us/song/hey-ya/1440792126,,maybe',
      'Fourth,Someone,,,NOT-AN-ISRC,,,,,',
      'Fifth,Someone,,,,,https://example.com/x,,,',
    ].join('\n');
    const file = parse(csv);
    expect(file.rows[0]!.entry).toEqual({
      snapshot: {
        title: 'Hey Ya!',
        artists: ['OutKast'],
        album: 'Speakerboxxx/The Love Below',
        durationMs: 235000,
        isrc: 'USAF10300011',
        upc: '0828765592129',
        explicit: false,
      },
      serviceIds: { spotify: '2PpruBYCo4H7WOBJ7Q2EwM', apple: '1440792126' },
      note: 'shake it',
      trackId: null,
      albumId: null,
    });
    expect(file.rows[1]!.entry).toMatchObject({ snapshot: { durationMs: 245000 }, serviceIds: { spotify: '2PpruBYCo4H7WOBJ7Q2EwM', apple: '1440792126' } });
    expect(errors(file)).toEqual([
      [4, 'Explicit "maybe" is not yes or no.'],
      [5, 'isrc must be 12 characters like USRC17607839'],
      [6, 'Spotify "https://example.com/x" is not a Spotify id, link or URI.'],
    ]);
  });

  it('when no column names a title, then the file is refused and its header quoted', () => {
    const err = refusal(() => parse('Artist,Album\nA,B\n', 'x.csv'));
    expect(err).toMatchObject({ status: 400, code: 'malformed_playlist_file' });
    expect(err.message).toMatch(/no title column.*Artist, Album/);
  });

  it('when a quote is never closed, then the rows before it are kept and the broken one is reported', () => {
    const file = parse('Title,Artist\nGood,A\n"Broken,B\nLost,C\n');
    expect(file.rows.map((r) => [r.line, r.entry?.snapshot.title ?? r.error])).toEqual([
      [2, 'Good'],
      [3, expect.stringMatching(/never closed/)],
    ]);
  });

  it('when a playlist has 10,001 rows, then 10,000 are kept and the last is invalid at the limit', () => {
    const csv = ['Title,Artist', ...Array.from({ length: 10_001 }, (_, i) => `Song ${i + 1},Band`)].join('\n');
    const file = parse(csv);
    expect(entries(file)).toHaveLength(10_000);
    expect(errors(file)).toEqual([[10_002, 'Playlist limit reached: a playlist holds at most 10,000 entries.']]);
  });
});

describe('whole files', () => {
  it('when the file is empty or only blank, then it is refused as empty', () => {
    expect(refusal(() => parse(fixture('empty.csv')))).toMatchObject({ status: 400, code: 'empty_file' });
    expect(refusal(() => parse('\uFEFF \r\n\t\n'))).toMatchObject({ status: 400, code: 'empty_file' });
  });

  it('when the file is larger than 2 MB, then it is refused with 413', () => {
    const big = Buffer.alloc(PLAYLIST_FILE_MAX_BYTES + 1, 'a');
    expect(refusal(() => parse(big))).toMatchObject({ status: 413, code: 'payload_too_large' });
  });

  it('when the file is binary, then it is refused as not text, with or without NUL bytes', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256;
    const garbage = Buffer.from(Array.from({ length: 4096 }, random));
    expect(refusal(() => parse(garbage, 'song.mp3'))).toMatchObject({ status: 400, code: 'not_text' });
    const noNul = Buffer.from(Array.from({ length: 4096 }, () => 1 + (random() % 31)));
    expect(refusal(() => parse(noNul))).toMatchObject({ status: 400, code: 'not_text' });
  });

  it('when the content says one format and the name another, then the content decides', () => {
    expect(detectFormat('#EXTM3U\n#EXTINF:1,a - b\nx.mp3', 'list.csv')).toBe('m3u');
    expect(detectFormat('{"playlist": {}}', 'list.m3u')).toBe('jspf');
    expect(detectFormat('Title,Artist\nx,y', 'list.m3u')).toBe('csv');
    expect(detectFormat('song one\nsong two', 'list.m3u8')).toBe('m3u');
    expect(detectFormat('/music/a.mp3\n/music/b.mp3')).toBe('m3u');
  });

  it('when nothing tells the format, then the file is refused naming the formats Muse reads', () => {
    const err = refusal(() => parse('hello there\nhow are you', 'notes.txt'));
    expect(err).toMatchObject({ status: 400, code: 'unsupported_playlist_file' });
    expect(err.message).toMatch(/JSPF, XSPF, M3U\/M3U8, and CSV/);
  });
});
