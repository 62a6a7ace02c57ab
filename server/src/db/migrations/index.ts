import type { Knex } from 'knex';
import * as m20261121000001 from './20261121000001-users-and-notifications';
import * as m20261121000002 from './20261121000002-document-store-tables';
import * as m20261121000003 from './20261121000003-catalog';
import * as m20261121000004 from './20261121000004-ratings-reviews-diary';
import * as m20261121010000 from './20261121010000-search-indexes';
import * as m20261121030000 from './20261121030000-imports';
import * as m20261121040000 from './20261121040000-social';
import * as m20261121042000 from './20261121042000-feed-big-accounts';
import * as m20261121043000 from './20261121043000-notification-batching-moderation';
import * as m20261121050000 from './20261121050000-search-users';
import * as m20261121060000 from './20261121060000-suspension-provenance';
import * as m20261121070000 from './20261121070000-search-lexicon';
import * as m20261121080000 from './20261121080000-search-artist-names-and-typos';
import * as m20261121090000 from './20261121090000-review-visibility';
import * as m20261121095000 from './20261121095000-notification-actors';
import * as m20261205000000 from './20261205000000-playlist-documents';
import * as m20261205010000 from './20261205010000-listen-later';
import * as m20261205020000 from './20261205020000-playlist-counts';
import * as m20261205030000 from './20261205030000-album-artwork';
import * as m20261205040000 from './20261205040000-provider-connections';
import * as m20261206010000 from './20261206010000-conversions';
import * as m20261206050000 from './20261206050000-album-cover-lookups';
import * as m20261206060000 from './20261206060000-service-imports';
import * as m20261206080000 from './20261206080000-track-previews';
import * as m20261206090000 from './20261206090000-conversion-report-owner';
import * as m20261206100000 from './20261206100000-recommendation-dismissals';
import * as m20261207010000 from './20261207010000-track-reviews';
import * as m20261207011000 from './20261207011000-muse-review-imports';
import * as m20261207020000 from './20261207020000-trusted-aggregates';
import * as m20261207040000 from './20261207040000-listening-parties';
import * as m20261207050000 from './20261207050000-party-message-reports';
import * as m20261207060000 from './20261207060000-loved-ratings-index';
import * as m20261207070000 from './20261207070000-lz4-entries';
import * as m20261208010000 from './20261208010000-album-cover-sizes';
import * as m20261209010000 from './20261209010000-track-counterparts';
import * as m20261210010000 from './20261210010000-mutes-of-deleted-accounts';
import * as m20261210020000 from './20261210020000-password-set';

interface Migration {
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

/**
 * Every migration in order. Listed explicitly (not read from disk) so that the bundled server
 * carries them; a test checks that each file in this folder is listed.
 */
export const migrations: ReadonlyArray<readonly [string, Migration]> = [
  ['20261121000001-users-and-notifications', m20261121000001],
  ['20261121000002-document-store-tables', m20261121000002],
  ['20261121000003-catalog', m20261121000003],
  ['20261121000004-ratings-reviews-diary', m20261121000004],
  ['20261121010000-search-indexes', m20261121010000],
  ['20261121030000-imports', m20261121030000],
  ['20261121040000-social', m20261121040000],
  ['20261121042000-feed-big-accounts', m20261121042000],
  ['20261121043000-notification-batching-moderation', m20261121043000],
  ['20261121050000-search-users', m20261121050000],
  ['20261121060000-suspension-provenance', m20261121060000],
  ['20261121070000-search-lexicon', m20261121070000],
  ['20261121080000-search-artist-names-and-typos', m20261121080000],
  ['20261121090000-review-visibility', m20261121090000],
  ['20261121095000-notification-actors', m20261121095000],
  ['20261205000000-playlist-documents', m20261205000000],
  ['20261205010000-listen-later', m20261205010000],
  ['20261205020000-playlist-counts', m20261205020000],
  ['20261205030000-album-artwork', m20261205030000],
  ['20261205040000-provider-connections', m20261205040000],
  ['20261206010000-conversions', m20261206010000],
  ['20261206050000-album-cover-lookups', m20261206050000],
  ['20261206060000-service-imports', m20261206060000],
  ['20261206080000-track-previews', m20261206080000],
  ['20261206090000-conversion-report-owner', m20261206090000],
  ['20261206100000-recommendation-dismissals', m20261206100000],
  ['20261207010000-track-reviews', m20261207010000],
  ['20261207011000-muse-review-imports', m20261207011000],
  ['20261207020000-trusted-aggregates', m20261207020000],
  ['20261207040000-listening-parties', m20261207040000],
  ['20261207050000-party-message-reports', m20261207050000],
  ['20261207060000-loved-ratings-index', m20261207060000],
  ['20261207070000-lz4-entries', m20261207070000],
  ['20261208010000-album-cover-sizes', m20261208010000],
  ['20261209010000-track-counterparts', m20261209010000],
  ['20261210010000-mutes-of-deleted-accounts', m20261210010000],
  ['20261210020000-password-set', m20261210020000],
];
