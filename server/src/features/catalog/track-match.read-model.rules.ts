import type { EntrySnapshot, ServiceIds } from '@muse/shared';
import { foldText, gateTagsAgree, normaliseArtist, normaliseForMatch, normaliseTitle, type NormalisedTitle } from '../../lib/music-text';

/**
 * The rules the track-match read model decides by, apart from its queries: what an entry says
 * in comparable form, what the full-text index is asked, and when a candidate is the entry.
 */

/** An entry to find in the catalog: what a file or a service says about it. */
export interface CatalogMatchQuery {
  snapshot: EntrySnapshot;
  serviceIds: ServiceIds;
  /** A catalog id the source names (a Muse export): checked against the snapshot, never taken on trust. */
  trackId?: string | null;
  albumId?: string | null;
}

/** How a match was made, strongest first. */
export type MatchMethod = 'catalog-id' | 'service-id' | 'isrc' | 'upc' | 'text';

/** What the catalog knows about a matched item, to fill what the entry leaves out. */
export interface CatalogFacts {
  snapshot: Pick<EntrySnapshot, 'album' | 'durationMs' | 'isrc' | 'upc' | 'releaseYear' | 'coverUrl'>;
  serviceIds: ServiceIds;
}

/** A track the entry is, with how it was found, or why there is none. */
export type TrackMatch =
  ({ trackId: string; albumId: string; title: string; artistCredit: string; method: MatchMethod } & CatalogFacts) | { trackId: null; reason: string };
/** An album the entry is, with how it was found, or why there is none. */
export type AlbumMatch = ({ albumId: string; title: string; artistCredit: string; method: MatchMethod } & CatalogFacts) | { albumId: null; reason: string };

/** A catalog track as the matcher reads it, with every name credited on it or its album. */
export interface TrackRow {
  id: string;
  album_id: string;
  title: string;
  artist_credit: string;
  duration_ms: number | null;
  isrc: string | null;
  spotify_id: string | null;
  apple_id: string | null;
  album_title: string;
  cover_url: string | null;
  release_year: number | null;
  names: string[];
}

/** A catalog album as the matcher reads it. */
export interface AlbumRow {
  id: string;
  title: string;
  artist_credit: string;
  upc: string | null;
  spotify_id: string | null;
  apple_id: string | null;
  cover_url: string | null;
  release_year: number | null;
  names: string[];
}

/** Durations within this are the same recording (services round and trim differently). */
const DURATION_TOLERANCE_MS = 5_000;

/** What an entry says, in comparable form. */
export interface Wanted {
  title: NormalisedTitle;
  artists: string[];
  album: string | null;
  quoted: string;
}

/** The entry's title, artists (each, and all together) and album, normalised once for every comparison. */
export function wantedOf(snapshot: EntrySnapshot): Wanted {
  const artists = snapshot.artists.map(normaliseArtist);
  if (snapshot.artists.length > 1) artists.push(normaliseArtist(snapshot.artists.join(' & ')));
  const by = snapshot.artists.length ? ` by ${snapshot.artists.join(', ')}` : '';
  return {
    title: normaliseTitle(snapshot.title),
    artists: artists.filter(Boolean),
    album: snapshot.album ? normaliseTitle(snapshot.album).text : null,
    quoted: `“${snapshot.title}”${by}`,
  };
}

const sameTitle = (w: Wanted, title: string) => normaliseTitle(title).text === w.title.text;
/** The whole credit or any credited name equals any artist the entry names ("Jay-Z" finds "Jay-Z & Kanye West"). */
const sameArtist = (w: Wanted, credit: string, names: string[]) => [credit, ...names].some((n) => w.artists.includes(normaliseArtist(n)));
const sameVersion = (w: Wanted, title: string) => gateTagsAgree(w.title.tags, normaliseTitle(title).tags);
const sameTags = (w: Wanted, title: string) => {
  const tags = normaliseTitle(title).tags;
  return tags.length === w.title.tags.length && tags.every((t) => w.title.tags.includes(t));
};

/** Keeps the candidates that pass `test`, unless none does: a preference, not a requirement. */
const prefer = <T>(rows: T[], test: (row: T) => boolean): T[] => {
  const kept = rows.filter(test);
  return kept.length ? kept : rows;
};

/** An identifier (catalog id, service id, ISRC, UPC) still has to name the same thing the entry does. */
const confirms = (w: Wanted, title: string, credit: string, names: string[]) =>
  sameVersion(w, title) && (sameTitle(w, title) || (w.artists.length > 0 && sameArtist(w, credit, names)));

