import { z } from 'zod';
import {
  valueToStars,
  type AlbumSummary,
  type FollowSuggestions,
  type Recommendation,
  type RecommendationDismissInput,
  type RecommendationPage,
  type RecommendationQuery,
  type RecommendationReason,
  type SimilarAlbums,
} from '@muse/shared';
import { AppError } from '../../lib/app-error';
import type { Logger } from '../../lib/logger';
import { decodeOptionalCursor, encodeCursor } from '../../lib/pagination';
import { MAX_DIFF_STARS } from '../../lib/taste-compatibility';
import type { CatalogReadModel } from '../catalog/catalog.read-model';
import { presentAlbumSummary } from '../../http/presenters/catalog.presenter';
import type { NotificationsService } from '../notifications/notifications.service';
import { canSeeActivity } from '../../lib/visibility-policy';
import { diversify } from './model';
import type { CachedList, CachedPick, RebuildPhase, RecommendationsCache } from './recommendations.cache';
import type { RecItemKind, RecommendationsRepo } from './recommendations.repo';
import { type ArrayTrainer, profileFor, type TrainedKind, trainKind } from './recommendations.training';
import { trainOnThread } from './training-thread-runner';
import { yieldToEventLoop } from '../../lib/yield-to-event-loop';

export interface RecommendationsServiceDeps {
  repo: RecommendationsRepo;
  cache: RecommendationsCache;
  catalog: CatalogReadModel;
  notifications: NotificationsService;
  logger: Logger;
  /** New items in the top 10 that make a changed list worth a notification (MATERIAL_CHANGE by default). */
  notifyAfterNewItems?: number;
  /** Trains the model's arrays: on a thread of its own unless a caller says otherwise. */
  trainer?: ArrayTrainer;
}

/** Picks kept per user and kind (filters and pages choose among them). */
export const LIST_LENGTH = 50;
/** Users (or albums) scored between two yields to the event loop during a rebuild. */
const SLICE = 100;
/** Similar albums kept per album. */
export const SIMILAR_LENGTH = 12;
/** New items in the top 10 that make a refreshed list worth a notification. */
export const MATERIAL_CHANGE = 3;
/** Shared ratings needed before someone is suggested to follow. */
export const MIN_SHARED_FOR_SUGGESTION = 3;
const POPULAR_LENGTH = 200;
/** A new account's best-rated albums whose similar albums make its first list. */
const COLD_SEEDS = 20;
const CURSOR_KIND = 'recommendations';
const CURSOR_KEYS = z.tuple([z.enum(['albums', 'tracks']), z.number().int().min(0).max(LIST_LENGTH)]);

const KIND_OF: Record<RecommendationQuery['kind'], RecItemKind> = { albums: 'album', tracks: 'track' };

/**
 * Personal recommendations: the full rebuild (every list into Redis), one user's refresh after
 * new ratings, the cold computation for a user without a list, and the read endpoints, which
 * apply the exclusion rules again (ratings, listens, dismissals and mutes since the list was made).
 */
export class RecommendationsService {
  /** The latest trained models of this process, used to refresh one user between rebuilds. */
  private trained: Partial<Record<RecItemKind, TrainedKind>> = {};
  /** A training under way for a refresh in a process that has no model yet (one per kind). */
  private training: Partial<Record<RecItemKind, Promise<TrainedKind>>> = {};

  constructor(private readonly deps: RecommendationsServiceDeps) {}

