import type { Redis } from 'ioredis';
import type { ProviderName } from '@muse/shared';
import type { Knex } from 'knex';
import type { Config } from './config/config';
import { Transactions } from './db/transaction';
import type { DocumentStore } from './docstore/document-store.port';
import { ActivityDefaultsRepo } from './features/activity/activity-defaults.repo';
import { ActivityRecorder, recordingDocumentStore } from './features/activity/activity-recorder';
import { AdminService } from './features/admin/admin.service';
import { AlbumPageRepo } from './features/albums/album-page.repo';
import { AlbumPageService } from './features/albums/album-page.service';
import { TrackPageRepo } from './features/tracks/track-page.repo';
import { TrackPageService } from './features/tracks/track-page.service';
import { ArtistsRepo } from './features/artists/artists.repo';
import { ArtistsService } from './features/artists/artists.service';
import { ArtworkRepo } from './features/artwork/artwork.repo';
import { ArtworkService } from './features/artwork/artwork.service';
import { PreviewSources } from './features/previews/preview-sources';
import { PreviewsRepo } from './features/previews/previews.repo';
import { PreviewsService } from './features/previews/previews.service';
import { CoverBackfill } from './features/artwork/cover-backfill';
import type { BlobStore } from './blobs/blob-store.port';
import { createBlobStore } from './blobs/create-blob-store';
import { AuthService } from './features/auth/auth.service';
import { LoginThrottle } from './features/auth/login-throttle';
import type { SessionStore } from './features/auth/session.store';
import { AccountsReadModel } from './features/auth/accounts.read-model';
import { UsersRepo } from './features/auth/users.repo';
import { BlocksRepo } from './features/blocks/blocks.repo';
import { BlocksService } from './features/blocks/blocks.service';
import { CatalogReadModel } from './features/catalog/catalog.read-model';
import { ChartsCache } from './features/charts/charts.cache';
import { requestChartsRefresh, requestChartsRefreshAfterRating } from './features/charts/charts-schedule';
import { ChartsRepo } from './features/charts/charts.repo';
import { GrowersRepo } from './features/charts/growers.repo';
import { OpinionsRepo } from './features/opinions/opinions.repo';
import { OpinionsService } from './features/opinions/opinions.service';
import { ChartsService } from './features/charts/charts.service';
import { DiaryRepo } from './features/diary/diary.repo';
import { DiaryService } from './features/diary/diary.service';
import { ListenLog } from './features/diary/listen-log';
import { ExportsRepo } from './features/exports/exports.repo';
import { ExportsService } from './features/exports/exports.service';
import { FeedFanOut } from './features/feed/feed-fan-out';
import { feedFanOutJob } from './features/feed/feed-fan-out.job';
import { ActivityLookupsReadModel } from './features/feed/activity-lookups.read-model';
import { ActorActivityReadModel } from './features/feed/actor-activity.read-model';
import { FeedRepo } from './features/feed/feed.repo';
import { FeedService } from './features/feed/feed.service';
import { FeedPageCache } from './features/feed/feed-page.cache';
import { SearchVersions } from './features/search/search-versions';
import type { RouteDeps } from './http/route';
import { FriendsRatingsRepo } from './features/feed/friends-ratings.repo';
import { FriendsRatingsService } from './features/feed/friends-ratings.service';
import { TimelineStore } from './features/feed/timeline.store';
import { FollowNotices } from './features/follows/follow-notices';
import { FollowsRepo } from './features/follows/follows.repo';
import { FollowsService } from './features/follows/follows.service';
import { ImportApplying } from './features/imports/import-applying.service';
import { ImportParsing } from './features/imports/import-parsing.service';
import { ImportRecovery } from './features/imports/import-recovery';
import { ImportsRepo } from './features/imports/imports.repo';
import { ImportsService } from './features/imports/imports.service';
import { ListenLaterRepo } from './features/listen-later/listen-later.repo';
import { ListenLaterService } from './features/listen-later/listen-later.service';
import { ModerationRepo } from './features/moderation/moderation.repo';
import { AggregateEmbargo } from './lib/aggregate-embargo';
import { AlbumAggregateRepo } from './features/albums/album-aggregate.repo';
import { AlbumAggregateService } from './features/albums/album-aggregate.service';
import { AggregateTrustRepo } from './features/aggregate-trust/aggregate-trust.repo';
import { AggregateTrustService } from './features/aggregate-trust/aggregate-trust.service';
import { surgeRule } from './features/aggregate-trust/surge-rule';
import { raterWeightRule } from './lib/rater-weight';
import { PlaylistCatalogRepo } from './features/playlists/playlist-catalog.repo';
import { PlaylistEvents } from './features/playlists/playlist-events';
import { PlaylistListsService } from './features/playlists/playlist-lists.service';
import { PlaylistNotices } from './features/playlists/playlist-notices';
import { PlaylistPeopleRepo } from './features/playlists/playlist-people.repo';
import { PlaylistSocialService } from './features/playlists/playlist-social.service';
import { PlaylistStatsRepo } from './features/playlists/playlist-stats.repo';
import { PlaylistViews } from './features/playlists/playlist-views';
import { PlaylistsService } from './features/playlists/playlists.service';
import { PlaylistsReadModel } from './features/playlists/playlists.read-model';
import { TrackMatchReadModel } from './features/catalog/track-match.read-model';
import { PlaylistExportService } from './features/playlist-files/playlist-export.service';
import { PlaylistImportPreviews } from './features/playlist-files/playlist-import-previews.store';
import { PlaylistImportService } from './features/playlist-files/playlist-import.service';
import { ModerationService } from './features/moderation/moderation.service';
import { MutesRepo } from './features/mutes/mutes.repo';
import { MutesService } from './features/mutes/mutes.service';
import { NotificationPreferencesRepo } from './features/notifications/notification-preferences.repo';
import { NotificationPreferencesService } from './features/notifications/notification-preferences.service';
import { NotificationsRepo } from './features/notifications/notifications.repo';
import { NotificationsService } from './features/notifications/notifications.service';
import { CompatibilityRepo } from './features/profiles/compatibility.repo';
import { FavouritesRepo } from './features/profiles/favourites.repo';
import { ProfileAccess } from './features/profiles/profile-access';
import { ProfileStatsRepo } from './features/profiles/profile-stats.repo';
import { ProfileUsersReadModel } from './features/profiles/profile-users.read-model';
import { ProfilesService } from './features/profiles/profiles.service';
import { PriorMeanCache } from './lib/prior-mean.cache';
import { RatingsRepo } from './features/ratings/ratings.repo';
import { RatingsService } from './features/ratings/ratings.service';
import { ReviewAccess } from './features/reviews/review-access';
import { ReviewCommentsRepo } from './features/reviews/review-comments.repo';
import { ReviewCommentsService } from './features/reviews/review-comments.service';
import { ReviewLikesRepo } from './features/reviews/review-likes.repo';
import { ReviewLikesService } from './features/reviews/review-likes.service';
import { ReviewNotices } from './features/reviews/review-notices';
import { ReviewsRepo } from './features/reviews/reviews.repo';
import { ReviewsService } from './features/reviews/reviews.service';
import { SearchRepo } from './features/search/search.repo';
import { SearchService } from './features/search/search.service';
import { SocialGraphReadModel } from './features/social/social-graph.read-model';
import type { JobQueues } from './jobs/queues';
import type { Logger } from './lib/logger';
import type { RateLimiter } from './lib/rate-limiter';
import type { DomainEventPublisher } from './realtime/domain-events';
import type { ProviderFactory } from './providers/provider-factory';
import { TokenCipher, tokenKeysFromConfig } from './lib/token-cipher';
import { ConnectionsRepo } from './features/connections/connections.repo';
import { ConnectionsService } from './features/connections/connections.service';
import { SpotifySignIn } from './features/connections/spotify-sign-in';
import { ConversionEndpoints } from './features/conversion/conversion-endpoints';
import { TrackCounterpartsRepo } from './features/conversion/track-counterparts.repo';
import { ConversionRecovery } from './features/conversion/conversion-recovery';
import { ConversionRunner } from './features/conversion/conversion-runner';
import { ConversionsRepo } from './features/conversion/conversions.repo';
import { ConversionsService } from './features/conversion/conversions.service';
import { ServiceImportRecovery } from './features/service-imports/service-import-recovery';
import { ServiceImportRunning } from './features/service-imports/service-import-running.service';
import { ServiceImportsRepo } from './features/service-imports/service-imports.repo';
import { ServiceImportsService } from './features/service-imports/service-imports.service';
import { CatalogEnrichmentRepo } from './features/catalog-enrichment/catalog-enrichment.repo';
import { CatalogEnrichmentService } from './features/catalog-enrichment/catalog-enrichment.service';
import { RecommendationsCache } from './features/recommendations/recommendations.cache';
import { RecommendationsRepo } from './features/recommendations/recommendations.repo';
import { RecommendationRefreshTrigger } from './features/recommendations/recommendations-schedule';
import { RecommendationsService } from './features/recommendations/recommendations.service';
import { PartiesRepo } from './features/parties/parties.repo';
import { PartiesService } from './features/parties/parties.service';
import { PartyAccess } from './features/parties/party-access';
import { PartyNotices } from './features/parties/party-notices';
import { PartyViews } from './features/parties/party-views';

