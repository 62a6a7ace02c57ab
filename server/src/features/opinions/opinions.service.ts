import { OPINION_CHANGES_LIMIT, type OpinionChanges, type RatingTimeline } from '@muse/shared';
import { AppError } from '../../lib/app-error';
import type { CatalogReadModel } from '../catalog/catalog.read-model';
import { presentAlbumSummary } from '../../http/presenters/catalog.presenter';
import type { ProfileAccess } from '../profiles/profile-access';
import type { OpinionChangeRow, OpinionsRepo } from './opinions.repo';
import { presentOpinionChange } from './opinions.presenter';
import { buildRatingTimeline, timelineChange } from './rating-timeline';

export interface OpinionsServiceDeps {
  repo: OpinionsRepo;
  catalog: Pick<CatalogReadModel, 'albumExists' | 'albumSummaries'>;
  /** A user's rating history is shown to whoever may see their profile (as their diary is). */
  access: Pick<ProfileAccess, 'visibleOwner'>;
}

/** Opinions over time: a user's ratings of an album across relistens, and the albums they warmed to or cooled on. */
export class OpinionsService {
  constructor(private readonly deps: OpinionsServiceDeps) {}

  /** The viewer's own ratings of an album over time (404 `not_found` for a missing album; empty when never rated). */
  async myTimeline(userId: string, albumId: string): Promise<RatingTimeline> {
    if (!(await this.deps.catalog.albumExists(albumId))) throw AppError.notFound('Album');
    const points = buildRatingTimeline(await this.deps.repo.timelineSources(userId, albumId));
    return { albumId, points, change: timelineChange(points) };
  }

  /**
   * A user's growers and faders: the albums whose current rating rose (fell) most from their first
   * one, at most `OPINION_CHANGES_LIMIT` of each, for whoever may see the profile (404 unknown
   * handle, 403 private or suspended).
   */
  async changes(viewerId: string | null, handle: string): Promise<OpinionChanges> {
    const owner = await this.deps.access.visibleOwner(viewerId, handle);
    const rows = await this.deps.repo.changes(String(owner.id));
    // Ties go to the album rated more often, then to the lower id, so the lists are stable.
    const byChange = (sign: 1 | -1) => (a: OpinionChangeRow, b: OpinionChangeRow) =>
      sign * (b.latest - b.first - (a.latest - a.first)) || b.ratings - a.ratings || Number(a.album_id) - Number(b.album_id);
    const growers = rows
      .filter((r) => r.latest > r.first)
      .sort(byChange(1))
      .slice(0, OPINION_CHANGES_LIMIT);
    const faders = rows
      .filter((r) => r.latest < r.first)
      .sort(byChange(-1))
      .slice(0, OPINION_CHANGES_LIMIT);
    const albums = new Map(
      (await this.deps.catalog.albumSummaries([...growers, ...faders].map((r) => r.album_id))).map((a) => [String(a.id), presentAlbumSummary(a)]),
    );
    const present = (list: OpinionChangeRow[]) => list.flatMap((r) => (albums.has(r.album_id) ? [presentOpinionChange(r, albums.get(r.album_id)!)] : []));
    return { growers: present(growers), faders: present(faders) };
  }
}