  /** Trains both models and writes every user's lists, every album's similar albums and the popular lists. */
  async rebuild(): Promise<{ version: string; users: number; albums: number; tracks: number; phases: RebuildPhase[] }> {
    const version = new Date().toISOString();
    const phases: RebuildPhase[] = [];
    const mutes = new Map<string, Set<string>>();
    for (const m of await this.deps.repo.artistMutes()) {
      let set = mutes.get(m.user_id);
      if (!set) mutes.set(m.user_id, (set = new Set()));
      set.add(m.artist_id);
    }
    const users = new Set<string>();
    for (const kind of ['album', 'track'] as const) {
      const started = performance.now();
      const trained = await trainKind(this.deps.repo, kind, this.trainer);
      this.trained[kind] = trained;
      const listsStarted = performance.now();
      let pending: { userId: string; kind: RecItemKind; list: CachedList }[] = [];
      for (let u = 0; u < trained.userIds.length; u += 1) {
        if (u % SLICE === SLICE - 1) await yieldToEventLoop();
        const userId = trained.userIds[u]!;
        users.add(userId);
        const muted = mutes.get(userId);
        const exclude = muted ? this.mutedItems(trained, muted) : undefined;
        const picks = this.picksFrom(trained, trained.model.recommend(u, { k: LIST_LENGTH * 2, exclude, seed: 1 }));
        pending.push({ userId, kind, list: { version, computedAt: version, picks } });
        if (pending.length >= 500) {
          await this.writeAndNotify(pending);
          pending = [];
        }
      }
      await this.writeAndNotify(pending);
      phases.push({
        kind,
        users: trained.userIds.length,
        items: trained.itemIds.length,
        trainSeconds: seconds(listsStarted - started),
        listsSeconds: seconds(performance.now() - listsStarted),
      });
      await this.deps.cache.setPopular(kind, await this.deps.repo.popular(kind, POPULAR_LENGTH));
      if (kind === 'album') {
        let similar: { albumId: string; similar: string[] }[] = [];
        for (let i = 0; i < trained.itemIds.length; i += 1) {
          if (i % SLICE === SLICE - 1) await yieldToEventLoop();
          const found = trained.model.similarItems(i, SIMILAR_LENGTH);
          if (!found.length) continue;
          similar.push({ albumId: trained.itemIds[i]!, similar: found.map((s) => trained.itemIds[s.itemIndex]!) });
          if (similar.length >= 1000) {
            await this.deps.cache.setSimilarMany(similar);
            similar = [];
          }
        }
        await this.deps.cache.setSimilarMany(similar);
      }
    }
    await this.deps.cache.setRebuildPhases(phases);
    await this.deps.cache.setVersion(version);
    return { version, users: users.size, albums: this.trained.album?.itemIds.length ?? 0, tracks: this.trained.track?.itemIds.length ?? 0, phases };
  }

  /** When the last full rebuild finished writing (its version, an ISO time), or null before any. */
  lastRebuild(): Promise<string | null> {
    return this.deps.cache.version();
  }

  /** Recomputes one user's lists (after new ratings), and tells them when the list changed materially. */
  async refreshUser(userId: string): Promise<{ changed: boolean }> {
    let changed = false;
    for (const kind of ['album', 'track'] as const) {
      await this.ensureTrained(kind);
      const list = await this.compute(userId, kind, 'refresh');
      const before = await this.deps.cache.getList(userId, kind);
      await this.deps.cache.setList(userId, kind, list);
      if (kind === 'album' && before && materiallyChanged(before, list, this.deps.notifyAfterNewItems)) changed = true;
    }
    if (changed) await this.notify(userId);
    return { changed };
  }

  /**
   * A process started after the last rebuild (a restarted worker) has no model: the first refresh
   * trains one (on its thread, once however many refreshes wait) instead of a whole rebuild.
   */
  private async ensureTrained(kind: RecItemKind): Promise<void> {
    if (this.trained[kind]) return;
    this.training[kind] ??= trainKind(this.deps.repo, kind, this.trainer).finally(() => delete this.training[kind]);
    this.trained[kind] = await this.training[kind];
  }

  private get trainer(): ArrayTrainer {
    return this.deps.trainer ?? trainOnThread;
  }

  /** `GET /api/recommendations`: a page of the viewer's picks, filtered and explained. */
  async list(viewerId: string, query: RecommendationQuery): Promise<RecommendationPage> {
    const kind = KIND_OF[query.kind];
    const cursor = decodeOptionalCursor(query.cursor, CURSOR_KIND, CURSOR_KEYS);
    if (cursor && cursor[0] !== query.kind)
      throw AppError.badRequest('invalid_cursor', 'The page cursor is not valid.', [{ path: 'cursor', message: 'Invalid cursor' }]);
    let list = await this.deps.cache.getList(viewerId, kind);
    let computedAt: string | null = list?.computedAt ?? null;
    if (!list) {
      // A new account: computed now within budget (similar lists and popularity), then cached.
      list = await this.compute(viewerId, kind, 'cold');
      await this.deps.cache.setList(viewerId, kind, list);
      computedAt = null;
    }
    const allowed = new Set(
      await this.deps.repo.allowed(
        viewerId,
        kind,
        list.picks.map((p) => p.id),
      ),
    );
    let picks = list.picks.filter((p) => allowed.has(p.id));
    if (query.genre !== undefined || query.decade !== undefined) {
      const facts = await this.deps.repo.filterFacts(
        kind,
        picks.map((p) => p.id),
      );
      const genre = query.genre?.toLowerCase();
      picks = picks.filter((p) => {
        const f = facts.get(p.id);
        if (!f) return false;
        if (genre !== undefined && !f.genres.some((g) => g.toLowerCase() === genre)) return false;
        if (query.decade !== undefined && (f.year === null || Math.floor(f.year / 10) * 10 !== query.decade)) return false;
        return true;
      });
    }
    const offset = cursor?.[1] ?? 0;
    const page = picks.slice(offset, offset + query.limit);
    const next = offset + query.limit < picks.length ? encodeCursor(CURSOR_KIND, [query.kind, offset + query.limit]) : null;
    return { items: await this.present(viewerId, kind, page), nextCursor: next, computedAt };
  }

