import type { ConversionFixInput, ConversionReportRow, Page } from '@muse/shared';
import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { conversionKeys, conversionPath } from './conversion-keys';

/** Fixes one report row: picks a target track for it, or marks it "not on this service". */
export async function fixConversionRow({ id, index, fix }: { id: string; index: number; fix: ConversionFixInput }): Promise<ConversionReportRow> {
  return api.post<ConversionReportRow>(`${conversionPath(id)}/rows/${index}/fix`, fix);
}

/**
 * Mutation that fixes a row and puts the updated row in place in every cached page of the
 * report (whatever filter it is shown under, so it does not jump away), then re-reads the counts.
 */
export function useFixConversionRow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fixConversionRow,
    onSuccess: (row, { id }) => {
      queryClient.setQueriesData<InfiniteData<Page<ConversionReportRow>>>({ queryKey: conversionKeys.reports(id) }, (data) =>
        data ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((item) => (item.index === row.index ? row : item)) })) } : data,
      );
      void queryClient.invalidateQueries({ queryKey: conversionKeys.detail(id), exact: true });
      void queryClient.invalidateQueries({ queryKey: conversionKeys.list() });
    },
  });
}