/** The infrastructure services are built on. */
export interface Infrastructure {
  config: Config;
  logger: Logger;
  knex: Knex;
  redis: Redis;
  /** The raw document store; services get it through the activity recorder. */
  documentStore: DocumentStore;
  sessions: SessionStore;
  rateLimiter: RateLimiter;
  events: DomainEventPublisher;
  queues: JobQueues;
  /** Spotify and Apple Music providers (real services or the sandbox). */
  providers: ProviderFactory;
}

/** Every service of the process, by the name routes, jobs and the real-time dispatcher use. */
export interface Services {
  auth: AuthService;
  /** What every route needs: the signed-in account, and the feed change mark after a write. */
  routes: RouteDeps;
  admin: AdminService;
  notifications: NotificationsService;
  notificationPreferences: NotificationPreferencesService;
  moderation: ModerationService;
  aggregateTrust: AggregateTrustService;
  albumAggregate: AlbumAggregateService;
  /** Opinions over time: rating timelines, growers and faders. */
  opinions: OpinionsService;
  charts: ChartsService;
  imports: ImportsService;
  importRecovery: ImportRecovery;
  /** Playlist conversions between Spotify, Apple Music and Muse, and the sweep that re-queues their lost jobs. */
  conversions: ConversionsService;
  conversionRecovery: ConversionRecovery;
  exports: ExportsService;
  ratings: RatingsService;
  reviews: ReviewsService;
  reviewLikes: ReviewLikesService;
  reviewComments: ReviewCommentsService;
  reviewNotices: ReviewNotices;
  diary: DiaryService;
  albumPage: AlbumPageService;
  trackPage: TrackPageService;
  search: SearchService;
  artists: ArtistsService;
  activityRecorder: ActivityRecorder;
  feed: FeedService;
  feedFanOut: FeedFanOut;
  friendsRatings: FriendsRatingsService;
  mutes: MutesService;
  timelines: TimelineStore;
  follows: FollowsService;
  followNotices: FollowNotices;
  blocks: BlocksService;
  profiles: ProfilesService;
  playlists: PlaylistsService;
  playlistLists: PlaylistListsService;
  playlistSocial: PlaylistSocialService;
  playlistNotices: PlaylistNotices;
  playlistImports: PlaylistImportService;
  playlistExports: PlaylistExportService;
  listenLater: ListenLaterService;
  /** Stored files (album artwork, preview clips): local disk or S3 by configuration. */
  blobs: BlobStore;
  artwork: ArtworkService;
  /** Preview clips of tracks, fetched once into the blob store and streamed to listeners. */
  previews: PreviewsService;
  /** Finds covers for albums without a stored one (the worker runs it periodically). */
  coverBackfill: CoverBackfill;
  /** Users' Spotify and Apple Music connections (tokens encrypted at rest). */
  connections: ConnectionsService;
  /** Sign in with Spotify and connecting services through their authorize pages. */
  spotifySignIn: SpotifySignIn;
  /** Playlists imported from a connected Spotify or Apple Music account. */
  serviceImports: ServiceImportsService;
  serviceImportRecovery: ServiceImportRecovery;
  /** Albums from Spotify and Apple Music added to the catalog once. */
  catalogEnrichment: CatalogEnrichmentService;
  /** Personal recommendations, similar albums and follow suggestions (lists cached in Redis). */
  recommendations: RecommendationsService;
  /** Release-night listening parties: the shared player, chat, live ratings and the summary. */
  parties: PartiesService;
  /** Who hears of a party when it is announced and when it starts. */
  partyNotices: PartyNotices;
}

