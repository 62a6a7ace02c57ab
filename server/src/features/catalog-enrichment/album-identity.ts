import type { AlbumType, DatePrecision } from '@muse/shared';
import { normaliseArtist, normaliseTitle } from '../../lib/music-text';

/** What identifies a release by text: its title and who made it. */
export interface ReleaseText {
  title: string;
  artists: string[];
}

/** A catalog album as the text match reads it: its printed credit and its credited artists' names. */
export interface CatalogReleaseText {
  title: string;
  artistCredit: string;
  names: string[];
}

const EDITION_SUFFIX = /\s+-\s+(Single|EP)$/i;

/** Apple's " - Single" / " - EP" title suffix read as the album type, and the title without it. */
export function editionOf(title: string): { title: string; type: AlbumType } {
  const m = EDITION_SUFFIX.exec(title);
  if (!m) return { title, type: 'album' };
  return { title: title.slice(0, m.index), type: m[1]!.toLowerCase() === 'ep' ? 'ep' : 'single' };
}

/** The credit printed for a list of artists: "A", "A & B", "A, B & C". */
export function creditOf(artists: string[]): string {
  const names = artists.filter((a) => a.trim());
  if (!names.length) return 'Unknown Artist';
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')} & ${names.at(-1)!}`;
}

/** A service's release date (`2024`, `2024-03`, `2024-03-15`) as the catalog stores it. */
export function releaseDateOf(raw: string | null): { date: string | null; precision: DatePrecision | null; year: number | null } {
  const m = raw ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(raw) : null;
  if (!m) return { date: null, precision: null, year: null };
  const year = Number(m[1]);
  if (year < 1000 || year > 2100) return { date: null, precision: null, year: null };
  if (m[3]) return { date: `${m[1]}-${m[2]}-${m[3]}`, precision: 'day', year };
  if (m[2]) return { date: `${m[1]}-${m[2]}-01`, precision: 'month', year };
  return { date: `${m[1]}-01-01`, precision: 'year', year };
}

function artistForms(names: string[]): Set<string> {
  const forms = new Set(names.map(normaliseArtist).filter(Boolean));
  if (names.length > 1) forms.add(normaliseArtist(names.join(' & ')));
  return forms;
}

/**
 * Whether a service's album and a catalog album are the same release by text: the same
 * normalised title with the same version markers (a deluxe or live edition is another release),
 * and an artist in common (by credit or by a credited name). Strict on purpose: a wrong merge
 * puts one album's ratings on another, a missed one only leaves a duplicate to merge later.
 */
export function sameRelease(service: ReleaseText, catalog: CatalogReleaseText): boolean {
  const a = normaliseTitle(editionOf(service.title).title);
  const b = normaliseTitle(editionOf(catalog.title).title);
  if (!a.text || a.text !== b.text || a.tags.join() !== b.tags.join()) return false;
  const theirs = artistForms(service.artists);
  const ours = artistForms([catalog.artistCredit, ...catalog.names]);
  for (const name of theirs) if (ours.has(name)) return true;
  return false;
}

/**
 * Whether two sets of ISRCs are one release's tracks: at least two recordings, and nearly all of
 * each side on the other (four in five by Jaccard), so a single or a compilation sharing a few
 * recordings with an album is not taken for it.
 */
export function isrcSetsAgree(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size < 2 || b.size < 2) return false;
  let shared = 0;
  for (const isrc of a) if (b.has(isrc)) shared += 1;
  return shared / (a.size + b.size - shared) >= 0.8;
}

const UPC = /^\d{12,14}$/;

/** A UPC/EAN of 12 to 14 digits, or null. */
export function cleanUpc(upc: string | null | undefined): string | null {
  const v = upc?.trim() ?? '';
  return UPC.test(v) ? v : null;
}

/** Whether two codes name one product: a UPC-A and the EAN-13 or GTIN-14 it becomes with leading zeros are the same code. */
export function sameUpc(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = cleanUpc(a);
  const y = cleanUpc(b);
  return x !== null && y !== null && x.replace(/^0+/, '') === y.replace(/^0+/, '');
}

/** A service's album read in full, as it is compared with the other service's. */
export interface ServiceRelease extends ReleaseText {
  upc: string | null;
  isrcs: ReadonlySet<string>;
  trackCount: number;
}

/**
 * Whether two services' albums, each read in full, are one release, so one catalog album may
 * carry both services' ids: the same UPC; else the same recordings (ISRC sets agree); else, only
 * when a side has no UPC, the same artist and title (`sameRelease`) with as many tracks. Stricter
 * than finding the catalog album an added album merges into: two UPCs that differ are two
 * releases unless the recordings say otherwise, so a single named after the album, or another
 * edition, is never linked by its title alone.
 */
export function sameReleaseOnBothServices(a: ServiceRelease, b: ServiceRelease): boolean {
  if (sameUpc(a.upc, b.upc)) return true;
  if (isrcSetsAgree(a.isrcs, b.isrcs)) return true;
  if (cleanUpc(a.upc) && cleanUpc(b.upc)) return false;
  return a.trackCount === b.trackCount && sameRelease(a, { title: b.title, artistCredit: creditOf(b.artists), names: b.artists });
}
