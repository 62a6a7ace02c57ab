import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import type { Response } from 'superagent';
import type { ActivityView, FeedPage, ReviewView, Visibility } from '@muse/shared';
import { useTestApp } from '../../testing/test-app';
import { up as addReviewVisibility } from '../../db/migrations/20261121090000-review-visibility';
import { follow, makeAlbum, registerPerson, setPrivacy, type TestPerson } from '../../testing/factories';

/**
 * Every read path of a review, and likes and comments, against the one visibility rule: the
 * author sees everything of theirs; `private` is theirs alone; `followers`, and anything of a
 * private profile, needs a follow. Administrators read any review by id (with its comments),
 * because moderators must be able to read what was reported; everywhere else, and for likes and
 * comments, they are held to the rule like anyone, so they leave no trace on reviews they could
 * not otherwise see. Reviews of tracks are held to the same rule on every path: each case is
 * run once for an album review and once for a track review.
 */

const ADMIN = 'review_vis_admin';

const app = useTestApp({ env: { ADMIN_HANDLES: ADMIN } });

const knex = () => app.container.knex;

type ViewerKind = 'signed-out' | 'stranger' | 'follower' | 'owner' | 'admin';
const VIEWERS: ViewerKind[] = ['signed-out', 'stranger', 'follower', 'owner', 'admin'];

interface ReviewCase {
  name: string;
  profilePrivate: boolean;
  visibility: Visibility;
  /** What the review is about. */
  about: 'album' | 'track';
}

const CASES: ReviewCase[] = (
  [
    { name: 'a public review of a public profile', profilePrivate: false, visibility: 'public' },
    { name: 'a private-visibility review', profilePrivate: false, visibility: 'private' },
    { name: 'a followers-visibility review', profilePrivate: false, visibility: 'followers' },
    { name: 'a review of a private profile', profilePrivate: true, visibility: 'public' },
  ] as const
).flatMap((c) => [
  { ...c, about: 'album' as const },
  { ...c, name: c.name.replace('review', 'track review'), about: 'track' as const },
]);

/** What the rule allows an ordinary viewer (administrators included) to see. */
function ruleAllows(c: ReviewCase, viewer: ViewerKind): boolean {
  if (viewer === 'owner') return true;
  if (c.visibility === 'private') return false;
  if (c.visibility === 'public' && !c.profilePrivate) return true;
  return viewer === 'follower';
}

interface MadeCase {
  owner: TestPerson;
  albumId: string;
  /** Set for a track review. */
  trackId: string | null;
  reviewId: string;
  /** The liker's like of the review, as an activity. */
  likeActivityId: string;
  /** The liker's comment, written after every viewer's. */
  likerCommentId: string;
}

/** Everyone but the owner is shared by the cases; the liker follows every owner and is followed by everyone. */
let people: { stranger: TestPerson; follower: TestPerson; admin: TestPerson; liker: TestPerson };
const made = new Map<ReviewCase, MadeCase>();

function personOf(viewer: ViewerKind, m: MadeCase): TestPerson | null {
  if (viewer === 'signed-out') return null;
  if (viewer === 'owner') return m.owner;
  return people[viewer];
}

// Likes and comments are written straight to the tables, as if made before this rule held (or
// while a follow stood), so every case has them whatever the rule now allows.
async function insertComment(reviewId: string, userId: string, body: string): Promise<string> {
  const [row] = await knex()('review_comments').insert({ review_id: reviewId, user_id: userId, body }).returning('id');
  return String(row.id);
}

async function makeCase(c: ReviewCase): Promise<MadeCase> {
  const { stranger, follower, admin, liker } = people;
  const owner = await registerPerson(app);
  const album = await makeAlbum(knex());
  const albumId = album.id;
  const trackId = c.about === 'track' ? album.trackIds[1]! : null;
  const path = trackId ? `/api/tracks/${trackId}/reviews` : `/api/albums/${albumId}/reviews`;
  const res = await owner.client.post(path, { body: `${c.name}, by its author`, visibility: c.visibility });
  expect(res.status).toBe(201);
  const reviewId = String(res.body.id);
  if (c.profilePrivate) await setPrivacy(app, owner.id, { isPrivate: true });
  await follow(app, follower.id, owner.id);
  await follow(app, liker.id, owner.id);
  await follow(app, owner.id, liker.id);
  for (const p of [stranger, follower, admin]) await knex()('review_likes').insert({ review_id: reviewId, user_id: p.id });
  for (const p of [stranger, follower, admin, owner]) await insertComment(reviewId, p.id, `comment by ${p.handle}`);
  await knex()('review_likes').insert({ review_id: reviewId, user_id: liker.id });
  const likerCommentId = await insertComment(reviewId, liker.id, 'the liker replies');
  const { activity } = app.container.docs;
  const like = await activity.append({ actorId: liker.id, type: 'liked_review', visibility: 'public', subject: { kind: 'review', id: reviewId } });
  await activity.append({
    actorId: liker.id,
    type: 'commented',
    visibility: 'public',
    subject: { kind: 'review', id: reviewId },
    data: { commentId: likerCommentId },
  });
  return { owner, albumId, trackId, reviewId, likeActivityId: like.id, likerCommentId };
}

