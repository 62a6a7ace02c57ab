import { z } from 'zod';
import type { Page, PlaylistDiscoverQuery, PlaylistListQuery, PlaylistSummary, UserPlaylistListQuery } from '@muse/shared';
import { AppError } from '../../lib/app-error';
import { cutPage, decodeOptionalCursor, encodeCursor, InstantKey, rowsToRead, UuidKey } from '../../lib/pagination';
import type { PlaylistDocument, PlaylistFilter, PlaylistListOptions, PlaylistRepository } from '../../docstore/playlist-store.port';
import { canSeePlaylist, type PlaylistViewer } from './playlist-access';
import type { PlaylistPeopleRepo, PlaylistPerson } from './playlist-people.repo';
import type { PlaylistStatsRepo } from './playlist-stats.repo';
import type { PlaylistViews } from './playlist-views';

/** Covers shown on a card come from the first entries. */
const COVER_ENTRIES = 8;
/** "Most liked this week". */
const POPULAR_DAYS = 7;

const TIME_CURSOR = 'playlists';
const TimeCursorKey = z.tuple([InstantKey, UuidKey]);
/**
 * How long a "most liked this week" ranking is reused while no new like comes in: ranking a
 * week of likes reads every one of them (tens of milliseconds on the scale data set), and a
 * withdrawn like or one leaving the week may wait this long to show.
 */
export const POPULAR_REUSE_MS = 60_000;
/** Rankings (one per page asked for) one process keeps. */
const POPULAR_PAGES_KEPT = 50;
const RANK_CURSOR = 'playlists-rank';
const RankCursorKey = z.tuple([z.number().int().min(0).max(100_000)]);

export interface PlaylistListsDeps {
  store: PlaylistRepository;
  people: PlaylistPeopleRepo;
  stats: PlaylistStatsRepo;
  views: PlaylistViews;
  followeeIds(userId: string): Promise<string[]>;
  /** The id of the account with this handle, or null. */
  userIdByHandle(handle: string): Promise<string | null>;
  /** The clock a kept ranking's age is read from (tests give their own). */
  now?: () => number;
}

interface KeptRanking {
  ids: string[];
  /** The newest like when it was ranked: a newer one means it is out of date. */
  newestLike: string | null;
  at: number;
}

/**
 * Every list of playlists: the signed-in user's (mine, collaborating, invitations, shared with
 * me, liked), discover (newest public, most liked this week, from people I follow), a profile's,
 * and search. Each reads a page from the document store, then keeps what the viewer may see
 * under the one access rule; the cursor continues after the last document read, so a page
 * shortened by that filter never skips or repeats anything.
 */
export class PlaylistListsService {
  private readonly rankings = new Map<string, KeptRanking>();

  constructor(private readonly deps: PlaylistListsDeps) {}

  async mine(userId: string, query: PlaylistListQuery): Promise<Page<PlaylistSummary>> {
    if (query.filter === 'liked') return this.liked(userId, query);
    const base: PlaylistFilter = query.kind ? { kind: query.kind } : {};
    const filter: PlaylistFilter =
      query.filter === 'mine'
        ? { ...base, ownerIds: [userId] }
        : query.filter === 'collaborating'
          ? { ...base, collaborator: userId }
          : query.filter === 'invited'
            ? { ...base, invited: userId }
            : { ...base, sharedWith: userId, visibilities: ['people'] };
    return this.byTime(filter, 'updated', query, userId);
  }

  async discover(viewerId: string | null, query: PlaylistDiscoverQuery): Promise<Page<PlaylistSummary>> {
    const kind = query.kind ? { kind: query.kind } : {};
    if (query.section === 'popular') return this.popular(viewerId, query);
    if (query.section === 'following') {
      if (!viewerId) throw AppError.unauthenticated('Sign in to see playlists from people you follow.');
      const followees = await this.deps.followeeIds(viewerId);
      return this.byTime({ ...kind, ownerIds: followees, visibilities: ['public', 'followers', 'people'] }, 'updated', query, viewerId);
    }
    return this.byTime({ ...kind, visibilities: ['public'] }, 'created', query, viewerId);
  }

  /** A profile's playlists the viewer may see: never link-only ones, and private ones only for the owner. */
  async ofUser(handle: string, viewerId: string | null, query: UserPlaylistListQuery): Promise<Page<PlaylistSummary>> {
    const ownerId = await this.deps.userIdByHandle(handle);
    if (!ownerId) throw AppError.notFound('User');
    const visibilities: PlaylistFilter['visibilities'] =
      viewerId === ownerId ? ['public', 'followers', 'people', 'private', 'link'] : ['public', 'followers', 'people'];
    return this.byTime({ ownerIds: [ownerId], visibilities, ...(query.kind ? { kind: query.kind } : {}) }, 'updated', query, viewerId);
  }