  /** "Not interested": remembered in Postgres, never shown again, a negative signal for the next rebuild. */
  async dismiss(userId: string, input: RecommendationDismissInput): Promise<void> {
    const [kind, id] = 'albumId' in input ? (['album', input.albumId] as const) : (['track', input.trackId] as const);
    if (!(await this.deps.repo.itemExists(kind, id))) throw AppError.notFound(kind === 'album' ? 'Album' : 'Track');
    await this.deps.repo.dismiss(userId, kind, id);
  }

  /** `GET /api/albums/:id/similar`: from the last rebuild, or by attributes before any. */
  async similar(albumId: string): Promise<SimilarAlbums> {
    if (!(await this.deps.catalog.albumExists(albumId))) throw AppError.notFound('Album');
    const ids = (await this.deps.cache.getSimilar(albumId)) ?? (await this.deps.repo.albumsLike(albumId, SIMILAR_LENGTH));
    const rows = await this.deps.catalog.albumSummaries(ids);
    return { items: rows.map(presentAlbumSummary) };
  }

  /** People who rated enough of the same albums and agree with the viewer, best agreement first. */
  async followSuggestions(viewerId: string): Promise<FollowSuggestions> {
    const rows = await this.deps.repo.followCandidates(viewerId, MIN_SHARED_FOR_SUGGESTION, 10);
    return {
      items: rows.map((r) => ({
        user: { id: r.id, handle: r.handle, displayName: r.display_name },
        sharedCount: r.shared_count,
        compatibility: Math.round(100 * (1 - valueToStars(r.abs_diff_sum / r.shared_count) / MAX_DIFF_STARS)),
      })),
    };
  }

  /** One user's list of one kind: the trained model when this process has one, else similar lists and popularity. */
  private async compute(userId: string, kind: RecItemKind, version: string): Promise<CachedList> {
    const computedAt = new Date().toISOString();
    const profile = await this.deps.repo.userProfile(userId, kind);
    const trained = this.trained[kind];
    if (trained) {
      const recs = trained.model.recommendForProfile(profileFor(trained, profile), { k: LIST_LENGTH * 2, seed: 1 });
      // A model trained before the catalog was loaded knows nothing: the lists below do better.
      if (recs.length) return { version, computedAt, picks: this.picksFrom(trained, recs) };
    }
    const seen = new Set([...profile.ratings, ...profile.listens, ...profile.dismissed].map((r) => r.item_id));
    const scores = new Map<string, CachedPick>();
    if (kind === 'album') {
      const liked = profile.ratings
        .filter((r) => r.value >= 7)
        .sort((a, b) => b.value - a.value)
        .slice(0, COLD_SEEDS);
      const similar = await this.deps.cache.getSimilarMany(liked.map((r) => r.item_id));
      // Albums no rebuild has seen yet (a catalog loaded since): their neighbours by attributes.
      for (let n = 0; n < liked.length; n += 1) similar[n] ??= await this.deps.repo.albumsLike(liked[n]!.item_id, SIMILAR_LENGTH);
      liked.forEach((r, n) => {
        (similar[n] ?? []).forEach((id, rank) => {
          if (seen.has(id)) return;
          const pick = scores.get(id) ?? { id, score: 0, because: [], source: 'similar' as const };
          pick.score += (r.value / 10) * (1 / (1 + rank));
          if (pick.because.length < 3) pick.because.push(r.item_id);
          scores.set(id, pick);
        });
      });
    }
    const picks = [...scores.values()].sort((a, b) => b.score - a.score || Number(a.id) - Number(b.id));
    const popular = (await this.deps.cache.getPopular(kind)) ?? (await this.deps.repo.popular(kind, POPULAR_LENGTH));
    for (const id of popular) {
      if (picks.length >= LIST_LENGTH) break;
      if (!seen.has(id) && !scores.has(id)) picks.push({ id, score: 0, because: [], source: 'popular' });
    }
    return { version, computedAt, picks: picks.slice(0, LIST_LENGTH) };
  }

  /** Model output → cached picks: re-ranked for diversity (no artist twice in a row of ten), ids instead of indices. */
  private picksFrom(trained: TrainedKind, recs: ReturnType<TrainedKind['model']['recommend']>): CachedPick[] {
    return diversify(recs, (i) => trained.artistOf[i], { k: LIST_LENGTH, maxPerArtist: 2 }).map((r) => ({
      id: trained.itemIds[r.itemIndex]!,
      score: Math.round(r.score * 1e6) / 1e6,
      because: r.because.map((b) => trained.itemIds[b]!),
      source: r.score > 0 ? 'model' : 'popular',
    }));
  }