beforeAll(async () => {
  const [stranger, follower, admin, liker] = [
    await registerPerson(app),
    await registerPerson(app),
    await registerPerson(app, { handle: ADMIN }),
    await registerPerson(app),
  ];
  people = { stranger, follower, admin, liker };
  for (const p of [stranger, follower, admin]) await follow(app, p.id, liker.id);
  for (const c of CASES) made.set(c, await makeCase(c));
});

const clientOf = (p: TestPerson | null) => (p ? p.client : app.client());

/** 200 (or 201) means seen, 404 means not; anything else is a failure of its own. */
function seenBy(status: number, ok = 200): boolean {
  if (status === ok) return true;
  if (status === 404) return false;
  throw new Error(`unexpected status ${status}`);
}

const mentions = (activities: ActivityView[], reviewId: string) => activities.some((a) => a.review?.id === reviewId);
const activitiesOf = (page: FeedPage) => page.items.flatMap((i) => i.activities);

function binary(res: Response, done: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/**
 * Whether the viewer's own export names the review's author: their likes and comments stay in
 * it (they are the viewer's own data), but a review they may no longer see is not described.
 */
async function exportNamesAuthor(p: TestPerson, m: MadeCase): Promise<boolean> {
  const res = await p.client
    .get('/api/me/export')
    .buffer(true)
    .parse(binary as never);
  expect(res.status).toBe(200);
  const files = unzipSync(new Uint8Array(res.body as Buffer));
  const json = JSON.parse(strFromU8(files['muse-export.json']!)) as { likes: Record<string, unknown>[]; comments: Record<string, unknown>[] };
  const rows = [...json.likes, ...json.comments].filter((r) => r.reviewId === m.reviewId);
  expect(rows.length).toBeGreaterThan(0);
  const csvRows = ['likes.csv', 'comments.csv']
    .flatMap((name) => parse(strFromU8(files[name]!), { columns: true, bom: true }) as Record<string, string>[])
    .filter((r) => r.review_id === m.reviewId);
  expect(csvRows).toHaveLength(rows.length);
  const named = rows.map((r) => r.reviewAuthor === m.owner.handle && r.albumId === m.albumId);
  expect(new Set(named).size).toBe(1);
  expect(csvRows.every((r) => (r.review_author === m.owner.handle) === named[0])).toBe(true);
  return named[0]!;
}

interface ReadPath {
  name: string;
  /** Viewers the path applies to (writes and the feed need a session). */
  viewers: ViewerKind[];
  /** Administrators see the review here whatever the rule says. */
  adminReads?: boolean;
  /** Only reviews of this kind pass this way (both when absent). */
  about?: ReviewCase['about'];
  seen(viewer: TestPerson | null, m: MadeCase): Promise<boolean>;
}

const SIGNED_IN: ViewerKind[] = ['stranger', 'follower', 'owner', 'admin'];

const PATHS: ReadPath[] = [
  {
    name: 'GET /api/reviews/:id',
    viewers: VIEWERS,
    adminReads: true,
    seen: async (p, m) => seenBy((await clientOf(p).get(`/api/reviews/${m.reviewId}`)).status),
  },
  {
    name: 'GET /api/reviews/:id/comments',
    viewers: VIEWERS,
    adminReads: true,
    seen: async (p, m) => seenBy((await clientOf(p).get(`/api/reviews/${m.reviewId}/comments`)).status),
  },
  {
    name: 'GET /api/albums/:id/reviews or /api/tracks/:id/reviews',
    viewers: VIEWERS,
    seen: async (p, m) => {
      const list = m.trackId ? `/api/tracks/${m.trackId}/reviews` : `/api/albums/${m.albumId}/reviews`;
      const res = await clientOf(p).get(`${list}?limit=50`).expect(200);
      return (res.body.items as ReviewView[]).some((r) => r.id === m.reviewId);
    },
  },
  {
    name: 'GET /api/albums/:id (top reviews)',
    about: 'album',
    viewers: VIEWERS,
    seen: async (p, m) => {
      const res = await clientOf(p).get(`/api/albums/${m.albumId}`).expect(200);
      return (res.body.topReviews as ReviewView[]).some((r) => r.id === m.reviewId);
    },
  },
  {
    name: 'GET /api/users/:handle/reviews',
    viewers: VIEWERS,
    seen: async (p, m) => {
      const res = await clientOf(p).get(`/api/users/${m.owner.handle}/reviews?limit=50`);
      if (res.status === 403) return false;
      expect(res.status).toBe(200);
      return (res.body.items as ReviewView[]).some((r) => r.id === m.reviewId);
    },
  },
  {
    name: "GET /api/users/:handle/activity (the author's)",
    viewers: VIEWERS,
    seen: async (p, m) => mentions(activitiesOf((await clientOf(p).get(`/api/users/${m.owner.handle}/activity?limit=50`).expect(200)).body), m.reviewId),
  },
  {
    name: "GET /api/users/:handle/activity (a liker's)",
    viewers: VIEWERS,
    seen: async (p, m) => mentions(activitiesOf((await clientOf(p).get(`/api/users/${people.liker.handle}/activity?limit=50`).expect(200)).body), m.reviewId),
  },
  {
    name: 'GET /api/feed',
    viewers: SIGNED_IN,
    seen: async (p, m) => mentions(activitiesOf((await p!.client.get('/api/feed?limit=50').expect(200)).body), m.reviewId),
  },
  {
    // The realtime dispatcher emits exactly what liveItems answers.
    name: "socket feed:new for the liker's like",
    viewers: SIGNED_IN,
    seen: async (p, m) => (await app.container.services.feed.liveItems(m.likeActivityId, [p!.id])).length > 0,
  },
  {
    name: 'thread_reply notification when the liker comments after the viewer',
    viewers: ['stranger', 'follower', 'admin'],
    seen: async (p, m) => (await app.container.services.reviewNotices.forThread(m.likerCommentId)).some((n) => n.userId === p!.id),
  },
  {
    name: "GET /api/me/export (the viewer's likes and comments)",
    viewers: SIGNED_IN,
    seen: (p, m) => exportNamesAuthor(p!, m),
  },
  {
    name: 'PUT /api/reviews/:id/like',
    viewers: ['stranger', 'follower', 'admin'],
    seen: async (p, m) => seenBy((await p!.client.send('put', `/api/reviews/${m.reviewId}/like`)).status),
  },
  {
    name: 'POST /api/reviews/:id/comments',
    viewers: SIGNED_IN,
    seen: async (p, m) => seenBy((await p!.client.post(`/api/reviews/${m.reviewId}/comments`, { body: 'a new comment' })).status, 201),
  },
];

const TABLE = PATHS.flatMap((path) =>
  CASES.filter((c) => !path.about || path.about === c.about).flatMap((c) =>
    path.viewers.map((viewer) => {
      const expected = ruleAllows(c, viewer) || (viewer === 'admin' && path.adminReads === true);
      return { label: `${path.name}: when ${viewer} looks at ${c.name}, then ${expected ? 'it is seen' : 'it is not'}`, path, c, viewer, expected };
    }),
  ),
);

describe('review visibility on every path', () => {
  it.each(TABLE)('$label', async ({ path, c, viewer, expected }) => {
    const m = made.get(c)!;
    expect(await path.seen(personOf(viewer, m), m)).toBe(expected);
  });
});

describe('changing who sees a review', () => {
  it('when the author makes a public review followers-only, then the review says so, strangers lose it on every list and the feed, and a follower keeps it', async () => {
    const [author, fan, stranger] = [await registerPerson(app), await registerPerson(app), await registerPerson(app)];
    await follow(app, fan.id, author.id);
    const album = await makeAlbum(knex());
    const created = await author.client.post(`/api/albums/${album.id}/reviews`, { body: 'Changed my mind about who hears this', visibility: 'public' });
    expect(created.status).toBe(201);
    expect((created.body as ReviewView).visibility).toBe('public');
    const id = String(created.body.id);
    const listed = async (p: TestPerson) =>
      ((await p.client.get(`/api/albums/${album.id}/reviews?sort=recent`)).body.items as ReviewView[]).some((r) => r.id === id);
    expect(await listed(stranger)).toBe(true);

    const edited = await author.client.send('patch', `/api/reviews/${id}`, { visibility: 'followers' });
    expect(edited.status).toBe(200);
    expect((edited.body as ReviewView).visibility).toBe('followers');
    expect((await stranger.client.get(`/api/reviews/${id}`)).status).toBe(404);
    expect(await listed(stranger)).toBe(false);
    expect(((await stranger.client.get(`/api/users/${author.handle}/reviews`)).body.items as ReviewView[]).map((r) => r.id)).not.toContain(id);
    expect(await listed(fan)).toBe(true);
    expect(((await fan.client.get(`/api/reviews/${id}`)).body as ReviewView).visibility).toBe('followers');
    const feed = (await fan.client.get('/api/feed')).body as FeedPage;
    expect(JSON.stringify(feed)).toContain(id);

    // An audience that is not one of the three is refused, and nothing changes.
    const bad = await author.client.send('patch', `/api/reviews/${id}`, { visibility: 'friends' });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'visibility' })]);
    expect(((await author.client.get(`/api/reviews/${id}`)).body as ReviewView).visibility).toBe('followers');
    // Nobody else may change it: a follower sees it (403), a stranger does not (404).
    expect((await fan.client.send('patch', `/api/reviews/${id}`, { visibility: 'public' })).status).toBe(403);
    expect((await stranger.client.send('patch', `/api/reviews/${id}`, { visibility: 'public' })).status).toBe(404);
    expect((await stranger.client.send('delete', `/api/reviews/${id}`)).status).toBe(404);
    expect((await author.client.get(`/api/reviews/${id}`)).status).toBe(200);
  });
});