/** What the composition root hands back: the services, the recording document store and the repos the container exposes. */
export interface Composition {
  services: Services;
  /** The document store every feature appends through (its activity log is the recorder). */
  docs: DocumentStore;
  repos: { notifications: NotificationsRepo };
}

/**
 * The one composition root: every repo is made once and every service wired here, so a
 * newcomer finds who depends on whom in one file. Features reach each other only through what
 * is passed in here (services and named read models), never by building each other's repos.
 */
export function composeServices(infra: Infrastructure): Composition {
  const { config, logger, knex, redis, sessions, rateLimiter, events, queues } = infra;
  const prefix = config.REDIS_PREFIX;
  const transactions = new Transactions(knex);

  // Read models shared by several features, made once.
  const catalog = new CatalogReadModel(knex);
  const priorMean = new PriorMeanCache(() => catalog.globalAlbumMean());
  const graph = new SocialGraphReadModel(knex);
  const accounts = new AccountsReadModel(knex);
  const profileUsers = new ProfileUsersReadModel(knex);
  const access = new ProfileAccess(graph, profileUsers);
  const feedRepo = new FeedRepo(knex);
  const playlistPeople = new PlaylistPeopleRepo(knex);
  const playlistsReadModel = new PlaylistsReadModel(infra.documentStore.playlists, playlistPeople);
  const activityLookups = new ActivityLookupsReadModel(knex, playlistsReadModel);
  const friendsRatings = new FriendsRatingsService(new FriendsRatingsRepo(knex));

  // Activity: every append goes through the recorder (default visibility, then feed fan-out).
  const defaults = new ActivityDefaultsRepo(knex);
  const activityRecorder = new ActivityRecorder({
    log: infra.documentStore.activity,
    actorFacts: (actorId) => defaults.actorFacts(actorId),
    fanOut: async (activity) => {
      await queues.enqueue(feedFanOutJob, { activityId: activity.id }, { jobId: `fan-out-${activity.id}` });
    },
  });
  const docs = recordingDocumentStore(infra.documentStore, activityRecorder);
  const timelines = new TimelineStore(redis, prefix);
  const feedPages = new FeedPageCache(redis, prefix);
  const searchVersions = new SearchVersions(redis, prefix, logger);

  // Notifications and moderation.
  const notificationsRepo = new NotificationsRepo(knex);
  const notificationPreferencesRepo = new NotificationPreferencesRepo(knex);
  const notifications = new NotificationsService(notificationsRepo, transactions, events, notificationPreferencesRepo);

  // Listening: ratings, reviews, likes, comments, the diary and the album page.
  const reviewsRepo = new ReviewsRepo(knex);
  const commentsRepo = new ReviewCommentsRepo(knex);
  const diaryRepo = new DiaryRepo(knex);
  // A user's recommendations are refreshed after every few new ratings (counted as the `rated` activity is recorded).
  const recsRefresh = new RecommendationRefreshTrigger({ redis, prefix, queues, after: config.RECS_REFRESH_AFTER_RATINGS });
  const ratingsDocs: typeof docs = {
    ...docs,
    activity: Object.assign(Object.create(docs.activity) as typeof docs.activity, {
      append: async (input: Parameters<typeof docs.activity.append>[0]) => {
        const activity = await docs.activity.append(input);
        if (input.type === 'rated') await recsRefresh.ratingChanged(input.actorId);
        return activity;
      },
    }),
  };
  // Trusted aggregates: the rater's weight goes in with each album rating; the surge rule follows low-history ones.
  const aggregateTrustRepo = new AggregateTrustRepo(knex);
  const aggregateEmbargo = new AggregateEmbargo(config.TRUST_EMBARGO_BEFORE_RELEASE, (albumId) => aggregateTrustRepo.releaseDate(albumId));
  const aggregateTrust = new AggregateTrustService({
    transactions,
    repo: aggregateTrustRepo,
    catalog,
    priorMean,
    events,
    surge: surgeRule(config),
    weights: raterWeightRule(config),
    logger,
    requestChartsRefresh: () => requestChartsRefreshAfterRating(queues),
  });
  const ratings = new RatingsService({
    transactions,
    repo: new RatingsRepo(knex, raterWeightRule(config)),
    priorMean,
    docs: ratingsDocs,
    events,
    logger,
    requestChartsRefresh: () => requestChartsRefreshAfterRating(queues),
    checkSurge: (albumId) => aggregateTrust.checkAfterRating(albumId),
    embargoedUntil: (albumId) => aggregateEmbargo.until(albumId),
  });
  const listens = new ListenLog({ ratings, reviews: reviewsRepo, diary: diaryRepo, docs });
  const diary = new DiaryService({ transactions, diary: diaryRepo, listens, catalog, access, logger });
  const reviewAccess = new ReviewAccess(reviewsRepo, accounts);
  const reviewComments = new ReviewCommentsService({ reviewAccess, comments: commentsRepo, queues, docs, logger, graph });

  // Social: follows, blocks, profiles.
  const followsRepo = new FollowsRepo(knex);
  const follows = new FollowsService({ transactions, follows: followsRepo, users: profileUsers, access, docs, queues, logger, feedChanges: feedPages });

  // Listen later: a private queue the imports also fill (Letterboxd watchlists).
  const listenLater = new ListenLaterService({ transactions, repo: new ListenLaterRepo(knex), catalog });

  // Playlists and album lists: documents in the document store, counts in Postgres.
  const playlistStore = infra.documentStore.playlists;
  const playlistStats = new PlaylistStatsRepo(knex);
  const playlistCatalog = new PlaylistCatalogRepo(knex);
  const playlistViews = new PlaylistViews(playlistCatalog, playlistStats);
  const playlistEvents = new PlaylistEvents({ activity: docs.activity, queues, stats: playlistStats, logger });
  const playlists = new PlaylistsService({
    store: playlistStore,
    people: playlistPeople,
    catalog: playlistCatalog,
    views: playlistViews,
    events: playlistEvents,
    followers: async (ownerId, ids) => {
      const followers = new Set(await graph.followerIds(ownerId));
      return new Set(ids.filter((id) => followers.has(id)));
    },
    activity: docs.activity,
    logger,
  });

  const playlistLists = new PlaylistListsService({
    store: playlistStore,
    people: playlistPeople,
    stats: playlistStats,
    views: playlistViews,
    followeeIds: (userId) => graph.followeeIds(userId),
    userIdByHandle: async (handle) => (await profileUsers.findByHandle(handle))?.id?.toString() ?? null,
  });

  // Playlist files: imports matched to the catalog, exports under the playlists' access rule.
  const playlistExports = new PlaylistExportService({
    playlists,
    store: playlistStore,
    owner: async (userId) => {
      const account = await accounts.findById(userId);
      return account ? { handle: account.handle } : null;
    },
    baseUrl: config.PUBLIC_URL,
  });

  const importsRepo = new ImportsRepo(knex);
  const blobs = createBlobStore(config);
  const announceImport = (userId: string, importId: string) => events.publish({ type: 'import.progress', userId, importId });

  const artworkRepo = new ArtworkRepo(knex);
  const artwork = new ArtworkService({ repo: artworkRepo, blobs, queues, logger });
  const previews = new PreviewsService({
    repo: new PreviewsRepo(knex),
    blobs,
    queues,
    sources: new PreviewSources({ available: (name) => infra.providers.available(name), appProvider: (name) => infra.providers.appProvider(name) }),
    logger,
    unavailableForMs: config.PREVIEW_UNAVAILABLE_MINUTES * 60_000,
  });

  const tokenCipher = new TokenCipher(tokenKeysFromConfig(config, logger));
  const connections = new ConnectionsService({
    repo: new ConnectionsRepo(knex),
    cipher: tokenCipher,
    providers: infra.providers,
    notifications,
    logger,
  });
  const serviceImportsRepo = new ServiceImportsRepo(knex);
  const announceServiceImport = (userId: string, importId: string) => events.publish({ type: 'service-import.progress', userId, importId });
  const providerForUser = (userId: string, provider: ProviderName) => connections.providerFor(userId, provider);
  const serviceImports = new ServiceImportsService({
    repo: serviceImportsRepo,
    providerFor: providerForUser,
    queues,
    announce: announceServiceImport,
    running: new ServiceImportRunning({
      repo: serviceImportsRepo,
      providerFor: providerForUser,
      matcher: new TrackMatchReadModel(knex),
      playlists,
      announce: announceServiceImport,
      rateLimitGiveUpMs: config.PROVIDER_RATE_LIMIT_GIVE_UP_MS,
      maxEntries: playlistStore.maxEntries,
    }),
  });

  // Playlist conversions: the job reads the source, matches, writes the target and keeps a report.
  const conversionsRepo = new ConversionsRepo(knex);
  const conversionReports = infra.documentStore.conversionReports;
  const announceConversion = (userId: string, conversionId: string) => events.publish({ type: 'conversion.progress', userId, conversionId });
  const conversionEndpoints = new ConversionEndpoints({
    connections,
    playlists,
    matcher: new TrackMatchReadModel(knex),
    search: { search: (query, viewerId) => services.search.search(query, viewerId) },
    counterparts: new TrackCounterpartsRepo(knex),
  });
  const conversions = new ConversionsService({
    repo: conversionsRepo,
    reports: conversionReports,
    queues,
    connections,
    playlists,
    endpoints: conversionEndpoints,
    runner: new ConversionRunner({
      repo: conversionsRepo,
      reports: conversionReports,
      open: (conversion, calls) => conversionEndpoints.open(conversion, calls),
      notifications,
      announce: announceConversion,
      limits: { maxRateLimitWaitMs: config.CONVERSION_MAX_RATE_LIMIT_WAIT_SECONDS * 1000, callBudget: config.CONVERSION_CALL_BUDGET },
    }),
    redis,
    prefix,
    announce: announceConversion,
  });

  const auth = new AuthService({
    users: new UsersRepo(knex),
    sessions,
    docs,
    queues,
    events,
    adminHandles: config.ADMIN_HANDLES,
    loginThrottle: new LoginThrottle(rateLimiter, config.LOGIN_RATE_ACCOUNT_MAX, config.LOGIN_RATE_WINDOW_SECONDS),
    notifications,
    timelines,
    people: searchVersions.people,
    logger,
  });

  // Listening parties: their own tables, the catalog and the social graph through read models.
  const partiesRepo = new PartiesRepo(knex);
  const partyAccess = new PartyAccess({ repo: partiesRepo, graph, accounts });
  const moderation = new ModerationService({
    transactions,
    repo: new ModerationRepo(knex),
    sessions,
    events,
    notifications,
    reviewAccess,
    logger,
    feedChanges: feedPages,
    people: searchVersions.people,
  });
  const parties = new PartiesService({
    repo: partiesRepo,
    moderation,
    transactions,
    access: partyAccess,
    views: new PartyViews({ repo: partiesRepo, catalog, graph, access: partyAccess }),
    catalog,
    graph,
    users: profileUsers,
    events,
    queues,
  });

  const services: Services = {
    auth,
    routes: {
      currentUser: (session) => auth.currentUser(session),
      // A kept feed page that depends on the writer is read anew. The write stands if the mark
      // fails (Redis then fails the feed's reads too); such a page lives out its time to live.
      afterWrite: (userId) => feedPages.changed([userId]).catch((err: unknown) => logger.warn({ err, userId }, 'feed change mark failed after a write')),
      checkResponses: config.NODE_ENV === 'test',
    },
    parties,
    partyNotices: new PartyNotices({ repo: partiesRepo, catalog, graph }),
    serviceImports,
    serviceImportRecovery: new ServiceImportRecovery({ repo: serviceImportsRepo, queues }),
    conversions,
    conversionRecovery: new ConversionRecovery({ repo: conversionsRepo, queues }),
    admin: new AdminService(queues),
    notifications,
    notificationPreferences: new NotificationPreferencesService(notificationPreferencesRepo),
    aggregateTrust,
    moderation,
    charts: new ChartsService({
      repo: new ChartsRepo(knex),
      growers: new GrowersRepo(knex),
      catalog,
      cache: new ChartsCache(redis, prefix),
      requestRefresh: () => requestChartsRefresh(queues),
      hiddenAfter: () => aggregateEmbargo.hiddenAfter(),
    }),
    imports: new ImportsService({
      repo: importsRepo,
      catalog,
      queues,
      parsing: new ImportParsing({ repo: importsRepo, catalog, announce: announceImport }),
      applying: new ImportApplying({ transactions, repo: importsRepo, listens, listenLater, notifications, announce: announceImport }),
      announce: announceImport,
    }),
    importRecovery: new ImportRecovery({ repo: importsRepo, queues }),
    exports: new ExportsService(new ExportsRepo(knex), undefined, (userId, owner) => playlistExports.accountFiles(userId, owner)),
    ratings,
    reviews: new ReviewsService({
      transactions,
      reviews: reviewsRepo,
      diary,
      listens,
      ratings,
      comments: reviewComments,
      catalog,
      reviewAccess,
      access,
      logger,
    }),
    reviewLikes: new ReviewLikesService({ transactions, reviews: reviewsRepo, reviewAccess, likes: new ReviewLikesRepo(knex), queues, docs, logger, graph }),
    reviewComments,
    reviewNotices: new ReviewNotices(reviewsRepo, commentsRepo),
    diary,
    albumPage: new AlbumPageService({ albumPage: new AlbumPageRepo(knex), priorMean, friends: friendsRatings, embargo: aggregateEmbargo }),
    albumAggregate: new AlbumAggregateService({
      repo: new AlbumAggregateRepo(knex),
      priorMean,
      embargo: aggregateEmbargo,
      everyone: (albumId) => ratings.albumStats(albumId),
      tasteMinCompatibility: config.TRUST_TASTE_MIN_COMPATIBILITY,
    }),
    opinions: new OpinionsService({ repo: new OpinionsRepo(knex), catalog, access }),
    trackPage: new TrackPageService(new TrackPageRepo(knex)),
    search: new SearchService({
      repo: new SearchRepo(knex),
      priorMean: () => priorMean.get(),
      playlists: (text, viewerId, limit) => playlistLists.search(text, viewerId, limit),
      aggregateHidden: (releaseDate) => aggregateEmbargo.hides(releaseDate),
      versions: searchVersions,
    }),
    artists: new ArtistsService({
      repo: new ArtistsRepo(knex),
      catalog,
      priorMean: () => priorMean.get(),
      aggregateHidden: (releaseDate) => aggregateEmbargo.hides(releaseDate),
    }),
    activityRecorder,
    feed: new FeedService({ repo: feedRepo, lookups: activityLookups, log: infra.documentStore.activity, timelines, pages: feedPages }),
    feedFanOut: new FeedFanOut({ repo: feedRepo, log: infra.documentStore.activity, timelines, events, feedChanges: feedPages }),
    friendsRatings,
    mutes: new MutesService(new MutesRepo(knex)),
    timelines,
    follows,
    followNotices: new FollowNotices(profileUsers, followsRepo),
    blocks: new BlocksService({ transactions, blocks: new BlocksRepo(knex), follows, users: profileUsers, feedChanges: feedPages }),
    profiles: new ProfilesService({
      transactions,
      users: profileUsers,
      access,
      stats: new ProfileStatsRepo(knex),
      compatibility: new CompatibilityRepo(knex),
      favourites: new FavouritesRepo(knex),
      activity: new ActorActivityReadModel({ graph, lookups: activityLookups, log: docs.activity }),
      catalog,
      priorMean,
      aggregateHidden: (releaseDate) => aggregateEmbargo.hides(releaseDate),
      follows,
      docs,
      people: searchVersions.people,
      logger,
    }),
    listenLater,
    playlists,
    playlistLists,
    playlistSocial: new PlaylistSocialService({
      playlists,
      store: playlistStore,
      stats: playlistStats,
      people: playlistPeople,
      events: playlistEvents,
      transactions,
    }),
    playlistNotices: new PlaylistNotices(playlistStore, playlistPeople, playlistStats),
    playlistImports: new PlaylistImportService({
      matcher: new TrackMatchReadModel(knex),
      previews: new PlaylistImportPreviews(redis, prefix),
      playlists,
      maxEntries: playlistStore.maxEntries,
    }),
    playlistExports,
    blobs,
    artwork,
    previews,
    coverBackfill: new CoverBackfill({ repo: artworkRepo, artwork, providers: infra.providers, logger }),
    connections,
    spotifySignIn: new SpotifySignIn({
      redis,
      prefix,
      providers: infra.providers,
      connections,
      auth,
      cipher: tokenCipher,
      webBase: config.PUBLIC_URL?.replace(/\/+$/, ''),
    }),
    recommendations: new RecommendationsService({
      repo: new RecommendationsRepo(knex),
      cache: new RecommendationsCache(redis, prefix),
      catalog,
      notifications,
      logger,
      notifyAfterNewItems: config.RECS_NOTIFY_AFTER_NEW_ITEMS,
    }),
    catalogEnrichment: new CatalogEnrichmentService({
      repo: new CatalogEnrichmentRepo(knex),
      connections,
      appProvider: (name) => infra.providers.appProvider(name),
      artwork,
      catalogChanges: searchVersions.catalog,
      logger,
    }),
  };
  return { services, docs, repos: { notifications: notificationsRepo } };
}
