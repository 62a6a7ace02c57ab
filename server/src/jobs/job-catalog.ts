import type { JobDefinition } from './job-definition';
import { welcomeNotificationJob } from '../features/notifications/welcome-notification.job';

/** Every job type the worker runs. A job missing here cannot be processed. */
export const JOB_CATALOG: ReadonlyArray<JobDefinition<any, any>> = [welcomeNotificationJob];