const minutes = (ms: number) => `${Math.floor(ms / 60_000)}:${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}`;

/** Words too common in credits to say which artist is meant. */
const CREDIT_WORDS = new Set(['the', 'and', 'feat', 'ft', 'featuring', 'with', 'vs']);

/** Words as the catalog's full-text vector splits them: folded like `muse_norm`, apostrophes and dots splitting words. */
const wordsOf = (text: string) =>
  foldText(text.replace(/[.'’‘ʼ`´&+]/g, ' '))
    .split(' ')
    .filter(Boolean);
const quoted = (word: string) => `'${word}'`;
const anyOf = (words: string[]) => `(${words.map(quoted).join(' | ')})`;

/**
 * What the full-text index is asked for a track. Strictly: every word of its title (without
 * bracketed or dashed additions and feat. clauses, "Get Lucky (feat. Pharrell) - Radio Edit" →
 * "Get Lucky") and any telling word of its artists. Loosely, when nothing has every word: any
 * word of the title, so spelling differences ("Dont"/"Don’t", "Fair / Canticle"/"Fair/Canticle")
 * still find candidates. Words hold only letters and digits, so the tsquery texts are safe.
 * `text` is the normalised "title artist" that orders candidates. Null when there is nothing to
 * match on.
 */
export function trackSearch(snapshot: EntrySnapshot): { strict: string; loose: string; text: string } | null {
  const artist = snapshot.artists[0];
  if (!artist) return null;
  const key = normaliseForMatch(artist, snapshot.title);
  const core = wordsOf(
    snapshot.title
      .replace(/[([{][^)\]}]*[)\]}]/g, ' ')
      .replace(/\s[-–—]\s.*$/, '')
      .replace(/\s(?:feat\.?|ft\.?|featuring)\s.*$/i, ''),
  );
  const title = [...new Set(core.length ? core : wordsOf(snapshot.title))];
  const artists = [...new Set(snapshot.artists.flatMap(wordsOf).filter((w) => w.length > 1 && !CREDIT_WORDS.has(w)))];
  if (!key.title || !key.artist || !title.length) return null;
  const by = artists.length ? ` & ${anyOf(artists)}` : '';
  const all = `(${title.map(quoted).join(' & ')})${by}`;
  // Without a telling artist word, any title word alone would ask for half the catalog.
  return { strict: all, loose: artists.length ? `${anyOf(title)}${by}` : all, text: `${key.title} ${key.artist}` };
}

/**
 * The texts `AlbumMatcher` will ask candidates for (one for the first artist, one for the whole
 * credit), each with the album title and artist as the entry writes them (`prefix`), which the
 * title-prefix read looks albums up by.
 */
export function albumQueries(snapshot: EntrySnapshot): { text: string; prefix: string }[] {
  const [artist, ...others] = snapshot.artists;
  if (!artist) return [];
  return [artist, ...(others.length ? [snapshot.artists.join(' & ')] : [])].flatMap((a) => {
    const k = normaliseForMatch(a, snapshot.title);
    return k.title && k.artist ? [{ text: `${k.title} ${k.artist}`, prefix: `${snapshot.title} ${a}` }] : [];
  });
}

/** The texts `AlbumMatcher` will ask candidates for: one for the first artist, one for the whole credit. */
export function albumQueryTexts(snapshot: EntrySnapshot): string[] {
  return albumQueries(snapshot).map((q) => q.text);
}

/** Keeps what is known; JSON has no place for "unknown" but absence. */
const known = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as T;

/** A matched track with what the catalog knows about it, for the entry to borrow where it says nothing. */
export function trackFound(r: TrackRow, method: MatchMethod): TrackMatch {
  return {
    trackId: r.id,
    albumId: r.album_id,
    title: r.title,
    artistCredit: r.artist_credit,
    method,
    snapshot: known({ album: r.album_title, durationMs: r.duration_ms, isrc: r.isrc, releaseYear: r.release_year, coverUrl: r.cover_url }),
    serviceIds: known({ spotify: r.spotify_id ?? undefined, apple: r.apple_id ?? undefined }),
  };
}

/** A matched album with what the catalog knows about it. */
export function albumFound(r: Omit<AlbumRow, 'names'>, method: MatchMethod): AlbumMatch {
  return {
    albumId: r.id,
    title: r.title,
    artistCredit: r.artist_credit,
    method,
    snapshot: known({ upc: r.upc, releaseYear: r.release_year, coverUrl: r.cover_url }),
    serviceIds: known({ spotify: r.spotify_id ?? undefined, apple: r.apple_id ?? undefined }),
  };
}

