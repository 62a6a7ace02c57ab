import type { ImportView, ServerToClientEvents } from '@muse/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { catalogKeys } from '../../../lib/query-keys';
import { holdSocket } from '../../../lib/socket';

/**
 * Follows `import:progress` for one import: counts and status are patched into its cached
 * view as they arrive, and the full view (with its rows) is re-read when the status changes.
 */
export function useImportProgress(importId: string | null): void {
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!importId) return;
    return holdSocket((socket) => {
      const handleProgress: ServerToClientEvents['import:progress'] = ({ importId: id, status, processed, total }) => {
        if (id !== importId) return;
        const queryKey = catalogKeys.import(id);
        const before = queryClient.getQueryData<ImportView>(queryKey);
        queryClient.setQueryData<ImportView>(queryKey, (view) => (view ? { ...view, status, processed, total } : view));
        if (!before || before.status !== status) void queryClient.invalidateQueries({ queryKey, exact: true });
        // A finished import changed ratings and the diary: whatever of them is cached is out of date.
        if (status === 'done' && before?.status !== 'done') {
          void queryClient.invalidateQueries({ queryKey: catalogKeys.users });
          void queryClient.invalidateQueries({ queryKey: catalogKeys.albums });
        }
      };
      socket.on('import:progress', handleProgress);
      return () => {
        socket.off('import:progress', handleProgress);
      };
    });
  }, [importId, queryClient]);
}
