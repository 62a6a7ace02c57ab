import type { ServerToClientEvents, ServiceImportView } from '@muse/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { holdSocket } from '../../../lib/socket';
import { serviceImportKeys } from './service-import-keys';

/**
 * Follows `service-import:progress` for one import: counts, status and the playlist are patched
 * into its cached view as they arrive, and the whole view is read again when the status changes
 * (the counts of linked tracks and the message come with it) or the playlist's name is first known.
 */
export function useServiceImportProgress(importId: string | null): void {
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!importId) return;
    return holdSocket((socket) => {
      const handleProgress: ServerToClientEvents['service-import:progress'] = ({ importId: id, status, processed, total, playlistId }) => {
        if (id !== importId) return;
        const queryKey = serviceImportKeys.detail(id);
        const before = queryClient.getQueryData<ServiceImportView>(queryKey);
        queryClient.setQueryData<ServiceImportView>(queryKey, (view) =>
          view ? { ...view, status, processed, total, playlistId: playlistId ?? view.playlistId } : view,
        );
        // The playlist's name comes with the first page: the view is read again for it once.
        const nameArrived = before !== undefined && before.sourceName === null && processed > 0;
        if (!before || before.status !== status || nameArrived) void queryClient.invalidateQueries({ queryKey, exact: true });
      };
      socket.on('service-import:progress', handleProgress);
      return () => {
        socket.off('service-import:progress', handleProgress);
      };
    });
  }, [importId, queryClient]);
}
