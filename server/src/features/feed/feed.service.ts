import { createHash } from 'node:crypto';
import type { FeedItem, FeedPage, FeedQuery } from '@muse/shared';
import type { Activity, ActivityRepository } from '../../docstore/document-store.port';
import { isFeedActivity } from '../../lib/feed-activity';
import { decodeOptionalCursor } from '../../lib/pagination';
import type { ActivityLookupsReadModel, FeedLookups } from './activity-lookups.read-model';
import { ACTIVITY_CURSOR, ActivityCursorKey, batchSize, collectActivityPage } from './activity-pager';
import { mergeSources, pullSource, timelineSource, type CandidateSource } from './feed-sources';
import { feedView, lookupRequest } from './feed-view';
import type { FeedRepo } from './feed.repo';
import { idTime, type TimelineStore } from './timeline.store';
import { FEED_PAGE_PULLED_TTL_SECONDS, FEED_PAGE_TTL_SECONDS, type FeedPageCache } from './feed-page.cache';
import { JsonText } from '../../http/json-text';

/**
 * Accounts with more followers than this are not pushed to timelines; their activity is merged
 * on read. Also written into the feed's viewer query and its partial index users_big_accounts_idx.
 */
export const PUSH_MAX_FOLLOWERS = 5000;
/** How much recent activity a cold timeline is rebuilt with. */
const REBUILD_SIZE = 200;

/** Names a set of followees compactly, to notice when the one a timeline was built for changed. */
function graphFingerprint(actorIds: string[]): string {
  return createHash('sha1')
    .update([...actorIds].sort().join(','))
    .digest('base64url');
}

export interface FeedServiceDeps {
  repo: FeedRepo;
  lookups: ActivityLookupsReadModel;
  log: ActivityRepository;
  timelines: TimelineStore;
  pages: FeedPageCache;
}

/** One live feed item for one follower. */
export interface LiveDelivery {
  userId: string;
  item: FeedItem;
}

/**
 * The home feed: activity of the people the viewer follows, newest first, grouped, filtered
 * at read time by visibility, follows, blocks, mutes, hidden content and "hide unlogged takes".
 */
export class FeedService {
  constructor(private readonly deps: FeedServiceDeps) {}

  /**
   * One page of the viewer's feed as JSON, kept while nothing it depends on changes (see
   * `FeedPageCache`); a bad cursor is a 400.
   */
  async pageJson(viewerId: string, query: FeedQuery): Promise<JsonText> {
    const before = decodeOptionalCursor(query.cursor, ACTIVITY_CURSOR, ActivityCursorKey)?.[0];
    const kept = await this.deps.pages.read(viewerId, before, query.limit);
    if (kept.hit) return new JsonText(kept.json);
    const dependsOn = new Set<string>([viewerId]);
    const { page, pulls } = await this.compute(viewerId, query, before, dependsOn);
    const json = JSON.stringify(page);
    const ttlSeconds = pulls ? FEED_PAGE_PULLED_TTL_SECONDS : FEED_PAGE_TTL_SECONDS;
    await this.deps.pages.store(viewerId, before, query.limit, { start: kept.start, dependsOn, json, ttlSeconds });
    return new JsonText(json);
  }

  /** Reads the page; `dependsOn` gathers everyone whose change could alter it. */
  private async compute(viewerId: string, query: FeedQuery, before: string | undefined, dependsOn: Set<string>): Promise<{ page: FeedPage; pulls: boolean }> {
    const batch = batchSize(query.limit);
    const [ctx, timeline] = await Promise.all([this.deps.repo.viewerContext(viewerId), this.deps.timelines.touchAndPage(viewerId, before, batch)]);
    const pulled = [...ctx.pulled];
    const pushed = [...ctx.followees].filter((id) => !ctx.pulled.has(id));
    for (const id of pulled) dependsOn.add(id);
    // A change of followees since the build tops the timeline up once, which brings a new
    // followee's recent activity in; what an unfollow or block takes away is filtered at read.
    const graph = graphFingerprint(pushed);
    const fresh = timeline !== null && timeline.graph === graph;
    if (!fresh) await this.rebuild(viewerId, pushed, graph);
    const first = fresh ? { before, count: batch, page: timeline.page } : undefined;
    const sources: CandidateSource[] = [timelineSource(this.deps.timelines, this.deps.log, viewerId, pushed, first)];
    if (pulled.length) sources.push(pullSource(this.deps.log, pulled));
    const present = async (activities: Activity[]) => {
      const look = await this.deps.lookups.lookups(lookupRequest(activities, ctx.hideUnloggedTakes ? viewerId : null));
      for (const id of peopleBehind(activities, look)) dependsOn.add(id);
      return activities.map((a) => feedView(ctx, a, look));
    };
    const page = await collectActivityPage({ source: mergeSources(sources), present, before, limit: query.limit, batch });
    return { page, pulls: pulled.length > 0 };
  }

