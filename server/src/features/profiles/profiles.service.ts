import type {
  FavouritesInput,
  FavouritesResult,
  PrivacySettingsInput,
  ProfileActivityPage,
  ProfileActivityQuery,
  ProfileUpdateInput,
  ProfileView,
} from '@muse/shared';
import type { PeopleChangeMarks } from '../search/search-versions';
import type { DocumentStore } from '../../docstore/document-store.port';
import { AppError } from '../../lib/app-error';
import type { Logger } from '../../lib/logger';
import type { CatalogReadModel } from '../catalog/catalog.read-model';
import { presentAlbumStats, presentAlbumSummary, type AggregateHidden } from '../../http/presenters/catalog.presenter';
import type { FollowsService } from '../follows/follows.service';
import type { ActorActivityReadModel } from '../feed/actor-activity.read-model';
import { AfterCommit } from '../../db/after-commit';
import type { Transactions } from '../../db/transaction';
import type { PriorMeanCache } from '../../lib/prior-mean.cache';
import { assertStorableText } from '../../lib/storable-text';
import type { CompatibilityRepo } from './compatibility.repo';
import type { FavouritesRepo } from './favourites.repo';
import type { ProfileAccess } from './profile-access';
import type { ProfileStatsRepo } from './profile-stats.repo';
import type { ProfilePatch, ProfileUserRow, ProfileUsersReadModel } from './profile-users.read-model';
import { presentCompatibility, presentProfileStats, presentProfileUser } from './profiles.presenter';

const NO_ACTIVITY: ProfileActivityPage = { items: [], nextCursor: null };

export interface ProfilesServiceDeps {
  transactions: Transactions;
  users: ProfileUsersReadModel;
  access: ProfileAccess;
  stats: ProfileStatsRepo;
  compatibility: CompatibilityRepo;
  favourites: FavouritesRepo;
  /** The feed's read of one user's activity, so a profile presents it exactly as the feed does. */
  activity: ActorActivityReadModel;
  catalog: CatalogReadModel;
  priorMean: PriorMeanCache;
  /** The pre-release embargo: albums whose aggregate is hidden (none unless given). */
  aggregateHidden?: AggregateHidden;
  follows: FollowsService;
  docs: DocumentStore;
  /** A display name edited changes what search shows of its account. */
  people: PeopleChangeMarks;
  logger: Logger;
}

/** The My Muse page: what a viewer may see of a profile, and the owner's edits to it. */
export class ProfilesService {
  constructor(private readonly deps: ProfilesServiceDeps) {}

  /**
   * The profile of `handle` as `viewerId` (null when signed out) may see it; 404 when unknown.
   * A suspended account shows only its name and avatar, except to administrators.
   */
  async view(viewerId: string | null, handle: string): Promise<ProfileView> {
    const owner = await this.deps.users.findByHandle(handle);
    if (!owner) throw AppError.notFound('User');
    return this.present(viewerId, owner);
  }

  /**
   * One page of what `handle` did (ratings, reviews, listens, likes, comments, follows,
   * favourites) that `viewerId` may see, grouped like the feed; 404 when unknown, 400 for a bad
   * cursor; an empty page for a private profile the viewer does not follow, or a suspended account.
   */
  async activity(viewerId: string | null, handle: string, query: ProfileActivityQuery): Promise<ProfileActivityPage> {
    const before = this.deps.activity.before(query.cursor);
    const owner = await this.deps.users.findByHandle(handle);
    if (!owner) throw AppError.notFound('User');
    const { visible } = await this.deps.access.of(viewerId, owner);
    if (!visible) return NO_ACTIVITY;
    return this.deps.activity.page(viewerId, String(owner.id), before, query.limit);
  }