  private mutedItems(trained: TrainedKind, artists: Set<string>): Set<number> {
    const out = new Set<number>();
    trained.artistOf.forEach((a, i) => {
      if (a !== undefined && artists.has(a)) out.add(i);
    });
    return out;
  }

  private async writeAndNotify(entries: { userId: string; kind: RecItemKind; list: CachedList }[]): Promise<void> {
    if (!entries.length) return;
    const albums = entries.filter((e) => e.kind === 'album');
    const before = await this.deps.cache.getLists(
      albums.map((e) => e.userId),
      'album',
    );
    await this.deps.cache.setLists(entries);
    for (let n = 0; n < albums.length; n += 1) {
      const previous = before[n];
      if (previous && materiallyChanged(previous, albums[n]!.list, this.deps.notifyAfterNewItems)) await this.notify(albums[n]!.userId);
    }
  }

  private async notify(userId: string): Promise<void> {
    try {
      await this.deps.notifications.create({
        userId,
        type: 'new_recommendations',
        title: 'New recommendations',
        body: 'New albums picked for you are waiting on Discover.',
        link: '/discover',
        // At most one a day, however often the list changes (a rebuild can change many lists at once).
        dedupeKey: `new-recommendations:${new Date().toISOString().slice(0, 10)}`,
      });
    } catch (err) {
      this.deps.logger.warn({ err, userId }, 'new recommendations notification failed');
    }
  }

  /** Explains each pick with what the viewer may see: their own ratings, followees whose ratings they may see. */
  private async present(viewerId: string, kind: RecItemKind, picks: CachedPick[]): Promise<Recommendation[]> {
    if (!picks.length) return [];
    const ids = picks.map((p) => p.id);
    const becauseIds = [...new Set(picks.flatMap((p) => p.because))];
    const [own, followees, tracks] = await Promise.all([
      this.deps.repo.ownRatings(viewerId, kind, becauseIds),
      this.deps.repo.followeesWhoLoved(viewerId, kind, ids),
      kind === 'track' ? this.deps.repo.tracks(ids) : Promise.resolve([]),
    ]);
    const trackById = new Map(tracks.map((t) => [t.id, t]));
    const albumIds = kind === 'album' ? ids : [...new Set(tracks.map((t) => t.album_id))];
    const albums = new Map((await this.deps.catalog.albumSummaries(albumIds)).map((a) => [String(a.id), presentAlbumSummary(a)]));
    const lovers = new Map<string, number>();
    for (const f of followees) {
      const visible =
        !f.blocked &&
        canSeeActivity({
          viewerId,
          actorId: f.followee_id,
          visibility: f.default_visibility,
          actorIsPrivate: f.is_private,
          viewerFollowsActor: true,
          blocked: false,
        });
      if (visible) lovers.set(f.item_id, (lovers.get(f.item_id) ?? 0) + 1);
    }
    return picks.flatMap((p) => {
      const track = kind === 'track' ? trackById.get(p.id) : undefined;
      const album: AlbumSummary | undefined = albums.get(kind === 'album' ? p.id : (track?.album_id ?? ''));
      if (!album || (kind === 'track' && !track)) return [];
      const reasons: RecommendationReason[] = [];
      for (const b of p.because) {
        const r = own.get(b);
        if (!r) continue;
        const stars = valueToStars(r.value);
        reasons.push({ kind: 'rated', text: `Because you rated ${r.title} ${stars}`, item: { kind, id: b, title: r.title }, rating: stars });
        if (reasons.length >= 2) break;
      }
      const count = lovers.get(p.id);
      if (count) reasons.push({ kind: 'followees', text: `Loved by ${count} ${count === 1 ? 'person' : 'people'} you follow`, count });
      if (!reasons.length)
        reasons.push(
          p.source === 'popular' ? { kind: 'popular', text: 'Popular with Muse listeners' } : { kind: 'similar', text: 'Similar to your favourites' },
        );
      return [
        {
          kind,
          album,
          track: track ? { id: track.id, title: track.title, artistCredit: track.artist_credit, album } : null,
          reasons,
        },
      ];
    });
  }
}

function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}

/** Whether at least `minNew` items of the new top 10 were not in the old top 10. */
export function materiallyChanged(before: CachedList, after: CachedList, minNew = MATERIAL_CHANGE): boolean {
  const old = new Set(before.picks.slice(0, 10).map((p) => p.id));
  return after.picks.slice(0, 10).filter((p) => !old.has(p.id)).length >= minNew;
}
