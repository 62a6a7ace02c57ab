import type { Knex } from 'knex';
import type { EntrySnapshot, ServiceIds } from '@muse/shared';
import { foldText, gateTagsAgree, normaliseArtist, normaliseForMatch, normaliseTitle, type NormalisedTitle } from '../../lib/music-text';
import { AlbumMatcher } from '../imports/album-matcher';
import type { CandidateRow } from '../imports/imports.repo';

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

export type TrackMatch =
  ({ trackId: string; albumId: string; title: string; artistCredit: string; method: MatchMethod } & CatalogFacts) | { trackId: null; reason: string };
export type AlbumMatch = ({ albumId: string; title: string; artistCredit: string; method: MatchMethod } & CatalogFacts) | { albumId: null; reason: string };

interface TrackRow {
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

interface AlbumRow {
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

/** Entries matched per round of queries: two queries a batch, whatever its size. */
const BATCH = 200;
const CANDIDATES = 25;
/** Durations within this are the same recording (services round and trim differently). */
const DURATION_TOLERANCE_MS = 5_000;

const TRACK_COLUMNS = `t.id::text, t.album_id::text, t.title, t.artist_credit, t.duration_ms, t.isrc, t.spotify_id, t.apple_id, a.title AS album_title, a.cover_url, a.release_year,
  ARRAY(SELECT ta.credited_name FROM track_artists ta WHERE ta.track_id = t.id
        UNION ALL SELECT aa.credited_name FROM album_artists aa WHERE aa.album_id = t.album_id) AS names`;

const TRACKS_BY_ID_SQL = `
  SELECT ${TRACK_COLUMNS} FROM tracks t JOIN albums a ON a.id = t.album_id
   WHERE t.id = ANY(?::bigint[]) OR t.isrc = ANY(?::text[]) OR t.spotify_id = ANY(?::text[]) OR t.apple_id = ANY(?::text[])`;

// Candidates for each entry from the full-text index (see `trackSearch`): the tracks with every
// word of the title, or when there are none, those with any of them; best first by word
// similarity to "title artist".
const TRACKS_BY_TEXT_SQL = `
  SELECT q.n::int AS n, ${TRACK_COLUMNS}
    FROM unnest(?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS q(strict, loose, text, n)
    CROSS JOIN LATERAL (
      (SELECT * FROM tracks t WHERE to_tsvector('simple', t.search_text) @@ q.strict::tsquery
        ORDER BY word_similarity(muse_norm(q.text), t.search_text) DESC, t.id LIMIT ${CANDIDATES})
      UNION ALL
      (SELECT * FROM tracks t WHERE to_tsvector('simple', t.search_text) @@ q.loose::tsquery
          AND NOT EXISTS (SELECT 1 FROM tracks s WHERE to_tsvector('simple', s.search_text) @@ q.strict::tsquery)
        ORDER BY word_similarity(muse_norm(q.text), t.search_text) DESC, t.id LIMIT ${CANDIDATES})) t
    JOIN albums a ON a.id = t.album_id`;

const ALBUMS_BY_ID_SQL = `
  SELECT a.id::text, a.title, a.artist_credit, a.upc, a.spotify_id, a.apple_id, a.cover_url, a.release_year,
         ARRAY(SELECT aa.credited_name FROM album_artists aa WHERE aa.album_id = a.id ORDER BY aa.position) AS names
    FROM albums a
   WHERE a.id = ANY(?::bigint[]) OR a.upc = ANY(?::text[]) OR a.spotify_id = ANY(?::text[]) OR a.apple_id = ANY(?::text[])`;

// The same candidates the import's album matcher reads one query at a time (ImportsRepo.findCandidates), for many at once.
const ALBUMS_BY_TEXT_SQL = `
  SELECT q.text AS query, a.id::text, a.title, a.artist_credit, a.release_year, COALESCE(s.count, 0)::int AS rating_count,
         a.upc, a.spotify_id, a.apple_id, a.cover_url,
         ARRAY(SELECT aa.credited_name FROM album_artists aa WHERE aa.album_id = a.id ORDER BY aa.position) AS credited_names
    FROM unnest(?::text[]) AS q(text)
    CROSS JOIN LATERAL (SELECT * FROM albums a WHERE muse_norm(q.text) <% a.search_text
                         ORDER BY word_similarity(muse_norm(q.text), a.search_text) DESC, a.id LIMIT ${CANDIDATES}) a
    LEFT JOIN album_rating_stats s ON s.album_id = a.id`;

/** What an entry says, in comparable form. */
interface Wanted {
  title: NormalisedTitle;
  artists: string[];
  album: string | null;
  quoted: string;
}

function wantedOf(snapshot: EntrySnapshot): Wanted {
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

const chunks = <T>(items: T[]): T[][] => Array.from({ length: Math.ceil(items.length / BATCH) }, (_, i) => items.slice(i * BATCH, (i + 1) * BATCH));

/**
 * Finds the catalog tracks and albums that file and service entries name, a batch of entries at
 * a time (two queries a batch, never one a row). Missed rather than wrong: an identifier must
 * agree with the entry's title or artist and version, text must agree on normalised title,
 * artist, version and (when both are known) duration within 5 s, and an entry that several
 * catalog items fit equally is left unmatched with the reason.
 */
export class TrackMatchReadModel {
  constructor(private readonly knex: Knex) {}

  /**
   * Tracks, in the order asked: by the catalog id a Muse export names, a Spotify or Apple Music
   * id, the ISRC, then normalised artist + title (+ duration).
   */
  async matchTracks(queries: CatalogMatchQuery[]): Promise<TrackMatch[]> {
    const results: TrackMatch[] = [];
    for (const batch of chunks(queries)) results.push(...(await this.trackBatch(batch)));
    return results;
  }

  /** Albums (for lists), in the order asked: by catalog id, service id or UPC, then artist + album title. */
  async matchAlbums(queries: CatalogMatchQuery[]): Promise<AlbumMatch[]> {
    const results: AlbumMatch[] = [];
    for (const batch of chunks(queries)) results.push(...(await this.albumBatch(batch)));
    return results;
  }

  private async trackBatch(batch: CatalogMatchQuery[]): Promise<TrackMatch[]> {
    const wanted = batch.map((q) => wantedOf(q.snapshot));
    const byId = await this.rows<TrackRow>(TRACKS_BY_ID_SQL, [
      batch.flatMap((q) => q.trackId ?? []),
      batch.flatMap((q) => q.snapshot.isrc ?? []),
      batch.flatMap((q) => q.serviceIds.spotify ?? []),
      batch.flatMap((q) => q.serviceIds.apple ?? []),
    ]);
    const results: (TrackMatch | null)[] = batch.map((q, i) => trackByIdentifier(q, wanted[i]!, byId));
    const texts = batch.map((q, i) => (results[i] ? null : trackSearch(q.snapshot)));
    const asked = texts.flatMap((search, i) => (search ? [{ ...search, i }] : []));
    const byText = await this.rows<TrackRow & { n: number }>(TRACKS_BY_TEXT_SQL, [
      asked.map((a) => a.strict),
      asked.map((a) => a.loose),
      asked.map((a) => a.text),
    ]);
    const candidates = new Map<number, TrackRow[]>(asked.map((a) => [a.i, []]));
    for (const row of byText) candidates.get(asked[row.n - 1]!.i)!.push(row);
    return batch.map((q, i) => {
      if (results[i]) return results[i]!;
      if (!texts[i]) {
        const why = q.snapshot.artists.length ? 'has no letters or digits to match on' : 'names no artist to match on';
        return { trackId: null, reason: `${wanted[i]!.quoted} ${why}.` };
      }
      return trackByText(q, wanted[i]!, candidates.get(i)!);
    });
  }

  private async albumBatch(batch: CatalogMatchQuery[]): Promise<AlbumMatch[]> {
    const wanted = batch.map((q) => wantedOf(q.snapshot));
    const byId = await this.rows<AlbumRow>(ALBUMS_BY_ID_SQL, [
      batch.flatMap((q) => q.albumId ?? []),
      batch.flatMap((q) => q.snapshot.upc ?? []),
      batch.flatMap((q) => q.serviceIds.spotify ?? []),
      batch.flatMap((q) => q.serviceIds.apple ?? []),
    ]);
    const results = batch.map((q, i) => albumByIdentifier(q, wanted[i]!, byId));
    // The import's album matcher decides; its candidate reads are answered from one query for the batch.
    const texts = [...new Set(batch.flatMap((q, i) => (results[i] ? [] : albumQueryTexts(q.snapshot))))];
    const candidates = new Map<string, CandidateRow[]>();
    const seen = new Map<string, CandidateRow & Omit<AlbumRow, 'names'>>();
    const read = async (queries: string[]) => {
      for (const query of queries) candidates.set(query, []);
      for (const { query, ...row } of await this.rows<CandidateRow & Omit<AlbumRow, 'names'> & { query: string }>(ALBUMS_BY_TEXT_SQL, [queries])) {
        candidates.get(query)!.push(row);
        seen.set(row.id, row);
      }
    };
    await read(texts);
    const matcher = new AlbumMatcher({
      // A query the batch did not foresee (the matcher asked differently) is read on its own.
      findCandidates: async (query: string, limit: number) => {
        if (!candidates.has(query)) await read([query]);
        return (candidates.get(query) ?? []).slice(0, limit);
      },
    });
    return Promise.all(
      batch.map(async (q, i): Promise<AlbumMatch> => {
        if (results[i]) return results[i]!;
        const [artist, ...others] = q.snapshot.artists;
        if (!artist) return { albumId: null, reason: `${wanted[i]!.quoted} names no artist to match on.` };
        const title = q.snapshot.title;
        const match = await matcher.match({
          artist,
          altArtist: others.length ? q.snapshot.artists.join(' & ') : null,
          title,
          year: q.snapshot.releaseYear ?? null,
        });
        return match.albumId === null ? { albumId: null, reason: match.reason } : albumFound(seen.get(match.albumId)!, 'text');
      }),
    );
  }

  /** Rows of a query whose bindings are arrays; none when every array is empty (nothing to ask). */
  private async rows<R>(sql: string, bindings: unknown[][]): Promise<R[]> {
    if (bindings.every((b) => b.length === 0)) return [];
    const { rows } = await this.knex.raw<{ rows: R[] }>(sql, bindings as Knex.RawBinding[]);
    return rows;
  }
}

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
function trackSearch(snapshot: EntrySnapshot): { strict: string; loose: string; text: string } | null {
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

/** The texts `AlbumMatcher` will ask candidates for: one for the first artist, one for the whole credit. */
function albumQueryTexts(snapshot: EntrySnapshot): string[] {
  const [artist, ...others] = snapshot.artists;
  if (!artist) return [];
  return [artist, ...(others.length ? [snapshot.artists.join(' & ')] : [])]
    .map((a) => normaliseForMatch(a, snapshot.title))
    .filter((k) => k.title && k.artist)
    .map((k) => `${k.title} ${k.artist}`);
}

/** Keeps what is known; JSON has no place for "unknown" but absence. */
const known = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as T;

function trackFound(r: TrackRow, method: MatchMethod): TrackMatch {
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

function albumFound(r: Omit<AlbumRow, 'names'>, method: MatchMethod): AlbumMatch {
  return {
    albumId: r.id,
    title: r.title,
    artistCredit: r.artist_credit,
    method,
    snapshot: known({ upc: r.upc, releaseYear: r.release_year, coverUrl: r.cover_url }),
    serviceIds: known({ spotify: r.spotify_id ?? undefined, apple: r.apple_id ?? undefined }),
  };
}

function trackByIdentifier(q: CatalogMatchQuery, w: Wanted, rows: TrackRow[]): TrackMatch | null {
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

function trackByText(q: CatalogMatchQuery, w: Wanted, rows: TrackRow[]): TrackMatch {
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

function albumByIdentifier(q: CatalogMatchQuery, w: Wanted, rows: AlbumRow[]): AlbumMatch | null {
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