  /** Public playlists whose title holds every word of the query. */
  async search(text: string, viewerId: string | null, limit: number): Promise<PlaylistSummary[]> {
    if (!text.trim()) return [];
    // Search results show no covers, so no entries are read for them.
    const docs = await this.deps.store.list({ visibilities: ['public'], titleQuery: text }, { sort: 'updated', limit: limit * 2 });
    return (await this.visibleSummaries(docs, viewerId)).slice(0, limit);
  }

  private async byTime(
    filter: PlaylistFilter,
    sort: PlaylistListOptions['sort'],
    query: { cursor?: string; limit: number },
    viewerId: string | null,
  ): Promise<Page<PlaylistSummary>> {
    const after = decodeOptionalCursor(query.cursor, TIME_CURSOR, TimeCursorKey);
    const docs = await this.deps.store.list(filter, {
      sort,
      limit: rowsToRead(query.limit),
      entries: COVER_ENTRIES,
      ...(after ? { after: { at: new Date(after[0]), id: after[1] } } : {}),
    });
    const { shown, continueAfter: last } = cutPage(docs, query.limit);
    const at = (d: PlaylistDocument) => (sort === 'updated' ? d.updatedAt : d.createdAt);
    return {
      items: await this.visibleSummaries(shown, viewerId),
      nextCursor: last ? encodeCursor(TIME_CURSOR, [at(last).toISOString(), last.id]) : null,
    };
  }

  private async liked(userId: string, query: PlaylistListQuery): Promise<Page<PlaylistSummary>> {
    const after = decodeOptionalCursor(query.cursor, TIME_CURSOR, TimeCursorKey);
    const likes = await this.deps.stats.likedBy(userId, after ? { at: after[0], id: after[1] } : undefined, rowsToRead(query.limit));
    const { shown, continueAfter: last } = cutPage(likes, query.limit);
    const docs = await this.docsInOrder(shown.map((l) => l.id));
    return {
      items: await this.visibleSummaries(query.kind ? docs.filter((d) => d.kind === query.kind) : docs, userId),
      nextCursor: last ? encodeCursor(TIME_CURSOR, [last.at, last.id]) : null,
    };
  }

  private async popular(viewerId: string | null, query: PlaylistDiscoverQuery): Promise<Page<PlaylistSummary>> {
    const offset = decodeOptionalCursor(query.cursor, RANK_CURSOR, RankCursorKey)?.[0] ?? 0;
    const ids = await this.ranking(offset, rowsToRead(query.limit));
    const { shown, continueAfter } = cutPage(ids, query.limit);
    const docs = (await this.docsInOrder(shown)).filter((d) => d.visibility === 'public' && (!query.kind || d.kind === query.kind));
    return {
      items: await this.visibleSummaries(docs, viewerId),
      nextCursor: continueAfter !== undefined ? encodeCursor(RANK_CURSOR, [offset + shown.length]) : null,
    };
  }

  /**
   * Ids of the most liked playlists this week, from `offset`: the same ranking as a moment ago
   * when no like has come in since and it is younger than POPULAR_REUSE_MS, else ranked anew.
   */
  private async ranking(offset: number, limit: number): Promise<string[]> {
    const now = (this.deps.now ?? Date.now)();
    const key = `${offset}:${limit}`;
    const newestLike = await this.deps.stats.newestLikeAt();
    const kept = this.rankings.get(key);
    if (kept && kept.newestLike === newestLike && now - kept.at < POPULAR_REUSE_MS) return kept.ids;
    const ids = await this.deps.stats.mostLikedSince(POPULAR_DAYS, offset, limit);
    this.rankings.delete(key);
    this.rankings.set(key, { ids, newestLike, at: now });
    if (this.rankings.size > POPULAR_PAGES_KEPT) this.rankings.delete(this.rankings.keys().next().value!);
    return ids;
  }

  private async docsInOrder(ids: string[]): Promise<PlaylistDocument[]> {
    if (!ids.length) return [];
    const docs = await this.deps.store.list({ ids }, { sort: 'updated', limit: ids.length, entries: COVER_ENTRIES });
    const byId = new Map(docs.map((d) => [d.id, d]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** Keeps what the viewer may see (one people read for the whole page) and presents it. */
  private async visibleSummaries(docs: PlaylistDocument[], viewerId: string | null): Promise<PlaylistSummary[]> {
    if (!docs.length) return [];
    // The people and the counts are read side by side: one round trip instead of two.
    const [{ people, viewer }, counts] = await Promise.all([
      this.deps.people.people(
        docs.map((d) => d.ownerId),
        viewerId,
      ),
      this.deps.stats.countsFor(
        docs.map((d) => d.id),
        viewerId,
      ),
    ]);
    const visible = docs.filter((d) => canSeePlaylist(d, people.get(d.ownerId), viewer as PlaylistViewer));
    return this.deps.views.summariesWith(visible, people as Map<string, PlaylistPerson>, counts);
  }
}
