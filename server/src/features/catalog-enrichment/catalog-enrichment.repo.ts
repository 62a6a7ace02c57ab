import type { Knex } from 'knex';
import type { AlbumType, DatePrecision, ProviderName } from '@muse/shared';

/** A catalog album as enrichment compares it with a service's album. */
export interface CandidateAlbumRow {
  id: string;
  title: string;
  artist_credit: string;
  /** Credited names and the artists' own names. */
  names: string[];
  upc: string | null;
  spotify_id: string | null;
  apple_id: string | null;
  cover_key: string | null;
}

/** A catalog album with every ISRC its tracks carry. */
export interface AlbumIsrcsRow {
  album_id: string;
  isrcs: string[];
}

export interface NewTrack {
  title: string;
  artists: string[];
  artistCredit: string;
  durationMs: number | null;
  isrc: string | null;
  serviceId: string;
}

/** An album to write, already cleaned up by the service. */
export interface NewAlbum {
  provider: ProviderName;
  serviceId: string;
  title: string;
  artists: string[];
  artistCredit: string;
  releaseDate: string | null;
  releaseDatePrecision: DatePrecision | null;
  releaseYear: number | null;
  type: AlbumType;
  upc: string | null;
  coverUrl: string | null;
  tracks: NewTrack[];
}

/** A catalog track of an album being merged with a service's album. */
export interface ExistingTrackRow {
  id: string;
  title: string;
  isrc: string | null;
  spotify_id: string | null;
  apple_id: string | null;
}

const serviceColumn = (provider: ProviderName): 'spotify_id' | 'apple_id' => (provider === 'spotify' ? 'spotify_id' : 'apple_id');

const CANDIDATE_COLUMNS = `a.id::text, a.title, a.artist_credit, a.upc, a.spotify_id, a.apple_id, a.cover_key,
  ARRAY(SELECT aa.credited_name FROM album_artists aa WHERE aa.album_id = a.id
        UNION ALL SELECT ar.name FROM album_artists aa JOIN artists ar ON ar.id = aa.artist_id WHERE aa.album_id = a.id) AS names`;

// Per asked album: the catalog album with its service id, those with its UPC, and the albums whose
// title and credit the words of "title artists" are most like (the trigram index the import matcher also reads).
const candidatesSql = (column: string) => `
  SELECT q.n::int AS n, ${CANDIDATE_COLUMNS}
    FROM unnest(?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS q(service_id, upc, text, n)
    CROSS JOIN LATERAL (
      (SELECT a.id FROM albums a WHERE a.${column} = q.service_id)
      UNION ALL
      (SELECT a.id FROM albums a WHERE a.upc = q.upc ORDER BY a.id LIMIT 3)
      UNION ALL
      (SELECT a.id FROM albums a WHERE muse_norm(q.text) <% a.search_text
        ORDER BY word_similarity(muse_norm(q.text), a.search_text) DESC, a.id LIMIT 10)
    ) m
    JOIN albums a ON a.id = m.id`;

const JOIN_LAST = ' & ';
const joinPhrase = (i: number, count: number) => (i === count - 1 ? '' : i === count - 2 ? JOIN_LAST : ', ');

/**
 * The catalog writes and reads of enrichment: finding what Muse already has of a service's
 * album, adding a new album with its tracks and artists, and giving an existing one the other
 * service's ids. Writes run under one advisory lock, so two requests for the same album (a
 * double click, or the same album from both services at once) make one album.
 */
export class CatalogEnrichmentRepo {
  constructor(private readonly knex: Knex) {}

  /** Candidates for each asked album, keyed by its position in `asked`. */
  async candidates(
    provider: ProviderName,
    asked: { serviceId: string; upc?: string | null; text: string }[],
    db: Knex = this.knex,
  ): Promise<Map<number, CandidateAlbumRow[]>> {
    const out = new Map<number, CandidateAlbumRow[]>(asked.map((_, i) => [i, []]));
    if (!asked.length) return out;
    const { rows } = (await db.raw(candidatesSql(serviceColumn(provider)), [
      asked.map((a) => a.serviceId),
      asked.map((a) => a.upc ?? ''),
      asked.map((a) => a.text),
    ])) as {
      rows: (CandidateAlbumRow & { n: number })[];
    };
    for (const { n, ...row } of rows) {
      const list = out.get(n - 1)!;
      if (!list.some((r) => r.id === row.id)) list.push(row);
    }
    return out;
  }

