import { CHART_MIN_COUNT, CHART_PRIOR_WEIGHT, GROWERS_MIN_PAIRS, type AlbumSummary, type Chart, type ChartQuery } from '@muse/shared';
import type { CatalogReadModel } from '../catalog/catalog.read-model';
import { presentAlbumSummary, presentStats } from '../../http/presenters/catalog.presenter';
import { chartField, type CachedChart, type ChartsCache, type ChartsFacets, type ChartsSnapshot } from './charts.cache';
import { presentChart } from './charts.presenter';
import type { ChartsRepo, PartitionedRow, RankedRow } from './charts.repo';
import type { GrowerRow, GrowersRepo } from './growers.repo';

/** Every chart keeps this many entries: the largest page a client may ask for. */
export const CHART_DEPTH = 250;
const TRENDING_WINDOW_MS = 7 * 24 * 3600 * 1000;
const SUMMARY_CHUNK = 1000;

export interface ChartsServiceDeps {
  repo: ChartsRepo;
  /** The community growers chart (albums relisteners rate higher than they first did). */
  growers: Pick<GrowersRepo, 'top'>;
  catalog: CatalogReadModel;
  cache: ChartsCache;
  /** Asks a worker to refresh the charts; repeated asks while one is pending are merged. */
  requestRefresh(): Promise<void>;
  now?: () => Date;
  /** The pre-release embargo: the date after which releases are left out of the charts, or null. */
  hiddenAfter?: () => string | null;
}

/**
 * Top charts (all time, by year, by genre) and trending. A worker job computes them into Redis;
 * requests only read that cache and, when it is empty, ask for a refresh.
 */
export class ChartsService {
  constructor(private readonly deps: ChartsServiceDeps) {}

  /** A chart from the cache; empty with `computedAt: null` (and a refresh requested) when none is cached yet. */
  async get(query: ChartQuery): Promise<Chart> {
    const cached = await this.deps.cache.readChart(chartField(query), query.limit);
    if (!cached) await this.deps.requestRefresh();
    return presentChart(query, cached);
  }

  /** Years and genres that have a chart, for the page's filters. */
  async facets(): Promise<ChartsFacets> {
    const facets = await this.deps.cache.readFacets();
    if (facets) return facets;
    await this.deps.requestRefresh();
    return { years: [], genres: [] };
  }

  /** Computes every chart from the aggregates and replaces the cached snapshot. */
  async refresh(): Promise<{ charts: number; albums: number }> {
    const now = this.deps.now?.() ?? new Date();
    const priorMean = await this.deps.catalog.globalAlbumMean();
    const options = { priorMean, limit: CHART_DEPTH, hiddenAfter: this.deps.hiddenAfter?.() ?? null };
    const [allTime, byYear, byGenre, trending, growers] = await Promise.all([
      this.deps.repo.topAllTime(options),
      this.deps.repo.topByYear(options),
      this.deps.repo.topByGenre(options),
      this.deps.repo.trending({ ...options, since: new Date(now.getTime() - TRENDING_WINDOW_MS) }),
      this.deps.growers.top({ ...options, minPairs: GROWERS_MIN_PAIRS }),
    ]);
    const charts = new Map<string, CachedChart>();
    charts.set('all-time', toChart(null, allTime, priorMean));
    charts.set('trending', toChart(null, trending, priorMean));
    charts.set('growers', toChart(null, growers, priorMean));
    const years = groupBy(byYear);
    for (const [year, rows] of years) charts.set(`year:${year}`, toChart(Number(year), rows, priorMean));
    const genres = groupBy(byGenre);
    for (const [genre, rows] of genres) charts.set(`genre:${genre.toLowerCase()}`, toChart(genre, rows, priorMean));

    const snapshot: ChartsSnapshot = {
      meta: { computedAt: now.toISOString(), priorMean, priorWeight: CHART_PRIOR_WEIGHT, minCount: CHART_MIN_COUNT },
      facets: {
        years: [...years.keys()].map(Number).sort((a, b) => b - a),
        genres: [...genres.keys()].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })),
      },
      charts,
      albums: await this.summaries([...allTime, ...trending, ...growers, ...byYear, ...byGenre].map((r) => String(r.album_id))),
    };
    await this.deps.cache.write(snapshot);
    return { charts: charts.size, albums: snapshot.albums.size };
  }

  private async summaries(ids: string[]): Promise<Map<string, AlbumSummary>> {
    const unique = [...new Set(ids)];
    const out = new Map<string, AlbumSummary>();
    for (let i = 0; i < unique.length; i += SUMMARY_CHUNK) {
      for (const row of await this.deps.catalog.albumSummaries(unique.slice(i, i + SUMMARY_CHUNK))) out.set(String(row.id), presentAlbumSummary(row));
    }
    return out;
  }
}

function toChart(label: string | number | null, rows: (RankedRow | GrowerRow)[], priorMean: number): CachedChart {
  return {
    label,
    entries: rows.map((r, i) => ({
      rank: i + 1,
      albumId: String(r.album_id),
      stats: presentStats(r, priorMean),
      ...(r.recent === undefined ? {} : { recentCount: Number(r.recent) }),
      ...('pairs' in r ? { growth: { meanRise: r.mean_rise, pairs: r.pairs } } : {}),
    })),
  };
}

/** Rows arrive ordered by bucket then rank; keeps that order per bucket. */
function groupBy(rows: PartitionedRow[]): Map<string, PartitionedRow[]> {
  const out = new Map<string, PartitionedRow[]>();
  for (const row of rows) {
    const key = String(row.bucket);
    if (!out.has(key)) out.set(key, []);
    out.get(key)!.push(row);
  }
  return out;
}
