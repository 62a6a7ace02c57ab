import type { Knex } from 'knex';
import type { Visibility } from '@muse/shared';
import { preparedQuery } from '../../db/prepared';
import { ExpiringLruMap } from '../../lib/expiring-lru-map';
import { LISTEN_NUMBER_SQL } from '../../db/listen-number-sql';
import type { AlbumRow } from '../catalog/catalog.read-model';
import type { FeedPlaylist, PlaylistsReadModel } from '../playlists/playlists.read-model';

export interface FeedUserRow {
  id: string;
  handle: string;
  display_name: string;
  avatar_url: string | null;
  is_private: boolean;
  suspended: boolean;
}

export interface FeedReviewRow {
  id: string;
  user_id: string;
  album_id: string;
  /** Set for a review of a track (then album_id is the track's album). */
  track_id: string | null;
  excerpt: string;
  hidden: boolean;
  /** The review's own visibility, which every activity about it is held to as well. */
  visibility: Visibility;
  /** Album reviews: after how many of the author's listens it was written (1: first impression); null for a track review. */
  listen_number: number | null;
}

/** A track an activity is about (a track rating, a track review), with its album. */
export interface FeedTrackRow {
  id: string;
  title: string;
  album_id: string;
}

/** An artist credited on an album, by id and catalog name (the name mutes are listed under). */
export interface FeedArtistRow {
  id: string;
  name: string;
}

/** An album as the feed shows it, with its credited artists in credit order, each once. */
export type FeedAlbumRow = Pick<AlbumRow, 'id' | 'title' | 'artist_credit' | 'release_year' | 'type' | 'cover_key' | 'genres'> & { artists: FeedArtistRow[] };

/** The rows an activity page needs, fetched in one parallel round. */
export interface FeedLookups {
  /** The users asked for and the authors of the reviews asked for. */
  users: Map<string, FeedUserRow>;
  reviews: Map<string, FeedReviewRow>;
  /** Comment ids that exist and are not hidden. */
  visibleComments: Set<string>;
  albums: Map<string, FeedAlbumRow>;
  /** The tracks rated and the tracks of the reviews asked for (their albums are in `albums`). */
  tracks: Map<string, FeedTrackRow>;
  /** Albums of the page the viewer rated or logged (filled only when asked). */
  loggedAlbums: Set<string>;
  /** The playlists activities are about, as they are now (missing when deleted). */
  playlists: Map<string, FeedPlaylist>;
}

export interface LookupRequest {
  userIds: string[];
  reviewIds: string[];
  commentIds: string[];
  albumIds: string[];
  trackIds: string[];
  playlistIds: string[];
  /** Whose logged albums to return, or null to skip that query. */
  loggedBy: string | null;
}

// The excerpt length is written into the SQL so the statement's text never varies.
const LOOKUPS_SQL = `
  WITH rv AS (
    SELECT r.id::text, r.user_id::text, r.album_id::text, r.track_id::text, left(r.body, 280) AS excerpt, r.hidden_at IS NOT NULL AS hidden,
           r.visibility, ${LISTEN_NUMBER_SQL} AS listen_number
      FROM reviews r WHERE r.id = ANY($2::bigint[])
  ), tr AS (
    SELECT id::text, title, album_id::text
      FROM tracks WHERE id IN (SELECT unnest($6::bigint[]) UNION SELECT track_id::bigint FROM rv WHERE track_id IS NOT NULL)
  ), page_albums AS (
    SELECT unnest($4::bigint[]) AS id UNION SELECT album_id::bigint FROM rv UNION SELECT album_id::bigint FROM tr
  ), al AS (
    SELECT a.id::text, a.title, a.artist_credit, a.release_year, a.type, a.cover_key, a.genres,
           COALESCE((SELECT json_agg(json_build_object('id', c.artist_id::text, 'name', c.name) ORDER BY c.position)
                       FROM (SELECT DISTINCT ON (aa.artist_id) aa.artist_id, aa.position, ar.name
                               FROM album_artists aa JOIN artists ar ON ar.id = aa.artist_id
                              WHERE aa.album_id = a.id ORDER BY aa.artist_id, aa.position) c), '[]'::json) AS artists
      FROM albums a
     WHERE a.id IN (SELECT id FROM page_albums) AND a.id <> ALL($7::bigint[])
  )
  SELECT
    (SELECT json_agg(json_build_object('id', id::text, 'handle', handle, 'display_name', display_name, 'avatar_url', avatar_url,
                                       'is_private', is_private, 'suspended', suspended_at IS NOT NULL))
       FROM users WHERE id IN (SELECT unnest($1::bigint[]) UNION SELECT user_id::bigint FROM rv)) AS users,
    (SELECT json_agg(rv) FROM rv) AS reviews,
    (SELECT json_agg(id::text) FROM review_comments WHERE id = ANY($3::bigint[]) AND hidden_at IS NULL) AS comments,
    (SELECT json_agg(al) FROM al) AS albums,
    (SELECT json_agg(tr) FROM tr) AS tracks,
    (SELECT json_agg(x.album_id) FROM (
       SELECT album_id::text FROM album_ratings WHERE user_id = $5::bigint AND album_id IN (SELECT id FROM page_albums)
       UNION SELECT album_id::text FROM diary_entries WHERE user_id = $5::bigint AND album_id IN (SELECT id FROM page_albums)
     ) x) AS logged`;

