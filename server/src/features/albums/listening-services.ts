import type { Knex } from 'knex';
import type { DocumentStore } from '../../docstore/document-store.port';
import type { JobQueues } from '../../jobs/queues';
import type { Logger } from '../../lib/logger';
import type { DomainEventPublisher } from '../../realtime/domain-events';
import type { UsersRepo } from '../auth/users.repo';
import { requestChartsRefreshAfterRating } from '../charts/charts-schedule';
import { CatalogRepo } from '../catalog/catalog.repo';
import { DiaryRepo } from '../diary/diary.repo';
import { DiaryService } from '../diary/diary.service';
import { ListenLog } from '../diary/listen-log';
import { ProfileAccess } from '../profiles/profile-access';
import { ProfileUsersRepo } from '../profiles/profile-users.repo';
import { PriorMeanCache } from '../ratings/prior-mean.cache';
import { RatingsRepo } from '../ratings/ratings.repo';
import { RatingsService } from '../ratings/ratings.service';
import { ReviewCommentsRepo } from '../reviews/review-comments.repo';
import { ReviewCommentsService } from '../reviews/review-comments.service';
import { ReviewLikesRepo } from '../reviews/review-likes.repo';
import { ReviewLikesService } from '../reviews/review-likes.service';
import { ReviewAccess } from '../reviews/review-access';
import { ReviewNotices } from '../reviews/review-notices';
import { ReviewsRepo } from '../reviews/reviews.repo';
import { ReviewsService } from '../reviews/reviews.service';
import { SocialGraphRepo } from '../social/social-graph.repo';
import { FriendsRatingsRepo } from '../feed/friends-ratings.repo';
import { FriendsRatingsService } from '../feed/friends-ratings.service';
import { AlbumPageRepo } from './album-page.repo';
import { AlbumPageService } from './album-page.service';

/** Ratings, reviews, likes, comments, the diary and the album page. */
export interface ListeningServices {
  ratings: RatingsService;
  reviews: ReviewsService;
  reviewLikes: ReviewLikesService;
  reviewComments: ReviewCommentsService;
  reviewNotices: ReviewNotices;
  diary: DiaryService;
  albumPage: AlbumPageService;
}

export interface ListeningServicesInput {
  knex: Knex;
  docs: DocumentStore;
  events: DomainEventPublisher;
  queues: JobQueues;
  users: UsersRepo;
  logger: Logger;
}

/** Wires the listening features together; one prior-mean cache is shared by all of them. */
export function createListeningServices(input: ListeningServicesInput): ListeningServices {
  const { knex, docs, events, queues, users, logger } = input;
  const catalog = new CatalogRepo(knex);
  const priorMean = new PriorMeanCache(() => catalog.globalAlbumMean());
  const reviewsRepo = new ReviewsRepo(knex);
  const commentsRepo = new ReviewCommentsRepo(knex);
  const diaryRepo = new DiaryRepo(knex);
  const ratings = new RatingsService({ knex, repo: new RatingsRepo(knex), catalog, priorMean, docs, events, logger, requestChartsRefresh: () => requestChartsRefreshAfterRating(queues) });
  const listens = new ListenLog({ ratings, reviews: reviewsRepo, diary: diaryRepo, docs });
  const graph = new SocialGraphRepo(knex);
  const access = new ProfileAccess(graph, new ProfileUsersRepo(knex));
  const reviewAccess = new ReviewAccess(reviewsRepo, users);
  const reviewComments = new ReviewCommentsService({ reviewAccess, comments: commentsRepo, queues, docs, logger, graph });
  const reviews = new ReviewsService({ knex, reviews: reviewsRepo, diary: diaryRepo, listens, ratings, comments: reviewComments, catalog, reviewAccess, access, logger });
  const diary = new DiaryService({ knex, diary: diaryRepo, listens, catalog, access, logger });
  return {
    ratings,
    reviews,
    reviewLikes: new ReviewLikesService({ knex, reviews: reviewsRepo, reviewAccess, likes: new ReviewLikesRepo(knex), queues, docs, logger, graph }),
    reviewComments,
    reviewNotices: new ReviewNotices(reviewsRepo, commentsRepo),
    diary,
    albumPage: new AlbumPageService({ albumPage: new AlbumPageRepo(knex), priorMean, friends: new FriendsRatingsService(new FriendsRatingsRepo(knex)) }),
  };
}
