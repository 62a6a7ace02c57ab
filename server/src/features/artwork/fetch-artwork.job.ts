import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import { IdSchema } from '@muse/shared';
import { defineJob } from '../../jobs/job-definition';
import type { JobDeps } from '../../jobs/job-deps';
import { ImageRefusedError } from './image-download';

/**
 * Fetches an album's cover once into the blob store, at each width pages need, and records the
 * keys on the album. A cover the source refuses or that is not a usable image fails at once
 * (retrying cannot fix it); timeouts, 5xx and a store that is down are retried with the queue's
 * backoff.
 */
export const fetchArtworkJob = defineJob({
  name: 'fetch-artwork',
  queue: 'artwork',
  schema: z.object({ albumId: IdSchema, sourceUrl: z.string().max(2048).optional() }),
  createHandler: (deps: Pick<JobDeps, 'artwork'>) => async (payload, ctx) => {
    try {
      const outcome = await deps.artwork.storeCover(payload.albumId, payload.sourceUrl);
      ctx.logger.info({ albumId: payload.albumId, outcome }, 'album artwork');
    } catch (err) {
      if (err instanceof ImageRefusedError) throw new UnrecoverableError(err.message);
      throw err;
    }
  },
});

/** One fetch per album: BullMQ refuses ids that are bare integers, hence the prefix. */
export const fetchArtworkJobId = (albumId: string): string => `artwork-${albumId}`;
