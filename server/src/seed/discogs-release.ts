import type { AlbumType, DatePrecision } from '@muse/shared';
import { albumTypeOf, catalogNumberOf, clip, displayName, parseDuration, parseReleased, printJoinPhrase, upcOf } from './discogs-fields';
import { placeTracks } from './discogs-positions';
import { all, child, textOf, type XmlElement } from './xml-records';

/** One artist in a credit: who (by Discogs id), the name printed on the release, and what follows it. */
export interface DiscogsCredit {
  discogsId: number;
  /** The artist's own name, without Discogs' "(2)" disambiguation. */
  name: string;
  /** The name as credited here (Discogs' name variation when there is one). */
  creditedName: string;
  joinPhrase: string;
}

export interface DiscogsTrack {
  disc: number;
  position: number;
  positionLabel: string;
  title: string;
  durationMs: number | null;
  credits: DiscogsCredit[];
  artistCredit: string;
}

/** A release reduced to what the catalog stores. */
export interface DiscogsRelease {
  discogsId: number;
  masterId: number | null;
  title: string;
  credits: DiscogsCredit[];
  artistCredit: string;
  releaseDate: string | null;
  releaseDatePrecision: DatePrecision | null;
  /** From the release date; the importer falls back to the master's year. */
  releaseYear: number | null;
  type: AlbumType;
  genres: string[];
  styles: string[];
  label: string | null;
  catalogNumber: string | null;
  country: string | null;
  upc: string | null;
  tracks: DiscogsTrack[];
}

/** Parts of a release the catalog never reads; dropping them keeps each parsed record small. */
export const UNUSED_RELEASE_PARTS: ReadonlySet<string> = new Set(['images', 'videos', 'notes', 'extraartists', 'companies', 'data_quality']);

const TITLE_MAX = 1000;
const NAME_MAX = 500;
const UNTITLED = 'Untitled';
const UNKNOWN_ARTIST = 'Unknown Artist';

function positiveId(raw: string): number | null {
  return /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : null;
}

/** Credits of an `<artists>` element; artists without a usable id or name are left out. */
function creditsOf(artists: XmlElement | undefined): DiscogsCredit[] {
  const rows = artists ? all(artists, 'artist') : [];
  const usable = rows.flatMap((a) => {
    const discogsId = positiveId(textOf(a, 'id'));
    const name = clip(displayName(textOf(a, 'name')), NAME_MAX);
    if (discogsId === null || !name) return [];
    const anv = clip(textOf(a, 'anv'), NAME_MAX);
    return [{ discogsId, name, creditedName: anv || name, rawJoin: textOf(a, 'join') }];
  });
  return usable.map(({ rawJoin, ...credit }, i) => ({ ...credit, joinPhrase: printJoinPhrase(rawJoin, i === usable.length - 1) }));
}

/** "A feat. B & C" from credits; a release without any credits reads "Unknown Artist". */
export function creditString(credits: DiscogsCredit[]): string {
  const text = credits
    .map((c) => c.creditedName + c.joinPhrase)
    .join('')
    .trim();
  return clip(text || UNKNOWN_ARTIST, TITLE_MAX);
}

interface RawTrack {
  label: string;
  title: string;
  duration: string;
  artists: XmlElement | undefined;
}

/**
 * Playable tracks in order. Headings and index tracks (a `type_` of heading/index, or no
 * position) are dropped; an index track's sub-tracks take its place, titled "Work: Movement".
 */
function playableTracks(tracklist: XmlElement[]): RawTrack[] {
  return tracklist.flatMap((t): RawTrack[] => {
    const kind = textOf(t, 'type_').toLowerCase();
    const subTracks = all(t, 'sub_tracks', 'track');
    if (subTracks.length) {
      const work = textOf(t, 'title');
      return playableTracks(subTracks).map((s) => ({ ...s, title: [work, s.title].filter(Boolean).join(': '), artists: s.artists ?? child(t, 'artists') }));
    }
    const label = textOf(t, 'position');
    if (kind === 'heading' || kind === 'index' || !label) return [];
    return [{ label, title: textOf(t, 'title'), duration: textOf(t, 'duration'), artists: child(t, 'artists') }];
  });
}

/** Maps one `<release>` element to the catalog's shape; null when it has no usable id. */
export function parseRelease(release: XmlElement): DiscogsRelease | null {
  const discogsId = positiveId(release.attrs.id ?? '');
  if (discogsId === null) return null;
  const title = clip(textOf(release, 'title'), TITLE_MAX) || UNTITLED;
  const credits = creditsOf(child(release, 'artists'));
  const artistCredit = creditString(credits);
  const released = parseReleased(textOf(release, 'released'));
  const styles = all(release, 'styles', 'style')
    .map((s) => s.text.trim())
    .filter(Boolean);
  const descriptions = all(release, 'formats', 'format').flatMap((f) => [f.attrs.name ?? '', ...all(f, 'descriptions', 'description').map((d) => d.text)]);
  const firstLabel = all(release, 'labels', 'label')[0];
  const barcodes = all(release, 'identifiers', 'identifier')
    .filter((i) => i.attrs.type === 'Barcode')
    .map((i) => i.attrs.value ?? '');
  const raw = playableTracks(all(release, 'tracklist', 'track'));
  const places = placeTracks(raw.map((t) => t.label));

  return {
    discogsId,
    masterId: positiveId(textOf(release, 'master_id')),
    title,
    credits,
    artistCredit,
    releaseDate: released?.date ?? null,
    releaseDatePrecision: released?.precision ?? null,
    releaseYear: released?.year ?? null,
    type: albumTypeOf(descriptions, styles, title),
    genres: all(release, 'genres', 'genre')
      .map((g) => g.text.trim())
      .filter(Boolean),
    styles,
    label: firstLabel ? clip(displayName(firstLabel.attrs.name ?? ''), NAME_MAX) || null : null,
    catalogNumber: catalogNumberOf(firstLabel?.attrs.catno),
    country: textOf(release, 'country') || null,
    upc: upcOf(barcodes),
    tracks: raw.map((t, i) => {
      const own = creditsOf(t.artists);
      const trackCredits = own.length ? own : credits;
      return {
        ...places[i]!,
        title: clip(t.title, TITLE_MAX) || UNTITLED,
        durationMs: parseDuration(t.duration),
        credits: trackCredits,
        artistCredit: creditString(trackCredits),
      };
    }),
  };
}
