import type { Redis } from 'ioredis';
import type { Knex } from 'knex';
import type { DocumentStore } from '../../docstore/document-store.port';
import type { JobQueues } from '../../jobs/queues';
import type { DomainEventPublisher } from '../../realtime/domain-events';
import { ActivityDefaultsRepo } from '../activity/activity-defaults.repo';
import { ActivityRecorder, recordingDocumentStore } from '../activity/activity-recorder';
import { MutesRepo } from '../mutes/mutes.repo';
import { MutesService } from '../mutes/mutes.service';
import { FeedFanOut } from './feed-fan-out';
import { feedFanOutJob } from './feed-fan-out.job';
import { FeedRepo } from './feed.repo';
import { FeedService } from './feed.service';
import { FriendsRatingsRepo } from './friends-ratings.repo';
import { FriendsRatingsService } from './friends-ratings.service';
import { TimelineStore } from './timeline.store';

/** The feed, its fan-out, mutes and "popular with friends". */
export interface FeedServices {
  activityRecorder: ActivityRecorder;
  feed: FeedService;
  feedFanOut: FeedFanOut;
  friendsRatings: FriendsRatingsService;
  mutes: MutesService;
  timelines: TimelineStore;
}

export interface FeedServicesInput {
  knex: Knex;
  redis: Redis;
  prefix: string;
  /** The raw document store. */
  docs: DocumentStore;
  queues: JobQueues;
  events: DomainEventPublisher;
}

/**
 * Wires the feed. `docs` is the document store every feature should append through: its
 * activity log is the recorder, so each recorded activity gets its default visibility and a
 * fan-out job keyed by its id.
 */
export function createFeedServices(input: FeedServicesInput): FeedServices & { docs: DocumentStore } {
  const { knex, redis, prefix, queues, events } = input;
  const log = input.docs.activity;
  const defaults = new ActivityDefaultsRepo(knex);
  const activityRecorder = new ActivityRecorder({
    log,
    actorFacts: (actorId) => defaults.actorFacts(actorId),
    fanOut: async (activity) => {
      await queues.enqueue(feedFanOutJob, { activityId: activity.id }, { jobId: `fan-out-${activity.id}` });
    },
  });
  const repo = new FeedRepo(knex);
  const timelines = new TimelineStore(redis, prefix);
  return {
    docs: recordingDocumentStore(input.docs, activityRecorder),
    activityRecorder,
    feed: new FeedService({ repo, log, timelines }),
    feedFanOut: new FeedFanOut({ repo, log, timelines, events }),
    friendsRatings: new FriendsRatingsService(new FriendsRatingsRepo(knex)),
    mutes: new MutesService(new MutesRepo(knex)),
    timelines,
  };
}
