import path from 'node:path';
import { parseYear } from '../../seed/discogs-fields';
import { parseRelease, UNUSED_RELEASE_PARTS, type DiscogsRelease } from '../../seed/discogs-release';
import { demoCatalogDir, MASTERS_FILE, RELEASES_FILE } from '../../seed/seed-catalog';
import { readXmlRecords, textOf } from '../../seed/xml-records';

let cached: Promise<DiscogsRelease[]> | null = null;

async function readReleases(dir: string): Promise<DiscogsRelease[]> {
  const masterYears = new Map<number, number>();
  for await (const master of readXmlRecords(path.join(dir, MASTERS_FILE), 'master', { skip: new Set(['videos', 'images', 'artists', 'notes']) })) {
    const year = parseYear(textOf(master, 'year'));
    if (year !== null) masterYears.set(Number(master.attrs.id), year);
  }
  const releases: DiscogsRelease[] = [];
  for await (const element of readXmlRecords(path.join(dir, RELEASES_FILE), 'release', { skip: UNUSED_RELEASE_PARTS })) {
    const release = parseRelease(element);
    if (!release || !release.tracks.length) continue;
    if (release.releaseYear === null && release.masterId !== null) release.releaseYear = masterYears.get(release.masterId) ?? null;
    releases.push(release);
  }
  return releases;
}

/**
 * The same albums and tracks `npm run seed` loads into Muse's catalog, read from the shipped
 * Discogs sample without a database, so the sandbox's services carry what Muse can match.
 * Read once per process (about 0.3 s) and shared by every sandbox started in it.
 */
export function loadDemoReleases(dir?: string): Promise<DiscogsRelease[]> {
  if (dir) return readReleases(dir);
  cached ??= readReleases(demoCatalogDir()).catch((err: unknown) => {
    cached = null;
    throw err;
  });
  return cached;
}
