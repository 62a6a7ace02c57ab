import type { Knex } from 'knex';
import type { PreviewUnavailableReason, ProviderName } from '@muse/shared';

/** A track as the preview lookup needs it: what to search the services with and the ids it has there. */
export interface PreviewTrackRow {
  id: string;
  title: string;
  artist_credit: string;
  /** Credited artist names, first first (empty when the track has no credits of its own). */
  artists: string[];
  album_title: string;
  duration_ms: number | null;
  isrc: string | null;
  spotify_id: string | null;
  apple_id: string | null;
}

/** Where a track's clip stands (no row: never looked for). */
export interface PreviewRow {
  track_id: string;
  blob_key: string | null;
  provider: ProviderName | null;
  unavailable_until: Date | null;
  unavailable_reason: Exclude<PreviewUnavailableReason, 'no_services'> | null;
  generation: number;
}

const PREVIEW_COLUMNS = ['track_id', 'blob_key', 'provider', 'unavailable_until', 'unavailable_reason', 'generation'] as const;

/** The `track_previews` table and the track columns previews read and fill (a service id found by lookup). */
export class PreviewsRepo {
  constructor(private readonly knex: Knex) {}

  /** The track with what the services know it as, or null when there is no such track. */
  async findTrack(trackId: string): Promise<PreviewTrackRow | null> {
    const row = await this.knex('tracks as t')
      .join('albums as a', 'a.id', 't.album_id')
      .where('t.id', trackId)
      .first(
        this.knex.raw('t.id::text as id'),
        't.title',
        't.artist_credit',
        this.knex.raw('array(select ta.credited_name from track_artists ta where ta.track_id = t.id order by ta.position) as artists'),
        'a.title as album_title',
        't.duration_ms',
        't.isrc',
        't.spotify_id',
        't.apple_id',
      );
    return (row as PreviewTrackRow | undefined) ?? null;
  }

  /** The preview row of a track, or null when nobody has looked for its clip yet. */
  async find(trackId: string): Promise<PreviewRow | null> {
    const row = await this.knex('track_previews')
      .where({ track_id: trackId })
      .first(...PREVIEW_COLUMNS);
    return row ? normalise(row as PreviewRow) : null;
  }

  /** Which of these ids are tracks, each with its preview row (null when never looked for); unknown ids are left out. */
  async statesOf(trackIds: readonly string[]): Promise<Map<string, PreviewRow | null>> {
    if (!trackIds.length) return new Map();
    const rows = (await this.knex('tracks as t')
      .leftJoin('track_previews as p', 'p.track_id', 't.id')
      .whereIn('t.id', trackIds)
      .select(
        this.knex.raw('t.id::text as id'),
        'p.track_id',
        'p.blob_key',
        'p.provider',
        'p.unavailable_until',
        'p.unavailable_reason',
        'p.generation',
      )) as Array<PreviewRow & { id: string; track_id: string | null }>;
    return new Map(rows.map((r) => [r.id, r.track_id === null ? null : normalise(r)]));
  }

  /** Records the stored clip (and forgets any earlier "unavailable"). Returns false when the track is gone. */
  async setStored(trackId: string, key: string, provider: ProviderName, sourceUrl: string): Promise<boolean> {
    const rows = await this.knex.raw<{ rowCount: number }>(
      `INSERT INTO track_previews (track_id, blob_key, provider, source_url)
       SELECT id, ?, ?, ? FROM tracks WHERE id = ?
       ON CONFLICT (track_id) DO UPDATE SET blob_key = excluded.blob_key, provider = excluded.provider, source_url = excluded.source_url,
         unavailable_until = NULL, unavailable_reason = NULL, updated_at = now()`,
      [key, provider, sourceUrl, trackId],
    );
    return rows.rowCount > 0;
  }

  /** Remembers that the track has no clip until `until`, and starts a new fetch generation for the request after that. */
  async markUnavailable(trackId: string, reason: NonNullable<PreviewRow['unavailable_reason']>, until: Date): Promise<void> {
    await this.knex.raw(
      `INSERT INTO track_previews (track_id, unavailable_until, unavailable_reason, generation)
       SELECT id, ?, ?, 1 FROM tracks WHERE id = ?
       ON CONFLICT (track_id) DO UPDATE SET blob_key = NULL, unavailable_until = excluded.unavailable_until,
         unavailable_reason = excluded.unavailable_reason, generation = track_previews.generation + 1, updated_at = now()`,
      [until, reason, trackId],
    );
  }

  /** Forgets a stored clip the blob store no longer has (only if it is still the recorded one), so the next request fetches it anew. */
  async dropMissingClip(trackId: string, key: string): Promise<void> {
    await this.knex('track_previews')
      .where({ track_id: trackId, blob_key: key })
      .update({ blob_key: null, generation: this.knex.raw('generation + 1'), updated_at: this.knex.fn.now() });
  }

  /**
   * Remembers the service id a lookup found, unless the track already has one or another track
   * holds that id (the columns are unique: the first track keeps it).
   */
  async rememberServiceId(trackId: string, provider: ProviderName, serviceId: string): Promise<void> {
    const column = provider === 'apple' ? 'apple_id' : 'spotify_id';
    await this.knex.raw(`UPDATE tracks SET ${column} = ? WHERE id = ? AND ${column} IS NULL AND NOT EXISTS (SELECT 1 FROM tracks WHERE ${column} = ?)`, [
      serviceId,
      trackId,
      serviceId,
    ]);
  }
}

function normalise(row: PreviewRow): PreviewRow {
  return {
    track_id: String(row.track_id),
    blob_key: row.blob_key,
    provider: row.provider,
    unavailable_until: row.unavailable_until,
    unavailable_reason: row.unavailable_reason,
    generation: Number(row.generation),
  };
}
