import { CHART_MIN_COUNT, CHART_PRIOR_WEIGHT, type AlbumSummary, type Chart, type ChartQuery } from '@muse/shared';
import type { CachedChart, ChartsMeta } from './charts.cache';

/** A chart as the page shows it; an uncached chart is empty with `computedAt: null`. */
export function presentChart(query: ChartQuery, cached: { meta: ChartsMeta; chart: CachedChart | null; albums: Map<string, AlbumSummary> } | null): Chart {
  const label = cached?.chart?.label;
  const minCount = cached?.meta.minCount ?? CHART_MIN_COUNT;
  return {
    kind: query.kind,
    year: query.kind === 'year' ? (query.year ?? null) : null,
    genre: query.kind === 'genre' ? (typeof label === 'string' ? label : (query.genre?.trim() ?? null)) : null,
    computedAt: cached?.meta.computedAt ?? null,
    priorMean: cached?.meta.priorMean ?? 0,
    priorWeight: cached?.meta.priorWeight ?? CHART_PRIOR_WEIGHT,
    minCount,
    items: (cached?.chart?.entries ?? []).flatMap((e) => {
      const album = cached!.albums.get(e.albumId);
      // An album deleted between ranking and summary lookup is left out rather than shown as a hole.
      if (!album) return [];
      // Trending ranks by this week's ratings and growers by relisten pairs (with their own
      // minimum), not by the score the threshold protects.
      const provisional = query.kind !== 'trending' && query.kind !== 'growers' && e.stats.count < minCount;
      const extra = { ...(e.recentCount === undefined ? {} : { recentCount: e.recentCount }), ...(e.growth ? { growth: e.growth } : {}) };
      return [{ rank: e.rank, album, stats: e.stats, ...extra, provisional }];
    }),
  };
}
