import type { ProfileActivityPage } from '@muse/shared';
import type { Activity, ActivityRepository } from '../../docstore/document-store.port';
import { collectActivityPage } from '../feed/activity-pager';
import { pullSource } from '../feed/feed-sources';
import { activityView, lookupRequest, type ActivityAudience } from '../feed/feed-view';
import type { ActivityLookupsReadModel } from '../feed/activity-lookups.read-model';
import type { SocialGraphReadModel } from '../social/social-graph.read-model';
import type { ProfileAccess } from './profile-access';
import type { ProfileUserRow } from './profile-users.read-model';

export interface ProfileActivityDeps {
  access: ProfileAccess;
  graph: SocialGraphReadModel;
  /** The feed's lookups, so a profile presents activities exactly as the feed does. */
  lookups: ActivityLookupsReadModel;
  log: ActivityRepository;
}

const NOTHING: ProfileActivityPage = { items: [], nextCursor: null };

/**
 * One user's own activity stream on their profile. A viewer who may not see the profile (a
 * private one they do not follow, or a suspended account's) gets nothing; otherwise each
 * activity passes the same rules as in the feed, minus what only a feed reader chooses
 * (follows, mutes, unlogged takes). A block leaves what a signed-out visitor sees, as the
 * profile itself does.
 */
export class ProfileActivity {
  constructor(private readonly deps: ProfileActivityDeps) {}

  async page(viewerId: string | null, owner: ProfileUserRow, before: string | undefined, limit: number): Promise<ProfileActivityPage> {
    const ownerId = String(owner.id);
    const { visible } = await this.deps.access.of(viewerId, owner);
    if (!visible) return NOTHING;
    // The viewer's follows and blocks reach past the owner: reviews liked or commented on (which
    // the viewer may see only as the review's own visibility allows) and people followed.
    const [followees, blocked] = viewerId ? await Promise.all([this.deps.graph.followeeIds(viewerId), this.deps.graph.blockedIds(viewerId)]) : [[], []];
    const audience: ActivityAudience = { viewerId, followees: new Set(followees), blocked: new Set(blocked) };
    const present = async (activities: Activity[]) => {
      const look = await this.deps.lookups.lookups(lookupRequest(activities));
      return activities.map((a) => activityView(audience, a, look));
    };
    return collectActivityPage({ source: pullSource(this.deps.log, [ownerId]), present, before, limit });
  }
}
