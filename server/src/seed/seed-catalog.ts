import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { CatalogSeedRepo } from './catalog-seed.repo';
import { parseYear } from './discogs-fields';
import { parseRelease, UNUSED_RELEASE_PARTS, type DiscogsRelease } from './discogs-release';
import { readXmlRecords, textOf } from './xml-records';

export const RELEASES_FILE = 'discogs_20200806_releases.xml.gz';
export const MASTERS_FILE = 'discogs_20200806_masters.xml.gz';

/** What one import wrote (distinct rows, whether new or updated). */
export interface SeedSummary {
  artists: number;
  albums: number;
  tracks: number;
}

export interface SeedOptions {
  /** Folder holding the Discogs files; defaults to the copy shipped with the server. */
  dataDir?: string;
  /** Releases per transaction. */
  batchSize?: number;
}

/**
 * The shipped Discogs sample: beside this file when running from source, or under
 * `seed-data/` beside the bundle (build.mjs copies it there).
 */
export function demoCatalogDir(): string {
  const candidates = [path.join(__dirname, 'data', 'discogs'), path.join(__dirname, 'seed-data', 'discogs')];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, RELEASES_FILE)));
  if (!found) throw new Error(`The demo catalog files are missing (looked in ${candidates.join(' and ')}).`);
  return found;
}

/** Master id → year, for releases that carry no date of their own. */
async function readMasterYears(file: string): Promise<Map<number, number>> {
  const years = new Map<number, number>();
  if (!fs.existsSync(file)) return years;
  for await (const master of readXmlRecords(file, 'master', { skip: new Set(['videos', 'images', 'artists', 'notes']) })) {
    const year = parseYear(textOf(master, 'year'));
    if (year !== null) years.set(Number(master.attrs.id), year);
  }
  return years;
}

/**
 * Streams the Discogs releases into the catalog in batches, one transaction each (savepoints
 * when `knex` is itself a transaction). Idempotent: a rerun updates rows in place, keeps their
 * ids and never removes a rated track.
 */
export async function seedDemoCatalog(knex: Knex, options: SeedOptions = {}): Promise<SeedSummary> {
  const dir = options.dataDir ?? demoCatalogDir();
  const batchSize = options.batchSize ?? 250;
  const repo = new CatalogSeedRepo(knex);
  const masterYears = await readMasterYears(path.join(dir, MASTERS_FILE));
  const artists = new Set<number>();
  const albums = new Set<number>();
  let tracks = 0;
  // Keyed by id: one INSERT … ON CONFLICT may not touch the same row twice.
  let batch = new Map<number, DiscogsRelease>();

  const flush = async () => {
    const releases = [...batch.values()];
    batch = new Map();
    await repo.upsertReleases(releases);
    for (const r of releases) {
      if (!albums.has(r.discogsId)) tracks += r.tracks.length;
      albums.add(r.discogsId);
      for (const c of [...r.credits, ...r.tracks.flatMap((t) => t.credits)]) artists.add(c.discogsId);
    }
  };

  for await (const element of readXmlRecords(path.join(dir, RELEASES_FILE), 'release', { skip: UNUSED_RELEASE_PARTS })) {
    const release = parseRelease(element);
    if (!release) continue;
    if (release.releaseYear === null && release.masterId !== null) release.releaseYear = masterYears.get(release.masterId) ?? null;
    batch.set(release.discogsId, release);
    if (batch.size >= batchSize) await flush();
  }
  if (batch.size) await flush();
  return { artists: artists.size, albums: albums.size, tracks };
}
