import { z } from 'zod';
import { IdSchema } from '@muse/shared';
import { defineJob } from '../../jobs/job-definition';
import type { JobDeps } from '../../jobs/job-deps';

/** A party was announced or started: tell the host's followers (or a private party's invitees). */
export const partyNotificationJob = defineJob({
  name: 'party-notification',
  queue: 'notifications',
  schema: z.object({ partyId: IdSchema, event: z.enum(['announced', 'started']) }),
  createHandler: (deps: Pick<JobDeps, 'notifications' | 'partyNotices'>) => async (payload, ctx) => {
    const notices = await deps.partyNotices.build(payload.partyId, payload.event);
    // Each create is idempotent (dedupe key), so a retried job tells nobody twice.
    for (const notice of notices) await deps.notifications.create(notice);
    ctx.logger.info({ ...payload, recipients: notices.length }, 'party notifications sent');
  },
});
