import type { DiaryEntryCreateSchema, DiaryEntryView } from '@muse/shared';
import type { z } from 'zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateAfterListen } from './invalidate-after-listen';

/** Logs a listen in the diary (`POST /api/diary`), with an optional rating and no review text. */
export async function logListen(input: z.input<typeof DiaryEntryCreateSchema>): Promise<DiaryEntryView> {
  return api.post<DiaryEntryView>('/api/diary', input);
}

/** Mutation that logs a listen and refreshes the album page and the diary. */
export function useLogListen() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logListen,
    onSuccess: (entry) => invalidateAfterListen(queryClient, entry.album.id),
  });
}
