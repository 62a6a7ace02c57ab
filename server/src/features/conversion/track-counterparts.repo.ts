import type { Knex } from 'knex';
import type { ConversionCandidate } from '@muse/shared';
import type { ProviderName } from '../../providers/music-provider.port';
import { preparedQuery } from '../../db/prepared';

/** How long a found counterpart is trusted: services withdraw and re-release tracks. */
export const MATCH_KEPT_DAYS = 30;
/** How long "not on the service" is trusted: catalogs grow, so this is looked up again sooner. */
const MISSING_KEPT_DAYS = 7;

/** Which pairs a conversion shares: from one service to another, in the target's region. */
export interface CounterpartScope {
  sourceService: ProviderName;
  targetService: ProviderName;
  /** The target connection's storefront or country, lower-case ISO 3166 ("us"): availability is per region. */
  region: string;
}

/** A verdict to keep: the target track found for a source track, or null for nothing acceptable. */
export interface CounterpartVerdict {
  sourceId: string;
  target: ConversionCandidate | null;
  method: 'isrc' | 'search';
  confidence: number | null;
}

/** What an earlier conversion decided for a source track, on its own (no user's pick). */
export interface Counterpart {
  /** Null: the target service had nothing acceptable. */
  target: ConversionCandidate | null;
  method: 'isrc' | 'search';
  confidence: number | null;
  decidedAt: Date;
}

interface CounterpartRow {
  source_id: string;
  target: ConversionCandidate | null;
  method: 'isrc' | 'search';
  confidence: number | null;
  decided_at: Date;
}

/** The shared memory of automatic conversion verdicts, `track_counterparts`. */
export class TrackCounterpartsRepo {
  constructor(private readonly knex: Knex) {}

  /** Verdicts still trusted for these source tracks, by source id. */
  async known(scope: CounterpartScope, sourceIds: string[]): Promise<Map<string, Counterpart>> {
    if (sourceIds.length === 0) return new Map();
    const rows = await preparedQuery<CounterpartRow>(
      this.knex,
      'track_counterparts_known',
      `SELECT source_id, target, method, confidence, decided_at FROM track_counterparts
        WHERE target_service = $1 AND region = $2 AND source_service = $3 AND source_id = ANY ($4::text[])
          AND decided_at > now() - CASE WHEN target IS NULL THEN $5::integer ELSE $6::integer END * interval '1 day'`,
      [scope.targetService, scope.region, scope.sourceService, [...new Set(sourceIds)], MISSING_KEPT_DAYS, MATCH_KEPT_DAYS],
    );
    return new Map(rows.map((r) => [r.source_id, { target: r.target, method: r.method, confidence: r.confidence, decidedAt: r.decided_at }]));
  }

  /** Keeps (or renews) verdicts, one statement for a page of them. */
  async remember(scope: CounterpartScope, verdicts: CounterpartVerdict[]): Promise<void> {
    const unique = [...new Map(verdicts.map((v) => [v.sourceId, v])).values()];
    if (unique.length === 0) return;
    await this.knex.raw(
      `INSERT INTO track_counterparts (source_service, source_id, target_service, region, target, method, confidence, decided_at)
       SELECT ?, v.source_id, ?, ?, v.target, v.method, v.confidence, now()
         FROM jsonb_to_recordset(?::jsonb) AS v(source_id text, target jsonb, method text, confidence real)
       ON CONFLICT (target_service, region, source_service, source_id)
       DO UPDATE SET target = EXCLUDED.target, method = EXCLUDED.method, confidence = EXCLUDED.confidence, decided_at = EXCLUDED.decided_at`,
      [
        scope.sourceService,
        scope.targetService,
        scope.region,
        JSON.stringify(unique.map((v) => ({ source_id: v.sourceId, target: v.target, method: v.method, confidence: v.confidence }))),
      ],
    );
  }
}
