import type { Knex } from 'knex';
import type { DiscogsCredit, DiscogsRelease } from './discogs-release';

/** Rows per INSERT, far below Postgres' 65,535 bind parameters even for wide rows. */
const ROWS_PER_STATEMENT = 2000;

function chunks<T>(rows: T[], size = ROWS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

const trackKey = (albumId: string, disc: number, position: number) => `${albumId}:${disc}:${position}`;

/**
 * Catalog writes of the demo import. Every write is an upsert keyed by Discogs ids (artists,
 * albums) or by (album, disc, position) (tracks), so a rerun updates rows in place and ids,
 * ratings and reviews survive. Enrichment columns (cover, Spotify/Apple ids, ISRC) are never
 * overwritten.
 */
export class CatalogSeedRepo {
  constructor(private readonly knex: Knex) {}

  /** Writes one batch of releases in one transaction (a savepoint when this repo runs inside one). */
  async upsertReleases(releases: DiscogsRelease[]): Promise<void> {
    if (!releases.length) return;
    await this.knex.transaction(async (trx) => {
      const artistIds = await this.upsertArtists(trx, releases);
      const albumIds = await this.upsertAlbums(trx, releases);
      await this.writeAlbumCredits(trx, releases, albumIds, artistIds);
      const trackIds = await this.upsertTracks(trx, releases, albumIds);
      await this.removeStaleTracks(trx, [...albumIds.values()], [...trackIds.values()]);
      await this.writeTrackCredits(trx, releases, albumIds, trackIds, artistIds);
    });
  }

  /** Whether the catalog has no album at all (a fresh install). */
  async catalogIsEmpty(): Promise<boolean> {
    return !(await this.knex('albums').first('id'));
  }

  /**
   * Runs `work` in a transaction that holds the seed lock, so processes starting together take
   * turns; `work` gets a repo bound to that transaction, and everything it writes commits at once.
   */
  async withSeedLock<T>(work: (locked: CatalogSeedRepo, trx: Knex.Transaction) => Promise<T>): Promise<T> {
    return this.knex.transaction(async (trx) => {
      await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('muse:seed-demo-catalog'))`);
      return work(new CatalogSeedRepo(trx), trx);
    });
  }

  private async upsertArtists(trx: Knex.Transaction, releases: DiscogsRelease[]): Promise<Map<number, string>> {
    const byDiscogsId = new Map<number, string>();
    for (const r of releases)
      for (const c of [...r.credits, ...r.tracks.flatMap((t) => t.credits)]) if (!byDiscogsId.has(c.discogsId)) byDiscogsId.set(c.discogsId, c.name);
    // A stable order keeps two concurrent imports from locking the same rows in opposite orders.
    const rows = [...byDiscogsId].sort(([a], [b]) => a - b).map(([discogs_id, name]) => ({ discogs_id, name }));
    const ids = new Map<number, string>();
    for (const chunk of chunks(rows)) {
      const written: { id: string; discogs_id: string }[] = await trx('artists')
        .insert(chunk)
        .onConflict('discogs_id')
        .merge(['name'])
        .returning(['id', 'discogs_id']);
      for (const w of written) ids.set(Number(w.discogs_id), String(w.id));
    }
    return ids;
  }

  private async upsertAlbums(trx: Knex.Transaction, releases: DiscogsRelease[]): Promise<Map<number, string>> {
    const rows = [...releases]
      .sort((a, b) => a.discogsId - b.discogsId)
      .map((r) => ({
        discogs_id: r.discogsId,
        discogs_master_id: r.masterId,
        title: r.title,
        artist_credit: r.artistCredit,
        release_date: r.releaseDate,
        release_date_precision: r.releaseDatePrecision,
        release_year: r.releaseYear,
        type: r.type,
        genres: r.genres,
        styles: r.styles,
        label: r.label,
        catalog_number: r.catalogNumber,
        country: r.country,
        upc: r.upc,
      }));
    const merged = Object.keys(rows[0]!).filter((k) => k !== 'discogs_id');
    const ids = new Map<number, string>();
    for (const chunk of chunks(rows, 500)) {
      const written: { id: string; discogs_id: string }[] = await trx('albums')
        .insert(chunk)
        .onConflict('discogs_id')
        .merge(merged)
        .returning(['id', 'discogs_id']);
      for (const w of written) ids.set(Number(w.discogs_id), String(w.id));
    }
    return ids;
  }

  private async writeAlbumCredits(
    trx: Knex.Transaction,
    releases: DiscogsRelease[],
    albumIds: Map<number, string>,
    artistIds: Map<number, string>,
  ): Promise<void> {
    const owners = releases.map((r) => ({ id: albumIds.get(r.discogsId)!, credits: r.credits }));
    await this.writeCredits(trx, 'album_artists', 'album_id', owners, artistIds);
  }

  private async upsertTracks(trx: Knex.Transaction, releases: DiscogsRelease[], albumIds: Map<number, string>): Promise<Map<string, string>> {
    const rows = releases.flatMap((r) =>
      r.tracks.map((t) => ({
        album_id: albumIds.get(r.discogsId)!,
        disc: t.disc,
        position: t.position,
        position_label: t.positionLabel,
        title: t.title,
        artist_credit: t.artistCredit,
        duration_ms: t.durationMs,
      })),
    );
    const ids = new Map<string, string>();
    for (const chunk of chunks(rows)) {
      const written: { id: string; album_id: string; disc: number; position: number }[] = await trx('tracks')
        .insert(chunk)
        .onConflict(['album_id', 'disc', 'position'])
        .merge(['position_label', 'title', 'artist_credit', 'duration_ms'])
        .returning(['id', 'album_id', 'disc', 'position']);
      for (const w of written) ids.set(trackKey(String(w.album_id), w.disc, w.position), String(w.id));
    }
    return ids;
  }

  /**
   * Tracks of these albums that the source no longer lists go, unless someone rated or reviewed
   * them: a rating or review is the user's, so its track stays (with its last known title) rather than vanish.
   */
  private async removeStaleTracks(trx: Knex.Transaction, albumIds: string[], keptTrackIds: string[]): Promise<void> {
    await trx.raw(
      `DELETE FROM tracks t
        WHERE t.album_id = ANY(?::bigint[]) AND t.id <> ALL(?::bigint[])
          AND NOT EXISTS (SELECT 1 FROM track_ratings r WHERE r.track_id = t.id)
          AND NOT EXISTS (SELECT 1 FROM reviews v WHERE v.track_id = t.id)
          AND NOT EXISTS (SELECT 1 FROM rating_history h WHERE h.item_type = 'track' AND h.item_id = t.id)`,
      [albumIds, keptTrackIds],
    );
  }

  private async writeTrackCredits(
    trx: Knex.Transaction,
    releases: DiscogsRelease[],
    albumIds: Map<number, string>,
    trackIds: Map<string, string>,
    artistIds: Map<number, string>,
  ): Promise<void> {
    const owners = releases.flatMap((r) => {
      const albumId = albumIds.get(r.discogsId)!;
      return r.tracks.map((t) => ({ id: trackIds.get(trackKey(albumId, t.disc, t.position))!, credits: t.credits }));
    });
    await this.writeCredits(trx, 'track_artists', 'track_id', owners, artistIds);
  }

  /** Upserts credit rows by (owner, position) and drops positions past the new credit list. */
  private async writeCredits(
    trx: Knex.Transaction,
    table: 'album_artists' | 'track_artists',
    ownerColumn: 'album_id' | 'track_id',
    owners: { id: string; credits: DiscogsCredit[] }[],
    artistIds: Map<number, string>,
  ): Promise<void> {
    const rows = owners.flatMap((o) =>
      o.credits.map((c, i) => ({
        [ownerColumn]: o.id,
        position: i + 1,
        artist_id: artistIds.get(c.discogsId)!,
        credited_name: c.creditedName,
        join_phrase: c.joinPhrase,
      })),
    );
    for (const chunk of chunks(rows)) {
      await trx(table).insert(chunk).onConflict([ownerColumn, 'position']).merge(['artist_id', 'credited_name', 'join_phrase']);
    }
    await trx.raw(
      `DELETE FROM ${table} c USING unnest(?::bigint[], ?::int[]) AS k(owner_id, n)
        WHERE c.${ownerColumn} = k.owner_id AND c.position > k.n`,
      [owners.map((o) => o.id), owners.map((o) => o.credits.length)],
    );
  }
}
