import type { DiaryEntryView, Page } from '@muse/shared';
import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { catalogKeys } from '../../../lib/query-keys';

/** Deletes one of the viewer's own diary entries (its review, if any, stays). */
export async function deleteDiaryEntry({ id }: { id: string; albumId: string }): Promise<void> {
  await api.delete<void>(`/api/diary/${encodeURIComponent(id)}`);
}

/** Mutation that deletes an entry, drops it from every cached diary and refreshes its album page. */
export function useDeleteDiaryEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteDiaryEntry,
    onSuccess: async (_result, { id, albumId }) => {
      queryClient.setQueriesData<InfiniteData<Page<DiaryEntryView>>>({ queryKey: catalogKeys.users }, (data) =>
        data && Array.isArray(data.pages)
          ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.filter((entry) => entry.id !== id) })) }
          : data,
      );
      await queryClient.invalidateQueries({ queryKey: catalogKeys.album(albumId) });
    },
  });
}
