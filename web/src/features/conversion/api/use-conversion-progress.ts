import type { ConversionProgress, ConversionView, ServerToClientEvents } from '@muse/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { holdSocket } from '../../../lib/socket';
import { conversionKeys } from './conversion-keys';

/** The live fields of a view replaced by a progress event's. */
export function applyProgress(view: ConversionView, progress: ConversionProgress): ConversionView {
  const { conversionId: _id, ...live } = progress;
  return { ...view, ...live };
}

/**
 * Follows `conversion:progress` for one conversion: phase, counts, current track and rate-limit
 * waits are patched into its cached view as they arrive; when the status changes the view, its
 * report and the history are re-read (a finished conversion has its target playlist and final rows).
 * A reloaded page reads the view first and then follows the socket from wherever it is.
 */
export function useConversionProgress(conversionId: string | null): void {
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!conversionId) return;
    return holdSocket((socket) => {
      const handleProgress: ServerToClientEvents['conversion:progress'] = (progress) => {
        if (progress.conversionId !== conversionId) return;
        const queryKey = conversionKeys.detail(conversionId);
        const before = queryClient.getQueryData<ConversionView>(queryKey);
        queryClient.setQueryData<ConversionView>(queryKey, (view) => (view ? applyProgress(view, progress) : view));
        if (!before || before.status !== progress.status) {
          void queryClient.invalidateQueries({ queryKey, exact: true });
          void queryClient.invalidateQueries({ queryKey: conversionKeys.reports(conversionId) });
          void queryClient.invalidateQueries({ queryKey: conversionKeys.list() });
        }
      };
      socket.on('conversion:progress', handleProgress);
      return () => {
        socket.off('conversion:progress', handleProgress);
      };
    });
  }, [conversionId, queryClient]);
}
