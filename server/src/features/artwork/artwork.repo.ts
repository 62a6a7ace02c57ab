import type { Knex } from 'knex';

/** Where an album's cover stands: the stored copy's key, if any, and the address it was found at. */
export interface AlbumCoverRow {
  cover_key: string | null;
  cover_url: string | null;
}

/** A cover in the blob store: the largest width's key, and each smaller width's key by its width (`COVER_WIDTHS`). */
export interface StoredCover {
  key: string;
  sizeKeys: Record<string, string>;
}

/** An album the cover backfill looks up: what identifies it on a service, and the cover address it has, if any. */
export interface AlbumWithoutCoverRow {
  id: string;
  title: string;
  artist_credit: string;
  /** Credited names, in credit order. */
  names: string[];
  upc: string | null;
  cover_url: string | null;
}

/** The albums' cover columns: read to decide whether a cover must be fetched, written when it is stored, read to serve a width. */
export class ArtworkRepo {
  constructor(private readonly knex: Knex) {}

  async findCover(albumId: string): Promise<AlbumCoverRow | null> {
    const row = await this.knex('albums').where({ id: albumId }).first('cover_key', 'cover_url');
    return (row as AlbumCoverRow | undefined) ?? null;
  }

  /**
   * Records the stored cover: the largest width's key and each smaller width's; the source
   * address is kept when the album had none. Returns whether the album still exists.
   */
  async setCover(albumId: string, cover: StoredCover, sourceUrl: string): Promise<boolean> {
    const updated = await this.knex('albums')
      .where({ id: albumId })
      .update({
        cover_key: cover.key,
        cover_size_keys: JSON.stringify(cover.sizeKeys),
        cover_url: this.knex.raw('coalesce(cover_url, ?)', [sourceUrl]),
      });
    return updated > 0;
  }

  /** The stored key of a cover at a smaller width, by its largest width's key; null when no album recorded that width. */
  async findSizeKey(coverKey: string, width: number): Promise<string | null> {
    const row = (await this.knex('albums')
      .where({ cover_key: coverKey })
      .whereNotNull('cover_size_keys')
      .whereRaw('cover_size_keys ->> ? IS NOT NULL', [String(width)])
      .first(this.knex.raw('cover_size_keys ->> ? AS key', [String(width)]))) as { key: string } | undefined;
    return row?.key ?? null;
  }

  /**
   * Takes up to `limit` albums without a stored cover that were never looked at or not for
   * `recheckAfterDays`, never looked at first, and marks them looked at now. Rows another process
   * is taking are skipped, so two workers never take the same album. Without `lookupPossible`
   * (no service to ask), only albums that know their cover's address are taken.
   */
  async claimAlbumsWithoutCover(limit: number, opts: { lookupPossible: boolean; recheckAfterDays: number }): Promise<AlbumWithoutCoverRow[]> {
    const { rows } = (await this.knex.raw(
      `UPDATE albums a SET cover_checked_at = now()
        WHERE a.id IN (SELECT id FROM albums
                        WHERE cover_key IS NULL
                          AND (cover_checked_at IS NULL OR cover_checked_at < now() - make_interval(days => ?))
                          AND (? OR cover_url IS NOT NULL)
                        ORDER BY cover_checked_at NULLS FIRST, id
                        LIMIT ? FOR UPDATE SKIP LOCKED)
        RETURNING a.id::text, a.title, a.artist_credit, a.upc, a.cover_url,
                  ARRAY(SELECT aa.credited_name FROM album_artists aa WHERE aa.album_id = a.id ORDER BY aa.position) AS names`,
      [opts.recheckAfterDays, opts.lookupPossible, limit],
    )) as { rows: AlbumWithoutCoverRow[] };
    return rows.sort((x, y) => Number(x.id) - Number(y.id));
  }

  /** Makes albums that could not be looked up (a service down) the first to be looked at again. */
  async releaseClaims(albumIds: string[]): Promise<void> {
    if (albumIds.length) await this.knex('albums').whereIn('id', albumIds).whereNull('cover_key').update({ cover_checked_at: null });
  }
}
