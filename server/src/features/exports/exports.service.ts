import { strToU8, zipSync } from 'fflate';
import type { Me } from '@muse/shared';
import { toCsv, type CsvValue } from '../../lib/csv-write';
import type { ExportsRepo } from './exports.repo';
import {
  presentCommentExport,
  presentDiaryExport,
  presentLikeExport,
  presentListenLaterExport,
  presentRatingExport,
  presentReviewExport,
} from './exports.presenter';

/** The download: its file name and bytes. */
export interface ExportArchive {
  filename: string;
  zip: Uint8Array;
}

/** CSV column name for a JSON key: `albumSpotifyId` → `album_spotify_id`. */
const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function csvOf(columns: readonly string[], items: readonly Record<string, unknown>[]): string {
  const rows = items.map((item) => Object.fromEntries(columns.map((c) => [snake(c), item[c] as CsvValue])));
  return toCsv(columns.map(snake), rows);
}

/** What a rating or review is about: the album, and the track when it is about one. */
const ITEM_COLUMNS = [
  'albumId',
  'artist',
  'albumTitle',
  'releaseYear',
  'upc',
  'albumSpotifyId',
  'albumAppleId',
  'discogsId',
  'trackId',
  'trackTitle',
  'trackArtist',
  'isrc',
  'trackSpotifyId',
  'trackAppleId',
] as const;

/** What a comment or like is about: the album (no release year, as before) and, for a track review, the track. */
const REVIEWED_COLUMNS = ITEM_COLUMNS.filter((c) => c !== 'releaseYear');

// Column order of each CSV; the JSON file carries the same fields under these (camelCase) names.
const COLUMNS = {
  ratings: ['itemType', 'status', ...ITEM_COLUMNS, 'stars', 'ratedAt', 'replacedAt'],
  reviews: [
    'reviewId',
    'itemType',
    ...ITEM_COLUMNS,
    'stars',
    'listenedOn',
    'isRelisten',
    'listenNumber',
    'likeCount',
    'commentCount',
    'body',
    'createdAt',
    'updatedAt',
  ],
  diary: [
    'entryId',
    'listenedOn',
    'albumId',
    'artist',
    'albumTitle',
    'releaseYear',
    'upc',
    'albumSpotifyId',
    'albumAppleId',
    'discogsId',
    'stars',
    'isRelisten',
    'reviewId',
    'createdAt',
  ],
  comments: ['commentId', 'reviewId', 'reviewAuthor', 'itemType', ...REVIEWED_COLUMNS, 'body', 'createdAt'],
  likes: ['reviewId', 'reviewAuthor', 'itemType', ...REVIEWED_COLUMNS, 'likedAt'],
  listenLater: ['albumId', 'artist', 'albumTitle', 'releaseYear', 'upc', 'albumSpotifyId', 'albumAppleId', 'discogsId', 'addedAt', 'keep'],
} as const;

/** Files the playlist feature writes for a user's own playlists, by path inside the zip. */
export type PlaylistFilesOf = (userId: string, owner: { handle: string }) => Promise<Record<string, string>>;

/** A user's own data as a zip: profile, ratings with history, reviews, diary, comments, likes, the Listen later queue, playlists. */
export class ExportsService {
  constructor(
    private readonly repo: ExportsRepo,
    private readonly now: () => Date = () => new Date(),
    /** Every playlist the user owns as JSPF and CSV (`playlists/…`). */
    private readonly playlistFiles: PlaylistFilesOf = async () => ({}),
  ) {}

  /**
   * Builds `muse-export-<handle>-<date>.zip` with one CSV per kind of data, `profile.json`, and
   * `muse-export.json` holding everything, and each of the user's playlists as JSPF and CSV
   * under `playlists/`. Only the given user's rows and documents are read.
   */
  async archive(profile: Me): Promise<ExportArchive> {
    const userId = profile.id;
    const [ratings, reviews, diary, comments, likes, listenLater] = await Promise.all([
      this.repo.ratings(userId).then((rows) => rows.map(presentRatingExport)),
      this.repo.reviews(userId).then((rows) => rows.map(presentReviewExport)),
      this.repo.diary(userId).then((rows) => rows.map(presentDiaryExport)),
      this.repo.comments(userId).then((rows) => rows.map(presentCommentExport)),
      this.repo.likes(userId).then((rows) => rows.map(presentLikeExport)),
      this.repo.listenLater(userId).then((rows) => rows.map(presentListenLaterExport)),
    ]);
    const playlists = await this.playlistFiles(userId, { handle: profile.handle });
    const exportedAt = this.now();
    const everything = {
      format: 'muse-export',
      version: 1,
      exportedAt: exportedAt.toISOString(),
      profile,
      ratings,
      reviews,
      diary,
      comments,
      likes,
      listenLater,
    };
    const files = {
      'profile.json': JSON.stringify(profile, null, 2),
      'ratings.csv': csvOf(COLUMNS.ratings, ratings),
      'reviews.csv': csvOf(COLUMNS.reviews, reviews),
      'diary.csv': csvOf(COLUMNS.diary, diary),
      'comments.csv': csvOf(COLUMNS.comments, comments),
      'likes.csv': csvOf(COLUMNS.likes, likes),
      'listen-later.csv': csvOf(COLUMNS.listenLater, listenLater),
      'muse-export.json': JSON.stringify(everything, null, 2),
      ...playlists,
    };
    const zip = zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])), { level: 6, mtime: exportedAt });
    return { filename: `muse-export-${profile.handle}-${exportedAt.toISOString().slice(0, 10)}.zip`, zip };
  }
}
