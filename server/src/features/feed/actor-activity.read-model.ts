import type { FeedPage } from '@muse/shared';
import type { Activity, ActivityRepository } from '../../docstore/document-store.port';
import { decodeOptionalCursor } from '../../lib/pagination';
import type { SocialGraphReadModel } from '../social/social-graph.read-model';
import type { ActivityLookupsReadModel } from './activity-lookups.read-model';
import { ACTIVITY_CURSOR, ActivityCursorKey, collectActivityPage } from './activity-pager';
import { pullSource } from './feed-sources';
import { activityView, lookupRequest, type ActivityAudience } from './feed-view';

export interface ActorActivityDeps {
  graph: Pick<SocialGraphReadModel, 'followeeIds' | 'blockedIds'>;
  lookups: ActivityLookupsReadModel;
  log: ActivityRepository;
}

/**
 * One user's own activity stream as a viewer may see it, grouped and paged as the feed is: the
 * feed's seam for profile pages, so that they present activities exactly as the feed does. Each
 * activity passes the rules every viewer is held to (`activityView`), minus what only a feed
 * reader chooses (follows, mutes, unlogged takes); a block leaves what a signed-out visitor
 * sees. Whether the viewer may see the actor's profile at all is the caller's to decide.
 */
export class ActorActivityReadModel {
  constructor(private readonly deps: ActorActivityDeps) {}

  /** The activity id a page cursor continues below (undefined for the first page); a bad cursor is a 400. */
  before(cursor: string | undefined): string | undefined {
    return decodeOptionalCursor(cursor, ACTIVITY_CURSOR, ActivityCursorKey)?.[0];
  }

  /** One page of what `actorId` did that `viewerId` (null when signed out) may see, newest first. */
  async page(viewerId: string | null, actorId: string, before: string | undefined, limit: number): Promise<FeedPage> {
    // The viewer's follows and blocks reach past the actor: reviews liked or commented on (which
    // the viewer may see only as the review's own visibility allows) and people followed.
    const [followees, blocked] = viewerId ? await Promise.all([this.deps.graph.followeeIds(viewerId), this.deps.graph.blockedIds(viewerId)]) : [[], []];
    const audience: ActivityAudience = { viewerId, followees: new Set(followees), blocked: new Set(blocked) };
    const present = async (activities: Activity[]) => {
      const look = await this.deps.lookups.lookups(lookupRequest(activities));
      return activities.map((a) => activityView(audience, a, look));
    };
    return collectActivityPage({ source: pullSource(this.deps.log, [actorId]), present, before, limit });
  }
}
