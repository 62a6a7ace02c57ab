import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { failedJobsQueryKey } from './get-failed-jobs';

/** Puts a failed job back on its queue. */
export async function retryJob({ queue, id }: { queue: string; id: string }): Promise<void> {
  await api.post<void>(`/api/admin/jobs/${encodeURIComponent(queue)}/${encodeURIComponent(id)}/retry`);
}

/** Mutation that retries a job and refreshes the failed list. */
export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retryJob,
    onSettled: () => queryClient.invalidateQueries({ queryKey: failedJobsQueryKey }),
  });
}
