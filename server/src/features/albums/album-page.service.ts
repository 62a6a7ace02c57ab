import { valueToStars, type AlbumPage } from '@muse/shared';
import { AppError } from '../../lib/app-error';
import { presentAlbumDetail, presentStats, presentTrack } from '../../http/presenters/catalog.presenter';
import { presentDiaryEntry } from '../../http/presenters/diary.presenter';
import type { PriorMeanCache } from '../../lib/prior-mean.cache';
import { presentHistoryEntry } from '../../http/presenters/ratings.presenter';
import { presentReview } from '../../http/presenters/reviews.presenter';
import type { FriendsRatingsService } from '../feed/friends-ratings.service';
import type { AlbumPageRepo } from './album-page.repo';
import type { AggregateEmbargo } from '../../lib/aggregate-embargo';

export interface AlbumPageServiceDeps {
  albumPage: AlbumPageRepo;
  priorMean: PriorMeanCache;
  /** "Popular with friends": followees who rated the album, as the viewer may see them. */
  friends: Pick<FriendsRatingsService, 'list'>;
  /** The pre-release embargo on the aggregate (the viewer's own rating still shows). */
  embargo: Pick<AggregateEmbargo, 'untilDate'>;
}

/** The album page in one call: one statement for what everyone sees, and for a signed-in viewer two more (their own data, their friends' ratings), side by side. */
export class AlbumPageService {
  constructor(private readonly deps: AlbumPageServiceDeps) {}

  /** Everything the album page shows; `viewer` is null when signed out. 404 for a missing album. */
  async get(albumId: string, viewerId: string | null): Promise<AlbumPage> {
    const { albumPage } = this.deps;
    const [page, viewer, priorMean, friends] = await Promise.all([
      albumPage.page(albumId, viewerId),
      viewerId ? albumPage.viewer(viewerId, albumId) : null,
      this.deps.priorMean.get(),
      viewerId ? this.deps.friends.list(viewerId, albumId) : [],
    ]);
    if (!page) throw AppError.notFound('Album');
    const embargoedUntil = this.deps.embargo.untilDate(page.album.release_date);
    const trackRatings = new Map((viewer?.track_ratings ?? []).map((t) => [String(t.track_id), Number(t.value)]));
    return {
      album: presentAlbumDetail(page.album, page.credits),
      tracks: page.tracks.map((t) => presentTrack(t, trackRatings.get(String(t.id)) ?? null)),
      stats: presentStats(embargoedUntil ? null : page.stats, priorMean),
      embargoedUntil,
      viewer: viewer
        ? {
            rating: viewer.rating === null ? null : valueToStars(Number(viewer.rating)),
            ratingHistory: viewer.history.map(presentHistoryEntry),
            diary: viewer.diary.map(presentDiaryEntry),
            reviewId: viewer.review_id === null ? null : String(viewer.review_id),
          }
        : null,
      topReviews: page.topReviews.map(presentReview),
      friends,
    };
  }
}