  /** Runs `work` in a transaction holding the enrichment lock. */
  async withEnrichmentLock<T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
    return this.knex.transaction(async (trx) => {
      await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('muse:catalog-enrichment'))`);
      return work(trx);
    });
  }

  async findByServiceId(provider: ProviderName, serviceId: string, db: Knex = this.knex): Promise<CandidateAlbumRow | null> {
    const { rows } = (await db.raw(`SELECT ${CANDIDATE_COLUMNS} FROM albums a WHERE a.${serviceColumn(provider)} = ?`, [serviceId])) as {
      rows: CandidateAlbumRow[];
    };
    return rows[0] ?? null;
  }

  async findById(albumId: string, db: Knex = this.knex): Promise<CandidateAlbumRow | null> {
    const { rows } = (await db.raw(`SELECT ${CANDIDATE_COLUMNS} FROM albums a WHERE a.id = ?`, [albumId])) as { rows: CandidateAlbumRow[] };
    return rows[0] ?? null;
  }

  /** Albums with this UPC, oldest first. */
  async findByUpc(upc: string, db: Knex = this.knex): Promise<CandidateAlbumRow[]> {
    const { rows } = (await db.raw(`SELECT ${CANDIDATE_COLUMNS} FROM albums a WHERE a.upc = ? ORDER BY a.id`, [upc])) as { rows: CandidateAlbumRow[] };
    return rows;
  }

  /** Albums having a track with one of these ISRCs, each with all of its tracks' ISRCs, oldest first. */
  async albumsSharingIsrcs(isrcs: string[], db: Knex = this.knex): Promise<AlbumIsrcsRow[]> {
    if (!isrcs.length) return [];
    const { rows } = (await db.raw(
      `SELECT m.album_id::text, array_agg(DISTINCT t.isrc) AS isrcs
         FROM (SELECT DISTINCT album_id FROM tracks WHERE isrc = ANY(?::text[]) LIMIT 50) m
         JOIN tracks t ON t.album_id = m.album_id AND t.isrc IS NOT NULL
        GROUP BY m.album_id ORDER BY m.album_id`,
      [isrcs],
    )) as { rows: AlbumIsrcsRow[] };
    return rows;
  }

  async tracksOf(albumId: string, db: Knex = this.knex): Promise<ExistingTrackRow[]> {
    return db('tracks').where({ album_id: albumId }).orderBy(['disc', 'position']).select(db.raw('id::text AS id'), 'title', 'isrc', 'spotify_id', 'apple_id');
  }

  /** Which of these service track ids a catalog track has already. */
  async takenTrackIds(provider: ProviderName, serviceIds: string[], db: Knex = this.knex): Promise<Set<string>> {
    if (!serviceIds.length) return new Set();
    const column = serviceColumn(provider);
    const rows: Record<string, string>[] = await db('tracks').whereIn(column, serviceIds).select(column);
    return new Set(rows.map((r) => r[column]!));
  }

  /** Inserts the album, its credits, tracks and their credits; returns the album's id. */
  async insertAlbum(trx: Knex.Transaction, album: NewAlbum): Promise<string> {
    const artistIds = new Map<string, string>();
    const artistId = async (name: string) => {
      let id = artistIds.get(name);
      if (!id) {
        id = await this.findOrCreateArtist(trx, name);
        artistIds.set(name, id);
      }
      return id;
    };
    const [row] = (await trx('albums')
      .insert({
        title: album.title,
        artist_credit: album.artistCredit,
        release_date: album.releaseDate,
        release_date_precision: album.releaseDatePrecision,
        release_year: album.releaseYear,
        type: album.type,
        upc: album.upc,
        cover_url: album.coverUrl,
        [serviceColumn(album.provider)]: album.serviceId,
      })
      .returning('id')) as { id: string }[];
    const albumId = String(row!.id);
    const credits = [];
    for (const [i, name] of album.artists.entries())
      credits.push({
        album_id: albumId,
        position: i + 1,
        artist_id: await artistId(name),
        credited_name: name,
        join_phrase: joinPhrase(i, album.artists.length),
      });
    if (credits.length) await trx('album_artists').insert(credits);

    const taken = await this.takenTrackIds(
      album.provider,
      album.tracks.map((t) => t.serviceId),
      trx,
    );
    if (!album.tracks.length) return albumId;
    const trackRows = (await trx('tracks')
      .insert(
        album.tracks.map((t, i) => ({
          album_id: albumId,
          disc: 1,
          position: i + 1,
          position_label: String(i + 1),
          title: t.title,
          artist_credit: t.artistCredit,
          duration_ms: t.durationMs,
          isrc: t.isrc,
          [serviceColumn(album.provider)]: taken.has(t.serviceId) ? null : t.serviceId,
        })),
      )
      .returning(['id', 'position'])) as { id: string; position: number }[];
    const trackCredits = [];
    for (const written of trackRows) {
      const track = album.tracks[written.position - 1]!;
      for (const [i, name] of track.artists.entries())
        trackCredits.push({
          track_id: written.id,
          position: i + 1,
          artist_id: await artistId(name),
          credited_name: name,
          join_phrase: joinPhrase(i, track.artists.length),
        });
    }
    if (trackCredits.length) await trx('track_artists').insert(trackCredits);
    return albumId;
  }

  /** Gives an album what it lacks of the service's album: its id there (null: leave it), its UPC, a cover source. */
  async fillAlbum(
    trx: Knex.Transaction,
    albumId: string,
    fill: { provider: ProviderName; serviceId: string | null; upc: string | null; coverUrl: string | null },
  ): Promise<void> {
    const column = serviceColumn(fill.provider);
    await trx('albums')
      .where({ id: albumId })
      .update({
        [column]: trx.raw(`coalesce(${column}, ?)`, [fill.serviceId]),
        upc: trx.raw('coalesce(upc, ?)', [fill.upc]),
        cover_url: trx.raw('coalesce(cover_url, ?)', [fill.coverUrl]),
      });
  }

  /** Sets a track's missing ISRC and service id (each only where it is still empty). */
  async fillTrack(trx: Knex.Transaction, trackId: string, fill: { provider: ProviderName; serviceId: string | null; isrc: string | null }): Promise<void> {
    const column = serviceColumn(fill.provider);
    await trx('tracks')
      .where({ id: trackId })
      .update({
        [column]: trx.raw(`coalesce(${column}, ?)`, [fill.serviceId]),
        isrc: trx.raw('coalesce(isrc, ?)', [fill.isrc]),
      });
  }

  /** The artist of that name (accents and case aside), preferring the exact spelling; created when there is none. */
  private async findOrCreateArtist(trx: Knex.Transaction, name: string): Promise<string> {
    const { rows } = (await trx.raw(`SELECT id::text FROM artists WHERE search_name = muse_norm(?) ORDER BY (name = ?) DESC, id LIMIT 1`, [name, name])) as {
      rows: { id: string }[];
    };
    if (rows[0]) return rows[0].id;
    const [created] = (await trx('artists').insert({ name }).returning('id')) as { id: string }[];
    return String(created!.id);
  }
}
