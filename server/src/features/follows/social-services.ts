import type { Knex } from 'knex';
import type { DocumentStore } from '../../docstore/document-store.port';
import type { JobQueues } from '../../jobs/queues';
import type { Logger } from '../../lib/logger';
import { BlocksRepo } from '../blocks/blocks.repo';
import { BlocksService } from '../blocks/blocks.service';
import { CatalogRepo } from '../catalog/catalog.repo';
import { FeedRepo } from '../feed/feed.repo';
import { CompatibilityRepo } from '../profiles/compatibility.repo';
import { FavouritesRepo } from '../profiles/favourites.repo';
import { ProfileAccess } from '../profiles/profile-access';
import { ProfileActivity } from '../profiles/profile-activity';
import { ProfileStatsRepo } from '../profiles/profile-stats.repo';
import { ProfileUsersRepo } from '../profiles/profile-users.repo';
import { ProfilesService } from '../profiles/profiles.service';
import { PriorMeanCache } from '../ratings/prior-mean.cache';
import { SocialGraphRepo } from '../social/social-graph.repo';
import { FollowNotices } from './follow-notices';
import { FollowsRepo } from './follows.repo';
import { FollowsService } from './follows.service';

/** Follows, blocks and profiles. */
export interface SocialServices {
  follows: FollowsService;
  followNotices: FollowNotices;
  blocks: BlocksService;
  profiles: ProfilesService;
}

export interface SocialServicesInput {
  knex: Knex;
  docs: DocumentStore;
  queues: JobQueues;
  logger: Logger;
}

/** Wires follows, blocks and profiles over one set of repositories. */
export function createSocialServices(input: SocialServicesInput): SocialServices {
  const { knex, docs, queues, logger } = input;
  const users = new ProfileUsersRepo(knex);
  const followsRepo = new FollowsRepo(knex);
  const graph = new SocialGraphRepo(knex);
  const access = new ProfileAccess(graph, users);
  const catalog = new CatalogRepo(knex);
  const follows = new FollowsService({ follows: followsRepo, users, access, docs, queues, logger });
  return {
    follows,
    followNotices: new FollowNotices(users, followsRepo),
    blocks: new BlocksService({ blocks: new BlocksRepo(), follows: followsRepo, users }),
    profiles: new ProfilesService({
      users,
      access,
      stats: new ProfileStatsRepo(knex),
      compatibility: new CompatibilityRepo(knex),
      favourites: new FavouritesRepo(knex),
      activity: new ProfileActivity({ access, graph, lookups: new FeedRepo(knex), log: docs.activity }),
      catalog,
      priorMean: new PriorMeanCache(() => catalog.globalAlbumMean()),
      follows: followsRepo,
      followsService: follows,
      docs,
      logger,
    }),
  };
}