  /** Edits the owner's name, bio and avatar (an empty avatar clears it). */
  async updateProfile(userId: string, input: ProfileUpdateInput): Promise<ProfileView> {
    const patch: ProfilePatch = {};
    if (input.displayName !== undefined) patch.display_name = input.displayName;
    if (input.bio !== undefined) {
      assertStorableText(input.bio, 'bio');
      patch.bio = input.bio;
    }
    if (input.avatarUrl !== undefined) patch.avatar_url = input.avatarUrl || null;
    await this.deps.users.updateProfile(userId, patch);
    if (patch.display_name !== undefined) await this.deps.people.changed();
    return this.own(userId);
  }

  /** Changes privacy settings; a profile turning public approves every pending request at once. */
  async updatePrivacy(userId: string, input: PrivacySettingsInput): Promise<ProfileView> {
    const { follows, users } = this.deps;
    const approved = await this.deps.transactions.run(async (trx) => {
      await follows.lockForPrivacyChange(trx, userId);
      const wasApproved = input.isPrivate === false ? await follows.approveAllPending(trx, userId) : [];
      await users.updatePrivacy(trx, userId, {
        is_private: input.isPrivate,
        default_visibility: input.defaultVisibility,
        hide_unlogged_takes: input.hideUnloggedTakes,
      });
      return wasApproved;
    });
    await follows.announceApproved(userId, approved);
    return this.own(userId);
  }

  /** Replaces the favourites in the order given; 404 when an album is unknown. */
  async setFavourites(userId: string, input: FavouritesInput): Promise<FavouritesResult> {
    const { favourites } = this.deps;
    if ((await favourites.countExistingAlbums(input.albumIds)) !== input.albumIds.length) throw AppError.notFound('Album');
    const before = new Set(await favourites.replace(userId, input.albumIds));
    const effects = new AfterCommit();
    for (const albumId of input.albumIds.filter((id) => !before.has(id))) {
      // No visibility given: the activity log applies the user's default.
      effects.add(() => this.deps.docs.activity.append({ actorId: userId, type: 'favourited', subject: { kind: 'album', id: albumId } }));
    }
    await effects.run(this.deps.logger);
    return { favourites: await this.favouriteAlbums(userId) };
  }

  private async own(userId: string): Promise<ProfileView> {
    const owner = await this.deps.users.findById(userId);
    if (!owner) throw AppError.notFound('User');
    return this.present(userId, owner);
  }

  private async present(viewerId: string | null, owner: ProfileUserRow): Promise<ProfileView> {
    const ownerId = String(owner.id);
    const { isOwn, relationship, suspended, withheld, visible } = await this.deps.access.of(viewerId, owner);
    const withCompatibility = visible && viewerId !== null && !isOwn;
    const [favourites, stats, compatibility] = await Promise.all([
      visible ? this.favouriteAlbums(ownerId) : [],
      visible ? this.deps.stats.forUser(ownerId, viewerId).then(presentProfileStats) : null,
      withCompatibility ? this.compatibility(viewerId, ownerId) : null,
    ]);
    return {
      user: presentProfileUser(owner, visible),
      isOwn,
      relationship,
      suspended,
      visible,
      favourites,
      stats,
      compatibility,
      settings: isOwn && !withheld ? { defaultVisibility: owner.default_visibility, hideUnloggedTakes: owner.hide_unlogged_takes } : null,
    };
  }

  private async favouriteAlbums(userId: string): Promise<FavouritesResult['favourites']> {
    const ids = await this.deps.favourites.albumIds(userId);
    const [rows, prior] = await Promise.all([this.deps.catalog.albumSummaries(ids), this.deps.priorMean.get()]);
    return rows.map((row) => ({ ...presentAlbumSummary(row), stats: presentAlbumStats(row, prior, this.deps.aggregateHidden ?? (() => false)) }));
  }

  private async compatibility(viewerId: string, ownerId: string) {
    const row = await this.deps.compatibility.between(viewerId, ownerId);
    const albums = await this.deps.catalog.albumSummaries(row.disagreements.map((d) => String(d.album_id)));
    return presentCompatibility(row, new Map(albums.map((a) => [String(a.id), presentAlbumSummary(a)])));
  }
}
