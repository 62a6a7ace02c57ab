import { valueToStars, type AlbumPage } from '@muse/shared';
import { AppError } from '../../lib/app-error';
import type { CatalogRepo } from '../catalog/catalog.repo';
import { presentAlbumDetail, presentStats, presentTrack } from '../catalog/catalog.presenter';
import type { DiaryService } from '../diary/diary.service';
import type { PriorMeanCache } from '../ratings/prior-mean.cache';
import { presentHistoryEntry } from '../ratings/ratings.presenter';
import type { ReviewsService } from '../reviews/reviews.service';
import type { AlbumPageRepo } from './album-page.repo';

export interface AlbumPageServiceDeps {
  catalog: CatalogRepo;
  albumPage: AlbumPageRepo;
  priorMean: PriorMeanCache;
  reviews: ReviewsService;
  diary: DiaryService;
}

const TOP_REVIEWS = 5;

/** The album page in one call: a handful of indexed reads, run side by side. */
export class AlbumPageService {
  constructor(private readonly deps: AlbumPageServiceDeps) {}

  /** Everything the album page shows; `viewer` is null when signed out. 404 for a missing album. */
  async get(albumId: string, viewerId: string | null): Promise<AlbumPage> {
    const { catalog } = this.deps;
    const [album, credits, tracks, stats, priorMean, topReviews, viewer, diary] = await Promise.all([
      catalog.findAlbum(albumId),
      catalog.albumCredits(albumId),
      catalog.listTracks(albumId),
      catalog.albumStats(albumId),
      this.deps.priorMean.get(),
      this.deps.reviews.top(albumId, viewerId, TOP_REVIEWS),
      viewerId ? this.deps.albumPage.viewer(viewerId, albumId) : null,
      viewerId ? this.deps.diary.listForUserAlbum(viewerId, albumId) : null,
    ]);
    if (!album) throw AppError.notFound('Album');
    const trackRatings = new Map((viewer?.track_ratings ?? []).map((t) => [String(t.track_id), Number(t.value)]));
    return {
      album: presentAlbumDetail(album, credits),
      tracks: tracks.map((t) => presentTrack(t, trackRatings.get(String(t.id)) ?? null)),
      stats: presentStats(stats, priorMean),
      viewer:
        viewer && diary
          ? {
              rating: viewer.rating === null ? null : valueToStars(Number(viewer.rating)),
              ratingHistory: viewer.history.map(presentHistoryEntry),
              diary,
              reviewId: viewer.review_id === null ? null : String(viewer.review_id),
            }
          : null,
      topReviews,
      // Filled once follows exist.
      friends: [],
    };
  }
}
