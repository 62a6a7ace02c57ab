import type { JobFor } from './job-definition';
import type { JobDeps } from './job-deps';
import { conversionJob } from '../features/conversion/conversion.job';
import { feedFanOutJob } from '../features/feed/feed-fan-out.job';
import { welcomeNotificationJob } from '../features/notifications/welcome-notification.job';
import { reviewCommentedNotificationJob } from '../features/reviews/review-commented-notification.job';
import { reviewLikedNotificationJob } from '../features/reviews/review-liked-notification.job';
import { refreshChartsJob } from '../features/charts/refresh-charts.job';
import { importApplyJob } from '../features/imports/import-apply.job';
import { importParseJob } from '../features/imports/import-parse.job';
import { newFollowerNotificationJob } from '../features/follows/new-follower-notification.job';
import { followRequestNotificationJob } from '../features/follows/follow-request-notification.job';
import { followAcceptedNotificationJob } from '../features/follows/follow-accepted-notification.job';
import { accountPurgeJob } from '../features/auth/account-purge.job';
import { playlistNotificationJob } from '../features/playlists/playlist-notification.job';
import { fetchArtworkJob } from '../features/artwork/fetch-artwork.job';
import { fetchPreviewJob } from '../features/previews/fetch-preview.job';
import { serviceImportJob } from '../features/service-imports/service-import.job';
import { partyNotificationJob } from '../features/parties/party-notification.job';
import { partyStartJob } from '../features/parties/party-start.job';
import { rebuildRecommendationsJob, refreshUserRecommendationsJob } from '../features/recommendations/recommendations.jobs';

/** Every job type the worker runs, each built from the one `JobDeps`. A job missing here cannot be processed. */
export const JOB_CATALOG: ReadonlyArray<JobFor<JobDeps>> = [
  welcomeNotificationJob,
  refreshChartsJob,
  reviewLikedNotificationJob,
  reviewCommentedNotificationJob,
  importParseJob,
  importApplyJob,
  feedFanOutJob,
  newFollowerNotificationJob,
  followRequestNotificationJob,
  followAcceptedNotificationJob,
  accountPurgeJob,
  playlistNotificationJob,
  fetchArtworkJob,
  conversionJob,
  fetchPreviewJob,
  serviceImportJob,
  rebuildRecommendationsJob,
  refreshUserRecommendationsJob,
  partyNotificationJob,
  partyStartJob,
];