/**
 * The track an entry's identifiers name, strongest first (catalog id, service id, ISRC), if it
 * also agrees with the entry's title or artist and version; null to go on to text.
 */
export function trackByIdentifier(q: CatalogMatchQuery, w: Wanted, rows: TrackRow[]): TrackMatch | null {
  const ok = (r: TrackRow) => confirms(w, r.title, r.artist_credit, r.names);
  const found = (r: TrackRow | undefined, method: MatchMethod): TrackMatch | null => (r ? trackFound(r, method) : null);
  const { spotify, apple } = q.serviceIds;
  return (
    found(
      rows.find((r) => r.id === q.trackId && ok(r)),
      'catalog-id',
    ) ??
    found(
      rows.find((r) => ((spotify && r.spotify_id === spotify) || (apple && r.apple_id === apple)) && ok(r)),
      'service-id',
    ) ??
    // An ISRC names one recording; several tracks carrying it are that recording on several releases.
    found(
      prefer(
        rows.filter((r) => q.snapshot.isrc && r.isrc === q.snapshot.isrc && ok(r)),
        (r) => w.album !== null && normaliseTitle(r.album_title).text === w.album,
      ).sort((a, b) => Number(a.id) - Number(b.id))[0],
      'isrc',
    )
  );
}

/**
 * The one candidate with the entry's normalised title, artist and version, a different ISRC
 * excluded and the duration within 5 s; the entry's album, then its version markers, choose
 * among several; still several, or none, leaves it unmatched with the reason.
 */
export function trackByText(q: CatalogMatchQuery, w: Wanted, rows: TrackRow[]): TrackMatch {
  const sameText = rows.filter((r) => sameTitle(w, r.title) && sameArtist(w, r.artist_credit, r.names));
  const sameRecording = sameText.filter((r) => sameVersion(w, r.title) && !(q.snapshot.isrc && r.isrc && r.isrc !== q.snapshot.isrc));
  const duration = q.snapshot.durationMs;
  const inTime = sameRecording.filter(
    (r) => duration === null || duration === undefined || r.duration_ms === null || Math.abs(r.duration_ms - duration) <= DURATION_TOLERANCE_MS,
  );
  const narrowed = prefer(
    prefer(inTime, (r) => w.album !== null && normaliseTitle(r.album_title).text === w.album),
    (r) => sameTags(w, r.title),
  );
  if (narrowed.length === 1) return trackFound(narrowed[0]!, 'text');
  if (narrowed.length > 1) {
    const albums = [...new Set(narrowed.map((r) => `“${r.album_title}”`))].slice(0, 3).join(', ');
    return { trackId: null, reason: `Several catalog tracks could be ${w.quoted} (on ${albums}); the album or ISRC would tell them apart.` };
  }
  if (sameRecording.length && duration) {
    const lengths = [...new Set(sameRecording.map((r) => minutes(r.duration_ms!)))].join(', ');
    return { trackId: null, reason: `${w.quoted} is in the catalog, but lasting ${lengths}, not ${minutes(duration)}.` };
  }
  if (sameText.length) return { trackId: null, reason: `Only a different version of ${w.quoted} is in the catalog.` };
  return { trackId: null, reason: `No track ${w.quoted} in the catalog.` };
}

/** The album an entry's identifiers name (catalog id, service id, UPC), if it agrees with the entry; null to go on to text. */
export function albumByIdentifier(q: CatalogMatchQuery, w: Wanted, rows: AlbumRow[]): AlbumMatch | null {
  const ok = (r: AlbumRow) => confirms(w, r.title, r.artist_credit, r.names);
  const { spotify, apple } = q.serviceIds;
  const tests: [MatchMethod, (r: AlbumRow) => boolean][] = [
    ['catalog-id', (r) => r.id === q.albumId],
    ['service-id', (r) => Boolean((spotify && r.spotify_id === spotify) || (apple && r.apple_id === apple))],
    ['upc', (r) => Boolean(q.snapshot.upc && r.upc === q.snapshot.upc)],
  ];
  for (const [method, test] of tests) {
    const r = rows.filter((row) => test(row) && ok(row)).sort((a, b) => Number(a.id) - Number(b.id))[0];
    if (r) return albumFound(r, method);
  }
  return null;
}
