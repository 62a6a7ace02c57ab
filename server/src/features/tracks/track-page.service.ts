import type { TrackPage } from '@muse/shared';
import { AppError } from '../../lib/app-error';
import { presentAlbumSummary, presentTrack } from '../../http/presenters/catalog.presenter';
import type { AlbumRow } from '../catalog/catalog.read-model';
import type { TrackPageRepo } from './track-page.repo';

/** The track page in one call: the track with its album and aggregate, and the viewer's rating and review. */
export class TrackPageService {
  constructor(private readonly repo: TrackPageRepo) {}

  /** Everything the track page shows; `viewer` is null when signed out. 404 for a missing track. */
  async get(trackId: string, viewerId: string | null): Promise<TrackPage> {
    const [page, viewer] = await Promise.all([this.repo.page(trackId), viewerId ? this.repo.viewer(viewerId, trackId) : null]);
    if (!page) throw AppError.notFound('Track');
    return {
      track: presentTrack(page.track, viewer?.rating ?? null),
      // A summary reads only these columns of the album.
      album: presentAlbumSummary(page.album as AlbumRow),
      viewer: viewer ? { reviewId: viewer.review_id } : null,
    };
  }
}