/** Albums one process keeps for activity cards: a few hundred bytes each. */
export const ACTIVITY_ALBUMS_KEPT = 20_000;
/** How long a kept album card is shown: a catalog correction reaches feeds and profiles at most this late. */
export const ACTIVITY_ALBUMS_TTL_MS = 60_000;

/**
 * The rows that turn activities into views (users, reviews, comments, albums, tracks and the viewer's
 * logged albums). The feed and profile pages both present activities with it, so they agree.
 *
 * Albums (title, credits, cover, genres) are the costliest part to read and the same for every
 * viewer, and one album shows on the pages of everyone who follows its raters, so they are kept in
 * the process for a minute and the statement reads only the ones not kept. Everything that can
 * change who may see what (people, reviews, comments, playlists, the viewer's logged albums) is
 * read on every call.
 */
export class ActivityLookupsReadModel {
  private readonly albumCards: ExpiringLruMap<string, FeedAlbumRow>;

  constructor(
    private readonly knex: Knex,
    /** Playlists live in the document store; read beside the SQL, only for pages that have activity about them. */
    private readonly playlists?: Pick<PlaylistsReadModel, 'forFeed'>,
    albumCards: { kept?: number; ttlMs?: number; now?: () => number } = {},
  ) {
    this.albumCards = new ExpiringLruMap(albumCards.kept ?? ACTIVITY_ALBUMS_KEPT, albumCards.ttlMs ?? ACTIVITY_ALBUMS_TTL_MS, albumCards.now);
  }

  /** Everything needed to present and filter a page of activities, in one planned-once statement. */
  async lookups(req: LookupRequest): Promise<FeedLookups> {
    const albumIds = wellFormedIds(req.albumIds);
    const kept = new Map<string, FeedAlbumRow>();
    for (const id of albumIds) {
      const album = this.albumCards.get(id);
      if (album) kept.set(id, album);
    }
    const playlists = req.playlistIds.length && this.playlists ? this.playlists.forFeed(req.playlistIds) : Promise.resolve(new Map<string, FeedPlaylist>());
    const [[row], playlistsById] = await Promise.all([
      preparedQuery<{
        users: FeedUserRow[] | null;
        reviews: FeedReviewRow[] | null;
        comments: string[] | null;
        albums: FeedAlbumRow[] | null;
        tracks: FeedTrackRow[] | null;
        logged: string[] | null;
      }>(this.knex, 'feed_lookups_unkept_albums', LOOKUPS_SQL, [
        wellFormedIds(req.userIds),
        wellFormedIds(req.reviewIds),
        wellFormedIds(req.commentIds),
        albumIds,
        req.loggedBy,
        wellFormedIds(req.trackIds),
        [...kept.keys()],
      ]),
      playlists,
    ]);
    for (const album of row?.albums ?? []) {
      Object.freeze(album.artists);
      this.albumCards.set(album.id, Object.freeze(album));
      kept.set(album.id, album);
    }
    return {
      users: new Map((row?.users ?? []).map((u) => [u.id, u])),
      reviews: new Map((row?.reviews ?? []).map((r) => [r.id, r])),
      visibleComments: new Set(row?.comments ?? []),
      albums: kept,
      tracks: new Map((row?.tracks ?? []).map((t) => [t.id, t])),
      loggedAlbums: new Set(row?.logged ?? []),
      playlists: playlistsById,
    };
  }
}

const ID = /^[1-9][0-9]{0,17}$/;

/** Distinct well-formed bigint ids (activity data is free-form, so never trust it in SQL). */
export function wellFormedIds(values: string[]): string[] {
  return [...new Set(values.filter((v) => ID.test(v)))];
}
