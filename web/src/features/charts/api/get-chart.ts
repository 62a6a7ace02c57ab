import type { Chart, ChartQuery } from '@muse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { catalogKeys } from '../../../lib/query-keys';
import { toQueryString } from '../../../lib/query-params';

/** What a chart is asked for: its kind and, for "year" and "genre", which one. */
export interface ChartParams {
  kind: ChartQuery['kind'];
  year?: number;
  genre?: string;
  limit?: number;
}

/** A ranked chart, as the worker last computed it (the API serves it from Redis). */
export async function getChart(params: ChartParams): Promise<Chart> {
  return api.get<Chart>(`/api/charts${toQueryString({ ...params })}`);
}

/** Query options for one chart. */
export function getChartQueryOptions(params: ChartParams) {
  return queryOptions({
    queryKey: catalogKeys.chart({ kind: params.kind, year: params.year, genre: params.genre, limit: params.limit }),
    queryFn: () => getChart(params),
    staleTime: 5 * 60_000,
  });
}

/** One chart; idle while a "year" or "genre" chart has no year or genre yet. */
export function useChart(params: ChartParams) {
  const complete = (params.kind !== 'year' || params.year !== undefined) && (params.kind !== 'genre' || !!params.genre);
  return useQuery({ ...getChartQueryOptions(params), enabled: complete });
}
