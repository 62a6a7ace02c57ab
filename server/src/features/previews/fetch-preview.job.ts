import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import { IdSchema } from '@muse/shared';
import { defineJob } from '../../jobs/job-definition';
import type { JobDeps } from '../../jobs/job-deps';
import { PreviewRefusedError } from './audio-download';

/**
 * Fetches a track's preview clip once into the blob store. A clip that is not audio or too big
 * fails at once (retrying cannot fix it); provider failures, timeouts, 5xx and a store that is
 * down are retried with the queue's backoff, and the last failed attempt leaves the track marked
 * as having no preview for a while.
 */
export const fetchPreviewJob = defineJob({
  name: 'fetch-preview',
  queue: 'previews',
  schema: z.object({ trackId: IdSchema }),
  createHandler: (deps: Pick<JobDeps, 'previews' | 'jobAttempts'>) => async (payload, ctx) => {
    try {
      const outcome = await deps.previews.storePreview(payload.trackId, { lastAttempt: ctx.attempt >= deps.jobAttempts });
      ctx.logger.info({ trackId: payload.trackId, outcome }, 'track preview');
    } catch (err) {
      if (err instanceof PreviewRefusedError) throw new UnrecoverableError(err.message);
      throw err;
    }
  },
});

/** One fetch per track and generation (see the track_previews migration); BullMQ refuses bare integer ids, hence the prefix. */
export const fetchPreviewJobId = (trackId: string, generation: number): string => `preview-${trackId}-${generation}`;
