import type { ReportPage, ReportResolveInput, ReportView } from '@muse/shared';
import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { socialKeys } from '../../../lib/query-keys';
import { suspendedAccountsQueryKey } from './get-suspended-accounts';

/** Hides the content, dismisses the report or suspends the author; answers the resolved report. */
export async function resolveReport({ id, ...input }: ReportResolveInput & { id: string }): Promise<ReportView> {
  return api.post<ReportView>(`/api/admin/reports/${encodeURIComponent(id)}/resolve`, input);
}

/**
 * Mutation resolving a report; it leaves the open queue at once and the other tabs are read
 * again, as is the suspended accounts list after a suspension.
 */
export function useResolveReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resolveReport,
    onSuccess: (_, { id, action }) => {
      queryClient.setQueryData<InfiniteData<ReportPage, string | null>>(socialKeys.reports('open'), (list) =>
        list ? { ...list, pages: list.pages.map((page) => ({ ...page, items: page.items.filter((report) => report.id !== id) })) } : list,
      );
      void queryClient.invalidateQueries({ queryKey: socialKeys.reports('actioned') });
      void queryClient.invalidateQueries({ queryKey: socialKeys.reports('dismissed') });
      if (action === 'suspend_author') void queryClient.invalidateQueries({ queryKey: suspendedAccountsQueryKey });
    },
  });
}
