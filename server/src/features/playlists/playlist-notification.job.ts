import { z } from 'zod';
import { IdSchema } from '@muse/shared';
import { defineJob } from '../../jobs/job-definition';
import type { JobDeps } from '../../jobs/job-deps';

export const PlaylistNoticeEventSchema = z.enum(['liked', 'cloned', 'invited', 'shared']);
export type PlaylistNoticeEvent = z.infer<typeof PlaylistNoticeEventSchema>;

/** After a like, clone, invitation or share: tell the person concerned, if it still holds. */
export const playlistNotificationJob = defineJob({
  name: 'playlist-notification',
  queue: 'notifications',
  schema: z.object({
    event: PlaylistNoticeEventSchema,
    playlistId: z.string().uuid(),
    actorId: IdSchema,
    recipientId: IdSchema,
  }),
  createHandler: (deps: Pick<JobDeps, 'notifications' | 'playlistNotices'>) => async (payload, ctx) => {
    const notice = await deps.playlistNotices.build(payload.event, payload.playlistId, payload.actorId, payload.recipientId);
    if (!notice) {
      ctx.logger.info(payload, 'playlist notification skipped: withdrawn, gone or no longer visible');
      return;
    }
    await deps.notifications.create(notice);
  },
});
