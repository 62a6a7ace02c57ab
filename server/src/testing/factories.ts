import type { Knex } from 'knex';
import type { RegisterInput, SessionResponse, Visibility } from '@muse/shared';
import { markFeedChanged } from '../features/feed/feed-page.cache';
import type { TestApp, TestClient } from './test-app';

/**
 * The one place tests make their data: catalog rows and raters written straight to the tables
 * (fast, for tests about reading them), people registered through the API (for tests that act
 * as them), and the social edges between them.
 */

/** Where a factory writes: a knex instance or a test app (its knex). */
export type Db = Knex | Pick<TestApp, 'container'>;

const knexOf = (db: Db): Knex => ('container' in db ? db.container.knex : db);

/**
 * What a route does after a write, for factories that write the tables straight: kept feed
 * pages that depend on these users are read anew (a bare knex has no app, so no kept pages).
 */
async function afterWrite(db: Db, userIds: string[]): Promise<void> {
  if ('container' in db) await markFeedChanged(db.container.redis, db.container.config.REDIS_PREFIX, userIds);
}

let serial = 0;
/** A tag unique within the test run, for names that must not collide. */
const nextTag = (): string => `${process.pid.toString(36)}_${Date.now().toString(36)}_${(serial += 1)}`;

export interface MadeArtist {
  id: string;
  name: string;
}

/** An artist row. */
export async function makeArtist(db: Db, name = `Artist ${nextTag()}`): Promise<MadeArtist> {
  const [row] = await knexOf(db)('artists').insert({ name }).returning(['id', 'name']);
  return { id: String(row.id), name: row.name };
}

/** An artist as credited on one album; `as` is the name printed there when it differs (Discogs' name variations). */
export interface CreditedArtist extends MadeArtist {
  join?: string;
  as?: string;
}

export interface TrackInput {
  title?: string;
  durationMs?: number | null;
  isrc?: string | null;
  spotifyId?: string | null;
  appleId?: string | null;
}

export interface AlbumInput {
  title?: string;
  /** A new artist of this name is made and credited (ignored when `artists` is given). */
  artist?: string;
  /** Existing artists, credited in order and joined with " & " unless a `join` says otherwise. */
  artists?: CreditedArtist[];
  /** A day-precision release date (null: unknown); default 1997-05-21 unless `year` is given. */
  releaseDate?: string | null;
  /** A year-precision release (null: unknown), as Discogs often knows it. */
  year?: number | null;
  /** Default ['Rock']. */
  genres?: string[];
  styles?: string[];
  label?: string | null;
  upc?: string | null;
  spotifyId?: string | null;
  appleId?: string | null;
  discogsId?: number | null;
  /** Each a title, a duration in ms (null: unknown) or its fields; default three tracks. */
  tracks?: (string | number | null | TrackInput)[];
}

export interface MadeAlbum {
  id: string;
  /** The first credited artist. */
  artistId: string;
  trackIds: string[];
}

/** An album with its credits and tracks, written straight to the catalog tables. */
export async function makeAlbum(db: Db, input: AlbumInput = {}): Promise<MadeAlbum> {
  const knex = knexOf(db);
  const tag = nextTag();
  const artists: CreditedArtist[] = input.artists ?? [await makeArtist(knex, input.artist ?? `Artist ${tag}`)];
  const joinOf = (a: CreditedArtist, i: number) => a.join ?? (i < artists.length - 1 ? ' & ' : '');
  const credit = artists.map((a, i) => (a.as ?? a.name) + joinOf(a, i)).join('');
  const release = releaseOf(input);
  const [album] = await knex('albums')
    .insert({
      title: input.title ?? `Album ${tag}`,
      artist_credit: credit,
      ...release,
      genres: input.genres ?? ['Rock'],
      styles: input.styles ?? [],
      label: input.label === undefined ? 'Test Records' : input.label,
      upc: input.upc ?? null,
      spotify_id: input.spotifyId ?? null,
      apple_id: input.appleId ?? null,
      discogs_id: input.discogsId ?? null,
    })
    .returning('id');
  const albumId = String(album.id);
  if (artists.length) {
    await knex('album_artists').insert(
      artists.map((a, i) => ({ album_id: albumId, position: i + 1, artist_id: a.id, credited_name: a.as ?? a.name, join_phrase: joinOf(a, i) })),
    );
  }
  const trackIds: string[] = [];
  for (const [i, spec] of (input.tracks ?? [241_000, 183_500, null]).entries()) {
    trackIds.push(await makeTrack(knex, albumId, { position: i + 1, artistCredit: credit, ...trackInputOf(spec, i) }));
  }
  return { id: albumId, artistId: artists[0]?.id ?? '', trackIds };
}

function releaseOf(input: AlbumInput) {
  if (input.releaseDate === undefined && input.year !== undefined) {
    const year = input.year;
    return { release_date: year === null ? null : `${year}-01-01`, release_date_precision: year === null ? null : 'year', release_year: year };
  }
  const date = input.releaseDate === undefined ? '1997-05-21' : input.releaseDate;
  return { release_date: date, release_date_precision: date ? 'day' : null, release_year: date ? Number(date.slice(0, 4)) : (input.year ?? null) };
}

function trackInputOf(spec: string | number | null | TrackInput, i: number): TrackInput {
  if (typeof spec === 'string') return { title: spec, durationMs: 200_000 };
  if (typeof spec === 'number' || spec === null) return { title: `Track ${i + 1}`, durationMs: spec };
  return { title: `Track ${i + 1}`, ...spec };
}

