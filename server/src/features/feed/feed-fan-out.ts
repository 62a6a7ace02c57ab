import type { ActivityRepository } from '../../docstore/document-store.port';
import type { DomainEventPublisher } from '../../realtime/domain-events';
import { isFeedActivity } from '../../lib/feed-activity';
import { PUSH_MAX_FOLLOWERS } from './feed.service';
import type { FeedRepo } from './feed.repo';
import { idTime, type TimelineStore } from './timeline.store';
import type { FeedChangeMarks } from './feed-page.cache';

/** Followers named in one live-delivery event, so no event grows without bound. */
const LIVE_CHUNK = 500;

export interface FeedFanOutDeps {
  repo: FeedRepo;
  log: ActivityRepository;
  timelines: TimelineStore;
  events: DomainEventPublisher;
  /** A big account's activity reaches no timeline; pages that merge it on read hear of it here. */
  feedChanges: FeedChangeMarks;
}

/**
 * Fan-out on write: pushes a new activity's id into its actor's followers' timelines (unless
 * the actor has too many followers; those are merged on read) and announces it for live
 * delivery. Running it twice changes nothing but a repeated announcement.
 */
export class FeedFanOut {
  constructor(private readonly deps: FeedFanOutDeps) {}

  /** Answers how many timelines took the activity. */
  async run(activityId: string): Promise<number> {
    const [activity] = await this.deps.log.getByIds([activityId]);
    if (!activity || !isFeedActivity(activity)) return 0;
    const followers = await this.deps.repo.followersOf(activity.actorId);
    if (followers.ids.length === 0) return 0;
    const pulled = followers.count > PUSH_MAX_FOLLOWERS;
    if (pulled) await this.deps.feedChanges.changed([activity.actorId]);
    const pushed = pulled ? 0 : await this.deps.timelines.push(followers.ids, { id: activity.id, time: idTime(activity.id) });
    for (let i = 0; i < followers.ids.length; i += LIVE_CHUNK) {
      await this.deps.events.publish({ type: 'feed.activity', activityId: activity.id, userIds: followers.ids.slice(i, i + LIVE_CHUNK) });
    }
    return pushed;
  }
}
