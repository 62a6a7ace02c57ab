import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { catalogKeys } from '../../../lib/query-keys';

/** The years and genres that have charts (and that search can filter by). */
export interface ChartFacets {
  years: number[];
  genres: string[];
}

/** Which years and genres the catalog has. */
export async function getChartFacets(): Promise<ChartFacets> {
  return api.get<ChartFacets>('/api/charts/facets');
}

/** Query options for the chart facets; they change rarely. */
export function getChartFacetsQueryOptions() {
  return queryOptions({ queryKey: catalogKeys.chartFacets(), queryFn: getChartFacets, staleTime: 30 * 60_000 });
}

/** The chart facets. */
export function useChartFacets() {
  return useQuery(getChartFacetsQueryOptions());
}
