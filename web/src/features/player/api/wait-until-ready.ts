import { PREVIEW_REASON_TEXT } from '@muse/shared';
import { isApiError } from '../../../lib/api-client';
import { fetchPreviewStatuses } from '../../../lib/preview-status';
import type { ReadinessCheck } from '../engine/player-controller';

// The worker usually stores a clip within a second or two; past this the listener is told and the queue moves on.
const MAX_WAIT_MS = 30_000;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new DOMException('Aborted', 'AbortError'));
    });
  });
}

/**
 * Asks for the track's preview state until its clip is stored (the first request starts the
 * fetch), backing off from half a second; answers why not when the track has none or the fetch
 * takes too long. Stops when `signal` aborts (another track was chosen).
 */
export const waitUntilPreviewReady: ReadinessCheck = async (trackId, signal) => {
  const deadline = Date.now() + MAX_WAIT_MS;
  let wait = 500;
  for (;;) {
    let answer: Awaited<ReturnType<typeof fetchPreviewStatuses>> | 'throttled';
    try {
      answer = await fetchPreviewStatuses([trackId]);
    } catch (err) {
      if (!isApiError(err) || err.status !== 429) return { ready: false, reason: isApiError(err) ? err.detail : 'Muse could not be reached.' };
      answer = 'throttled';
    }
    if (signal.aborted) throw new DOMException('Aborted', 'AbortError');
    if (answer !== 'throttled') {
      const [status] = answer;
      if (!status) return { ready: false, reason: 'The track is not in the catalog.' };
      if (status.state === 'ready') return { ready: true };
      if (status.state === 'none') return { ready: false, reason: PREVIEW_REASON_TEXT[status.reason ?? 'not_on_services'] };
    }
    if (Date.now() + wait > deadline) return { ready: false, reason: 'The service is taking too long to send the clip. Try again in a moment.' };
    await sleep(wait, signal);
    wait = Math.min(wait * 1.5, 3000);
  }
};