  /**
   * Builds a missing timeline, or tops up one built for another set of followees, from the
   * document store (opened first, so pushes made meanwhile land in it).
   */
  async rebuild(viewerId: string, actorIds: string[], graph = graphFingerprint(actorIds)): Promise<void> {
    await this.deps.timelines.open(viewerId, graph);
    if (actorIds.length === 0) return;
    const recent = await this.deps.log.listByActors(actorIds, { limit: REBUILD_SIZE });
    await this.deps.timelines.fill(
      viewerId,
      recent.filter(isFeedActivity).map((a) => ({ id: a.id, time: idTime(a.id) })),
    );
  }

  /** The feed item each of these followers may see for a new activity (none for the rest). */
  async liveItems(activityId: string, userIds: string[]): Promise<LiveDelivery[]> {
    const [activity] = await this.deps.log.getByIds([activityId]);
    if (!activity || !isFeedActivity(activity)) return [];
    const look = await this.deps.lookups.lookups(lookupRequest([activity]));
    // Whether each follower may see the review a like or comment is about needs their tie to its author too.
    const reviewAuthor = activity.subject?.kind === 'review' ? look.reviews.get(activity.subject.id)?.user_id : undefined;
    const playlistOwner = activity.subject?.kind === 'playlist' ? look.playlists.get(activity.subject.id)?.view.owner.id : undefined;
    const others = [reviewAuthor, playlistOwner].filter((id): id is string => id !== undefined);
    const contexts = await this.deps.repo.followerContexts(userIds, activity.actorId, others);
    if (contexts.length === 0) return [];
    const albumId = albumOf(activity, look);
    const hiders = contexts.filter((c) => c.hideUnloggedTakes).map((c) => c.viewerId);
    const loggers = albumId && hiders.length ? await this.deps.repo.usersWhoLogged(hiders, albumId) : new Set<string>();
    const deliveries: LiveDelivery[] = [];
    for (const ctx of contexts) {
      const view = feedView(ctx, activity, { ...look, loggedAlbums: albumId && loggers.has(ctx.viewerId) ? new Set([albumId]) : new Set() });
      if (view)
        deliveries.push({ userId: ctx.viewerId, item: { id: view.id, type: view.type, actor: view.actor, activities: [view], createdAt: view.createdAt } });
    }
    return deliveries;
  }
}

/**
 * Everyone whose change could alter how these activities show, whether they show now or not:
 * actors, followed users, the authors of reviews liked or commented on, playlist owners.
 */
function peopleBehind(activities: Activity[], look: Pick<FeedLookups, 'reviews' | 'playlists'>): string[] {
  const ids: string[] = [];
  for (const a of activities) {
    ids.push(a.actorId);
    if (a.subject?.kind === 'user') ids.push(a.subject.id);
    if (a.subject?.kind === 'review') {
      const author = look.reviews.get(a.subject.id)?.user_id;
      if (author) ids.push(author);
    }
    if (a.subject?.kind === 'playlist') {
      const owner = look.playlists.get(a.subject.id)?.view.owner.id;
      if (owner) ids.push(owner);
    }
  }
  return ids;
}

function albumOf(a: Activity, look: Pick<FeedLookups, 'reviews' | 'tracks'>): string | undefined {
  if (a.subject?.kind === 'album') return a.subject.id;
  if (a.subject?.kind === 'track') return look.tracks.get(a.subject.id)?.album_id;
  if (a.subject?.kind === 'review') return look.reviews.get(a.subject.id)?.album_id;
  return undefined;
}
