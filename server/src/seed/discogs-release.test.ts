import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseRelease, UNUSED_RELEASE_PARTS } from './discogs-release';
import { readXmlRecords, type XmlElement } from './xml-records';

let dir: string;

function writeGz(name: string, xml: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, zlib.gzipSync(Buffer.from(xml, 'utf8')));
  return file;
}

async function collect(file: string, record: string): Promise<XmlElement[]> {
  const out: XmlElement[] = [];
  for await (const r of readXmlRecords(file, record, { skip: UNUSED_RELEASE_PARTS })) out.push(r);
  return out;
}

const artist = (id: number, name: string, join = '', anv = '') =>
  `<artist><id>${id}</id><name>${name}</name><anv>${anv}</anv><join>${join}</join><role/><tracks/></artist>`;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'muse-discogs-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('readXmlRecords', () => {
  it('when records carry entities, unicode and skipped parts, then each comes back whole with decoded text and without the skipped parts', async () => {
    const file = writeGz(
      'a.xml.gz',
      `<releases><release id="7"><title>&#214;stermalm &amp; S&#246;der — 東京</title><notes>long notes</notes><videos><video><title>x</title></video></videos></release>\n<release id="8"><title>Two</title></release></releases>`,
    );
    const records = await collect(file, 'release');
    expect(records.map((r) => r.attrs.id)).toEqual(['7', '8']);
    expect(records[0]!.children.map((c) => c.name)).toEqual(['title']);
    expect(records[0]!.children[0]!.text).toBe('Östermalm & Söder — 東京');
  });

  it('when the file is not gzip, then reading fails rather than yielding nothing', async () => {
    const file = path.join(dir, 'plain.xml.gz');
    fs.writeFileSync(file, '<releases></releases>');
    await expect(collect(file, 'release')).rejects.toThrow();
  });

  it('when the XML is cut off mid-record, then reading fails', async () => {
    const file = writeGz('cut.xml.gz', '<releases><release id="1"><title>Half');
    await expect(collect(file, 'release')).rejects.toThrow();
  });
});

describe('parseRelease', () => {
  it('when a tracklist has headings, index tracks with sub-tracks and track artists, then only playable tracks remain with their own credits', async () => {
    const file = writeGz(
      'r.xml.gz',
      `<releases><release id="42"><artists>${artist(1, 'Main Act (2)', 'Feat.')}${artist(2, 'Guest', '', 'G.')}</artists>
        <title>  </title><labels><label name="Label (3)" catno="none"/></labels>
        <formats><format name="CD" qty="1"><descriptions><description>Album</description></descriptions></format></formats>
        <released>2001-02-30</released>
        <tracklist>
          <track><position/><title>Side One</title><duration/></track>
          <track><position>1</position><title>Opener</title><duration>3:05</duration></track>
          <track><type_>heading</type_><position>x</position><title>Heading</title><duration/></track>
          <track><position/><title>Suite</title><duration/><sub_tracks>
            <track><position>2a</position><title>Part I</title><duration>1:00</duration></track>
            <track><position>2b</position><title></title><duration>0:00</duration></track>
          </sub_tracks></track>
          <track><position>3</position><title>Duet</title><duration/><artists>${artist(3, 'Other', '&amp;')}${artist(1, 'Main Act (2)')}</artists></track>
        </tracklist></release></releases>`,
    );
    const [element] = await collect(file, 'release');
    const release = parseRelease(element!)!;
    expect(release).toMatchObject({
      discogsId: 42,
      title: 'Untitled',
      artistCredit: 'Main Act feat. G.',
      label: 'Label',
      catalogNumber: null,
      releaseDate: null,
      releaseYear: null,
      type: 'album',
    });
    expect(release.tracks.map((t) => [t.position, t.positionLabel, t.title, t.durationMs, t.artistCredit])).toEqual([
      [1, '1', 'Opener', 185_000, 'Main Act feat. G.'],
      [2, '2a', 'Suite: Part I', 60_000, 'Main Act feat. G.'],
      [3, '2b', 'Suite', null, 'Main Act feat. G.'],
      [4, '3', 'Duet', null, 'Other & Main Act'],
    ]);
    expect(release.tracks[3]!.credits.map((c) => c.discogsId)).toEqual([3, 1]);
  });

  it('when a release has no usable id or no artists, then it is skipped or credited to "Unknown Artist"', async () => {
    const file = writeGz('n.xml.gz', `<releases><release id="abc"><title>X</title></release><release id="5"><title>Y</title></release></releases>`);
    const [bad, good] = await collect(file, 'release');
    expect(parseRelease(bad!)).toBeNull();
    expect(parseRelease(good!)).toMatchObject({ discogsId: 5, title: 'Y', artistCredit: 'Unknown Artist', credits: [], tracks: [] });
  });
});