describe('paged review lists', () => {
  it('when the most liked reviews are hidden from the viewer, then pages of one are still full and the cursor ends with the last visible review', async () => {
    const [author, fan] = [await registerPerson(app), await registerPerson(app)];
    const album = await makeAlbum(knex());
    const ids: string[] = [];
    for (const visibility of ['public', 'private', 'followers', 'public'] as Visibility[]) {
      const res = await author.client.post(`/api/albums/${album.id}/reviews`, { body: `${visibility} take`, visibility });
      expect(res.status).toBe(201);
      ids.push(String(res.body.id));
    }
    const [oldPublic, hiddenPrivate, hiddenFollowers, newPublic] = ids;
    // The hidden ones are the most liked, so a filter after the page was cut would empty it.
    await knex()('reviews').whereIn('id', [hiddenPrivate!, hiddenFollowers!]).update({ like_count: 10 });
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page: { items: ReviewView[]; nextCursor: string | null } = (await fan.client.get(`/api/albums/${album.id}/reviews?limit=1${query}`).expect(200))
        .body;
      expect(page.items).toHaveLength(1);
      seen.push(page.items[0]!.id);
      cursor = page.nextCursor;
      if (seen.length > 4) throw new Error('the cursor never ends');
    }
    expect(seen).toEqual([newPublic, oldPublic]);
  });
});