/** A track at `position` on an album (disc 1). */
export async function makeTrack(db: Db, albumId: string, track: TrackInput & { position: number; artistCredit?: string }): Promise<string> {
  const [row] = await knexOf(db)('tracks')
    .insert({
      album_id: albumId,
      disc: 1,
      position: track.position,
      position_label: String(track.position),
      title: track.title ?? `Track ${track.position}`,
      artist_credit: track.artistCredit ?? 'Test Artist',
      duration_ms: track.durationMs ?? null,
      isrc: track.isrc ?? null,
      spotify_id: track.spotifyId ?? null,
      apple_id: track.appleId ?? null,
    })
    .returning('id');
  return String(row.id);
}

/** Users written straight to the table: they rate and follow, but cannot sign in (cheaper than registering). */
export async function makeUsers(db: Db, count: number): Promise<string[]> {
  const rows = Array.from({ length: count }, () => {
    const handle = `rater_${nextTag()}`.slice(0, 30);
    return { handle, email: `${handle}@example.test`, display_name: handle, password_hash: 'not-a-hash' };
  });
  return (await knexOf(db)('users').insert(rows).returning('id')).map((r: { id: string }) => String(r.id));
}

/**
 * Rates an album with the same stars (0.5–5) by each of `raters`: user ids, or how many new
 * users to make. `at` backdates the ratings. Answers the raters' ids.
 */
export async function rateAlbum(db: Db, albumId: string, stars: number, raters: string[] | number, at = new Date()): Promise<string[]> {
  const userIds = typeof raters === 'number' ? await makeUsers(db, raters) : raters;
  await knexOf(db)('album_ratings').insert(
    userIds.map((userId) => ({ user_id: userId, album_id: albumId, value: Math.round(stars * 2), created_at: at, updated_at: at })),
  );
  return userIds;
}

/** Registration input that passes validation, unique per call. */
export function newUserInput(overrides: Partial<RegisterInput> = {}): RegisterInput {
  const tag = nextTag();
  return {
    handle: `fan_${tag}`.slice(0, 30),
    email: `fan_${tag}@example.test`,
    password: 'correct horse battery staple',
    displayName: `Fan ${serial}`,
    ...overrides,
  };
}

/** Registers a user through the API and returns the signed-in client with the input used. */
export async function registerUser(app: TestApp, overrides: Partial<RegisterInput> = {}) {
  const client = app.client();
  const input = newUserInput(overrides);
  const res = await client.post('/api/auth/register', input);
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { client, input, session: res.body as SessionResponse };
}

/** A registered, signed-in user as the social tests pass them around. */
export interface TestPerson {
  client: TestClient;
  id: string;
  handle: string;
  displayName: string;
}

/** Registers a user through the API (see registerUser) and answers them as a TestPerson. */
export async function registerPerson(app: TestApp, overrides: Partial<RegisterInput> = {}): Promise<TestPerson> {
  const { client, session } = await registerUser(app, overrides);
  return { client, id: String(session.user.id), handle: session.user.handle, displayName: session.user.displayName };
}

/** Writes a review through the API as `author` and answers its id. */
export async function writeReview(
  author: { client: TestClient },
  albumId: string,
  body = 'Great record, and here is why',
  extra: Record<string, unknown> = {},
): Promise<string> {
  const res = await author.client.post(`/api/albums/${albumId}/reviews`, { body, ...extra });
  if (res.status !== 201) throw new Error(`review failed: ${res.status} ${JSON.stringify(res.body)}`);
  return String(res.body.id);
}

/** A follow edge, as the follows feature stores it. */
export async function follow(db: Db, followerId: string, followeeId: string): Promise<void> {
  await knexOf(db)('follows').insert({ follower_id: followerId, followee_id: followeeId }).onConflict(['follower_id', 'followee_id']).ignore();
  await afterWrite(db, [followerId, followeeId]);
}

/** Ends a follow, as unfollowing does. */
export async function unfollow(db: Db, followerId: string, followeeId: string): Promise<void> {
  await knexOf(db)('follows').where({ follower_id: followerId, followee_id: followeeId }).delete();
  await afterWrite(db, [followerId, followeeId]);
}

/** A block as the blocks feature stores it: the block, and follows in both directions end. */
export async function block(db: Db, blockerId: string, blockedId: string): Promise<void> {
  await knexOf(db).transaction(async (trx) => {
    await trx('blocks').insert({ blocker_id: blockerId, blocked_id: blockedId });
    await trx('follows').where({ follower_id: blockerId, followee_id: blockedId }).orWhere({ follower_id: blockedId, followee_id: blockerId }).delete();
  });
  await afterWrite(db, [blockerId, blockedId]);
}

/** Sets privacy columns directly, as `PATCH /api/me/privacy` stores them. */
export async function setPrivacy(
  db: Db,
  userId: string,
  settings: { isPrivate?: boolean; defaultVisibility?: Visibility; hideUnloggedTakes?: boolean },
): Promise<void> {
  const row: Record<string, unknown> = {};
  if (settings.isPrivate !== undefined) row.is_private = settings.isPrivate;
  if (settings.defaultVisibility !== undefined) row.default_visibility = settings.defaultVisibility;
  if (settings.hideUnloggedTakes !== undefined) row.hide_unlogged_takes = settings.hideUnloggedTakes;
  await knexOf(db)('users').where({ id: userId }).update(row);
  await afterWrite(db, [userId]);
}