// Last in this file: it drops and re-adds the column the tests above read.
describe('reviews written before reviews kept a visibility', () => {
  it("when the column is added, then each review takes the visibility of its activity, or else its author's default", async () => {
    const [ana, bob] = [await registerPerson(app), await registerPerson(app)];
    await setPrivacy(app, ana.id, { defaultVisibility: 'followers' });
    const write = async (p: TestPerson, body: Record<string, unknown>) => {
      const res = await p.client.post(`/api/albums/${(await makeAlbum(knex())).id}/reviews`, body);
      expect(res.status).toBe(201);
      return String(res.body.id);
    };
    const chosen = await write(ana, { body: 'chosen private', visibility: 'private' });
    const byDefault = await write(ana, { body: 'by her default' });
    const bobsFollowers = await write(bob, { body: 'for followers', visibility: 'followers' });
    const [noActivity] = await knex()('reviews')
      .insert({ user_id: ana.id, album_id: (await makeAlbum(knex())).id, body: 'imported long ago' })
      .returning('id');
    const visibilities = async () =>
      Object.fromEntries(
        (
          await knex()('reviews')
            .whereIn('id', [chosen, byDefault, bobsFollowers, String(noActivity.id)])
            .select('id', 'visibility')
        ).map((r) => [String(r.id), r.visibility]),
      );
    const written = { [chosen]: 'private', [byDefault]: 'followers', [bobsFollowers]: 'followers' };
    expect(await visibilities()).toMatchObject(written);

    await knex().raw('ALTER TABLE reviews DROP COLUMN visibility');
    await addReviewVisibility(knex());

    expect(await visibilities()).toEqual({ ...written, [String(noActivity.id)]: 'followers' });
  });
});
