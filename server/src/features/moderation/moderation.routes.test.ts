import type { FeedPage, Notification, ReportView, SuspendedAccountPage, SuspendedAccountView } from '@muse/shared';
import { useTestApp, type TestClient } from '../../testing/test-app';
import { nextEvent, openSocket, type MuseClientSocket } from '../notifications/notification-sockets.testing';
import { follow, makeAlbum, newUserInput, registerUser } from '../../testing/factories';

const app = useTestApp({ env: { ADMIN_HANDLES: 'mod_boss' } });

const sockets: MuseClientSocket[] = [];
afterEach(() => {
  while (sockets.length) sockets.pop()!.disconnect();
});

let admin: Awaited<ReturnType<typeof registerUser>> | undefined;
async function theAdmin() {
  admin ??= await registerUser(app, { handle: 'mod_boss' });
  return admin;
}

async function reviewBy(client: TestClient, body = 'Utterly overrated, and here is why') {
  const album = await makeAlbum(app.container.knex, { title: 'OK Computer' });
  const res = await client.post(`/api/albums/${album.id}/reviews`, { body });
  expect(res.status).toBe(201);
  return { id: res.body.id as string, albumId: String(album.id) };
}

async function commentBy(client: TestClient, reviewId: string, body = 'You are wrong') {
  const res = await client.post(`/api/reviews/${reviewId}/comments`, { body });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function report(client: TestClient, targetType: 'review' | 'comment', targetId: string, reason = 'Spam') {
  return client.post('/api/reports', { targetType, targetId, reason });
}

async function resolve(reportId: string, action: 'hide' | 'dismiss' | 'suspend_author', note?: string) {
  return (await theAdmin()).client.post(`/api/admin/reports/${reportId}/resolve`, { action, note });
}

async function outcomes(client: TestClient): Promise<Notification[]> {
  const res = await client.get('/api/notifications?limit=100').expect(200);
  return (res.body.items as Notification[]).filter((n) => n.type === 'report_resolved');
}

describe('POST /api/reports', () => {
  it('when a user reports a review, then it is queued for admins with an excerpt, author and reporter', async () => {
    const author = await registerUser(app);
    const reporter = await registerUser(app);
    const review = await reviewBy(author.client, '🎸'.repeat(400));
    const res = await report(reporter.client, 'review', review.id, '  Spam links  ');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      targetType: 'review',
      targetId: review.id,
      reason: 'Spam links',
      status: 'open',
      author: { id: author.session.user.id },
      reporter: { id: reporter.session.user.id },
    });
    expect(Array.from(res.body.excerpt as string)).toHaveLength(281);
    const queue = await (await theAdmin()).client.get('/api/admin/reports?status=open&limit=100').expect(200);
    expect(queue.body.items.map((r: ReportView) => r.id)).toContain(res.body.id);
  });

  it('when the same user reports the same content again, then it answers 409 already_reported and one report exists', async () => {
    const author = await registerUser(app);
    const reporter = await registerUser(app);
    const review = await reviewBy(author.client);
    const [first, second] = await Promise.all([report(reporter.client, 'review', review.id), report(reporter.client, 'review', review.id)]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    expect([first, second].find((r) => r.status === 409)!.body.code).toBe('already_reported');
    expect(await app.container.knex('reports').where({ target_type: 'review', target_id: review.id })).toHaveLength(1);
  });

  it('when reporting one’s own review or comment, then it answers 400 own_content', async () => {
    const author = await registerUser(app);
    const review = await reviewBy(author.client);
    const comment = await commentBy(author.client, review.id);
    for (const [type, id] of [
      ['review', review.id],
      ['comment', comment],
    ] as const) {
      const res = await report(author.client, type, id);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('own_content');
    }
  });

  it.each([
    ['an unknown review', 404, { targetType: 'review', targetId: '999999999' }],
    ['an unknown comment', 404, { targetType: 'comment', targetId: '999999999' }],
    ['an unknown target type', 400, { targetType: 'user', targetId: '1' }],
    ['a non-numeric id', 400, { targetType: 'review', targetId: 'abc' }],
    ['a numeric id as a number', 400, { targetType: 'review', targetId: 1 }],
  ])('when reporting %s, then it answers %i', async (_label, status, body) => {
    const { client } = await registerUser(app);
    const res = await client.post('/api/reports', { reason: 'bad', ...body });
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });

  it.each([
    ['an empty reason', ''],
    ['a blank reason', '   '],
    ['a reason over 1,000 characters', 'x'.repeat(1001)],
  ])('when the report has %s, then it answers 400 and stores nothing', async (_label, reason) => {
    const author = await registerUser(app);
    const reporter = await registerUser(app);
    const review = await reviewBy(author.client);
    expect((await report(reporter.client, 'review', review.id, reason)).status).toBe(400);
    expect(await app.container.knex('reports').where({ target_id: review.id })).toEqual([]);
  });

  it('when signed out, then it answers 401', async () => {
    const client = app.client();
    expect((await client.post('/api/reports', { targetType: 'review', targetId: '1', reason: 'x' })).status).toBe(401);
  });
});

describe('admin moderation routes', () => {
  it('when a normal user asks for the queue or resolves, then it answers 403 admin_only and nothing changes', async () => {
    const author = await registerUser(app);
    const reporter = await registerUser(app);
    const review = await reviewBy(author.client);
    const filed = (await report(reporter.client, 'review', review.id)).body as ReportView;
    const list = await reporter.client.get('/api/admin/reports');
    expect(list.status).toBe(403);
    expect(list.body.code).toBe('admin_only');
    expect((await author.client.post(`/api/admin/reports/${filed.id}/resolve`, { action: 'dismiss' })).status).toBe(403);
    expect((await app.container.knex('reports').where({ id: filed.id }).first()).status).toBe('open');
  });

  it('when resolving an unknown report, twice, or with a bad action, then it answers 404, 409 or 400', async () => {
    const author = await registerUser(app);
    const reporter = await registerUser(app);
    const review = await reviewBy(author.client);
    const filed = (await report(reporter.client, 'review', review.id)).body as ReportView;
    expect((await resolve('999999999', 'dismiss')).status).toBe(404);
    expect((await (await theAdmin()).client.post(`/api/admin/reports/${filed.id}/resolve`, { action: 'delete_everything' })).status).toBe(400);
    expect((await resolve(filed.id, 'dismiss')).status).toBe(200);
    const again = await resolve(filed.id, 'hide');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_resolved');
    expect((await app.client().get(`/api/reviews/${review.id}`)).status).toBe(200);
  });

  it('when a report is dismissed, then the content stays and the reporter is told', async () => {
    const author = await registerUser(app);
    const reporter = await registerUser(app);
    const review = await reviewBy(author.client);
    const filed = (await report(reporter.client, 'review', review.id)).body as ReportView;
    const res = await resolve(filed.id, 'dismiss', 'Harsh but fair');
    expect(res.body).toMatchObject({ status: 'dismissed', resolution: { action: 'dismiss', note: 'Harsh but fair' }, targetHidden: false });
    expect((await app.client().get(`/api/reviews/${review.id}`)).status).toBe(200);
    expect((await outcomes(reporter.client)).map((n) => n.title)).toEqual(['We reviewed the review you reported']);
    const resolved = await (await theAdmin()).client.get('/api/admin/reports?status=dismissed').expect(200);
    expect(resolved.body.items.map((r: ReportView) => r.id)).toContain(filed.id);
  });
});

describe('hiding', () => {
  it('when a review is hidden, then it leaves album and user lists and its page is 404 except to admins; every reporter is told', async () => {
    const author = await registerUser(app);
    const [r1, r2] = [await registerUser(app), await registerUser(app)];
    const review = await reviewBy(author.client);
    const kept = await reviewBy(author.client, 'A fair one');
    const filed = (await report(r1.client, 'review', review.id)).body as ReportView;
    await report(r2.client, 'review', review.id, 'Hateful');

    const res = await resolve(filed.id, 'hide');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'actioned', targetHidden: true });
    const viewer = await registerUser(app);
    expect((await viewer.client.get(`/api/reviews/${review.id}`)).status).toBe(404);
    expect((await author.client.get(`/api/reviews/${review.id}`)).status).toBe(404);
    expect((await (await theAdmin()).client.get(`/api/reviews/${review.id}`)).status).toBe(200);
    expect((await viewer.client.get(`/api/albums/${review.albumId}/reviews`)).body.items).toEqual([]);
    const mine = await viewer.client.get(`/api/users/${author.input.handle}/reviews`).expect(200);
    expect(mine.body.items.map((r: { id: string }) => r.id)).toEqual([kept.id]);
    expect((await viewer.client.get(`/api/reviews/${review.id}/comments`)).status).toBe(404);
    expect((await viewer.client.send('put', `/api/reviews/${review.id}/like`)).status).toBe(404);
    expect((await viewer.client.post(`/api/reviews/${review.id}/comments`, { body: 'hi' })).status).toBe(404);
    expect((await report(viewer.client, 'review', review.id)).status).toBe(404);

    for (const reporter of [r1, r2]) expect((await outcomes(reporter.client)).map((n) => n.title)).toEqual(['We hid the review you reported']);
    const open = await (await theAdmin()).client.get('/api/admin/reports?limit=100').expect(200);
    expect(open.body.items.filter((r: ReportView) => r.targetId === review.id)).toEqual([]);
  });

  it('when a comment is hidden, then it leaves the comment list and the review’s comment count', async () => {
    const author = await registerUser(app);
    const troll = await registerUser(app);
    const review = await reviewBy(author.client);
    const bad = await commentBy(troll.client, review.id, 'nasty');
    const good = await commentBy(author.client, review.id, 'kind');
    const filed = (await report(author.client, 'comment', bad)).body as ReportView;
    expect((await resolve(filed.id, 'hide')).status).toBe(200);
    const page = await app.client().get(`/api/reviews/${review.id}`).expect(200);
    expect(page.body.comments.items.map((c: { id: string }) => c.id)).toEqual([good]);
    expect(page.body.commentCount).toBe(1);
    const list = await app.client().get(`/api/reviews/${review.id}/comments`).expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([good]);
    // Deleting the hidden comment later must not lower the count twice.
    expect((await troll.client.delete(`/api/comments/${bad}`)).status).toBe(204);
    expect((await app.client().get(`/api/reviews/${review.id}`)).body.commentCount).toBe(1);
  });
});

describe('party chat messages', () => {
  /** A live party by `host` with `guests` in the room, and a message `author` wrote there. */
  async function partyMessage(host: TestClient, author: TestClient, others: TestClient[], body: string) {
    const album = await makeAlbum(app.container.knex, { title: 'Release Night', tracks: ['One'] });
    const party = await host.post('/api/parties', { albumId: album.id });
    expect(party.status).toBe(201);
    for (const c of [author, ...others]) expect((await c.send('put', `/api/parties/${party.body.id}/participation`)).status).toBe(200);
    const message = await author.post(`/api/parties/${party.body.id}/messages`, { body });
    expect(message.status).toBe(201);
    return { partyId: String(party.body.id), messageId: String(message.body.id) };
  }

  it('when a chat message is reported, then it is in the admin queue with the party’s link, and removing it takes it out of the room live', async () => {
    const host = await registerUser(app);
    const troll = await registerUser(app);
    const reporter = await registerUser(app);
    const { partyId, messageId } = await partyMessage(host.client, troll.client, [reporter.client], 'buy followers at spam.example');
    expect((await reporter.client.post(`/api/parties/${partyId}/messages/${messageId}/reports`, { reason: 'Spam' })).status).toBe(204);
    // The general endpoint is for reviews and comments: a party message is reported where it is seen.
    expect((await report(reporter.client, 'party_message' as 'review', messageId)).status).toBe(400);

    const queue = (await (await theAdmin()).client.get('/api/admin/reports').expect(200)).body.items as ReportView[];
    const filed = queue.find((r) => r.targetType === 'party_message' && r.targetId === messageId)!;
    expect(filed).toMatchObject({
      link: `/parties/${partyId}`,
      excerpt: 'buy followers at spam.example',
      author: { id: String(troll.session.user.id) },
      reporter: { id: String(reporter.session.user.id) },
      reason: 'Spam',
      targetHidden: false,
    });

    const socket = openSocket(app, reporter.client);
    sockets.push(socket);
    await nextEvent(socket, 'connect');
    expect(await new Promise((done) => socket.emit('party:watch', partyId, done))).toBe(true);
    const removed = nextEvent<{ partyId: string; messageId: string }>(socket, 'party:message-removed');
    const resolved = (await resolve(filed.id, 'hide')).body as ReportView;
    expect(resolved).toMatchObject({ status: 'actioned', targetHidden: true });
    expect(await removed).toMatchObject({ partyId, messageId });
    expect((await reporter.client.get(`/api/parties/${partyId}/messages`).expect(200)).body.items).toEqual([]);
    expect((await outcomes(reporter.client)).map((n) => n.title)).toEqual(['We hid the chat message you reported']);
    // A removed message can no longer be reported.
    expect((await host.client.post(`/api/parties/${partyId}/messages/${messageId}/reports`, { reason: 'late' })).status).toBe(404);
  });

  it('when the author of a reported chat message is suspended, then the message goes and they cannot sign in', async () => {
    const host = await registerUser(app);
    const troll = await registerUser(app);
    const { partyId, messageId } = await partyMessage(host.client, troll.client, [], 'abuse');
    expect((await host.client.post(`/api/parties/${partyId}/messages/${messageId}/reports`, { reason: 'Abuse' })).status).toBe(204);
    const queue = (await (await theAdmin()).client.get('/api/admin/reports').expect(200)).body.items as ReportView[];
    const filed = queue.find((r) => r.targetType === 'party_message' && r.targetId === messageId)!;
    expect((await resolve(filed.id, 'suspend_author')).status).toBe(200);
    expect((await troll.client.get('/api/me')).status).toBe(401);
    expect((await host.client.get(`/api/parties/${partyId}/messages`).expect(200)).body.items).toEqual([]);
  });

  it('when a comment is reported, then the queue links to the review it is on', async () => {
    const author = await registerUser(app);
    const troll = await registerUser(app);
    const review = await reviewBy(author.client);
    const bad = await commentBy(troll.client, review.id, 'rude');
    const filed = (await report(author.client, 'comment', bad)).body as ReportView;
    expect(filed.link).toBe(`/reviews/${review.id}`);
  });
});

describe('suspending', () => {
  it('when the author is suspended, then their sessions end (old cookie 401, socket dropped), login is refused, the content is hidden', async () => {
    const authorInput = newUserInput();
    const author = await registerUser(app, authorInput);
    const reporter = await registerUser(app);
    const review = await reviewBy(author.client);
    const other = await reviewBy(author.client, 'Another take');
    const socket = openSocket(app, author.client);
    sockets.push(socket);
    await nextEvent(socket, 'connect');
    const dropped = nextEvent<string>(socket, 'disconnect');

    const filed = (await report(reporter.client, 'review', review.id)).body as ReportView;
    const res = await resolve(filed.id, 'suspend_author', 'Repeated abuse');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'actioned', resolution: { action: 'suspend_author' }, targetHidden: true });

    expect(await dropped).toBe('io server disconnect');
    const me = await author.client.get('/api/me');
    expect(me.status).toBe(401);
    // The CSRF token was bound to the ended session, so the write is refused before auth (403).
    expect([401, 403]).toContain((await author.client.post(`/api/albums/${review.albumId}/reviews`, { body: 'sneaky' })).status);
    expect(await app.container.knex('reviews').where({ body: 'sneaky' })).toEqual([]);

    const login = await app.client().post('/api/auth/login', { identifier: authorInput.handle, password: authorInput.password });
    expect(login.status).toBe(403);
    expect(login.body.code).toBe('account_suspended');
    const wrong = await app.client().post('/api/auth/login', { identifier: authorInput.handle, password: 'not the password at all' });
    expect(wrong.status).toBe(401);

    expect((await app.client().get(`/api/reviews/${review.id}`)).status).toBe(404);
    // Suspension hides what was reported for good; the author's other reviews are withheld only while the suspension lasts.
    expect((await app.client().get(`/api/reviews/${other.id}`)).status).toBe(404);
    expect((await outcomes(reporter.client)).map((n) => n.title)).toEqual(['We hid the review you reported and suspended its author']);
  });

  it('when a session is somehow still live for a suspended account, then it is refused', async () => {
    const user = await registerUser(app);
    await app.container.knex('users').where({ id: user.session.user.id }).update({ suspended_at: new Date() });
    expect((await user.client.get('/api/me')).status).toBe(401);
  });

  it('when the author is an admin, then suspension is refused and nothing changes', async () => {
    const boss = await theAdmin();
    const reporter = await registerUser(app);
    const review = await reviewBy(boss.client);
    const filed = (await report(reporter.client, 'review', review.id)).body as ReportView;
    const res = await resolve(filed.id, 'suspend_author');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('cannot_suspend_admin');
    expect((await app.client().get(`/api/reviews/${review.id}`)).status).toBe(200);
    expect((await app.container.knex('reports').where({ id: filed.id }).first()).status).toBe('open');
    expect((await boss.client.get('/api/me')).status).toBe(200);
  });
});

describe('reports about an administrator’s own content', () => {
  it.each(['hide', 'dismiss'] as const)(
    'when the admin tries to %s a report about their own review, then it answers 403 own_content and the report stays open',
    async (action) => {
      const boss = await theAdmin();
      const reporter = await registerUser(app);
      const review = await reviewBy(boss.client);
      const filed = (await report(reporter.client, 'review', review.id)).body as ReportView;

      const res = await resolve(filed.id, action);

      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.code).toBe('own_content');
      expect((await app.container.knex('reports').where({ id: filed.id }).first()).status).toBe('open');
      expect((await app.client().get(`/api/reviews/${review.id}`)).status).toBe(200);
    },
  );
});

/** Registers an author, has someone report one of their reviews and suspends them through the report. */
async function suspendedAuthor() {
  const input = newUserInput();
  const author = await registerUser(app, input);
  const reporter = await registerUser(app);
  const review = await reviewBy(author.client);
  const filed = (await report(reporter.client, 'review', review.id, 'Abusive')).body as ReportView;
  expect((await resolve(filed.id, 'suspend_author')).status).toBe(200);
  return { ...author, input, id: String(author.session.user.id), reporter, review, reportId: filed.id };
}

async function login(input: { handle: string; password: string }) {
  const client = app.client();
  const res = await client.post('/api/auth/login', { identifier: input.handle, password: input.password });
  return { client, res };
}

async function unsuspend(client: TestClient, userId: string) {
  return client.post(`/api/admin/users/${userId}/unsuspend`);
}

/** Every suspended account, walking all pages of `limit`. */
async function allSuspended(limit = 100): Promise<SuspendedAccountView[]> {
  const { client } = await theAdmin();
  const seen: SuspendedAccountView[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page: SuspendedAccountPage = (await client.get(`/api/admin/users/suspended?${query}`).expect(200)).body;
    seen.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return seen;
}

describe('lifting a suspension', () => {
  it('when signed out, then listing and lifting answer 401 problem+json and the account stays suspended', async () => {
    const author = await suspendedAuthor();
    const anon = app.client();
    const list = await anon.get('/api/admin/users/suspended');
    expect(list.status).toBe(401);
    expect(list.headers['content-type']).toMatch(/problem\+json/);
    const lift = await unsuspend(anon, author.id);
    expect(lift.status).toBe(401);
    expect(lift.headers['content-type']).toMatch(/problem\+json/);
    expect((await app.container.knex('users').where({ id: author.id }).first()).suspended_at).not.toBeNull();
  });

  it('when a normal user lists or lifts, then it answers 403 admin_only and the account stays suspended', async () => {
    const author = await suspendedAuthor();
    const list = await author.reporter.client.get('/api/admin/users/suspended');
    expect(list.status).toBe(403);
    expect(list.body.code).toBe('admin_only');
    const lift = await unsuspend(author.reporter.client, author.id);
    expect(lift.status).toBe(403);
    expect(lift.body.code).toBe('admin_only');
    expect(lift.headers['content-type']).toMatch(/problem\+json/);
    expect((await login(author.input)).res.status).toBe(403);
  });

  it('when the account is unknown, the id malformed or the account not suspended, then it answers 404, 400 or 409 not_suspended', async () => {
    const { client } = await theAdmin();
    const unknown = await unsuspend(client, '999999999');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('not_found');
    expect(unknown.headers['content-type']).toMatch(/problem\+json/);
    expect((await unsuspend(client, 'abc')).status).toBe(400);
    expect((await unsuspend(client, '-1')).status).toBe(400);
    const free = await registerUser(app);
    const notSuspended = await unsuspend(client, String(free.session.user.id));
    expect(notSuspended.status).toBe(409);
    expect(notSuspended.body.code).toBe('not_suspended');
    expect(notSuspended.headers['content-type']).toMatch(/problem\+json/);
    expect((await free.client.get('/api/me')).status).toBe(200);
  });

  it('when a suspension is lifted, then the account can sign in again, old sessions stay ended, and lifting again is a 409', async () => {
    const author = await suspendedAuthor();
    expect((await author.client.get('/api/me')).status).toBe(401);
    const refused = await login(author.input);
    expect(refused.res.status).toBe(403);
    expect(refused.res.body.code).toBe('account_suspended');

    const { client } = await theAdmin();
    const lift = await unsuspend(client, author.id);
    expect(lift.status).toBe(204);
    expect(await app.container.knex('users').where({ id: author.id }).first('suspended_at', 'suspended_by', 'suspension_report_id')).toEqual({
      suspended_at: null,
      suspended_by: null,
      suspension_report_id: null,
    });

    const back = await login(author.input);
    expect(back.res.status).toBe(200);
    expect((await back.client.get('/api/me').expect(200)).body.user.id).toBe(author.id);
    // The cookie from before the suspension was ended with it and stays ended.
    expect((await author.client.get('/api/me')).status).toBe(401);

    const again = await unsuspend(client, author.id);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('not_suspended');
    expect((await allSuspended()).map((s) => s.user.id)).not.toContain(author.id);
  });

  it('when a suspension is lifted, then what only the suspension hid shows again and reviews hidden by reports stay hidden', async () => {
    const input = newUserInput();
    const author = await registerUser(app, input);
    const authorId = String(author.session.user.id);
    const follower = await registerUser(app);
    const reporter = await registerUser(app);
    await follow(app, String(follower.session.user.id), authorId);
    const reported = await reviewBy(author.client, 'The review that got me suspended');
    const hiddenAlone = await reviewBy(author.client, 'A review hidden on its own');
    const fine = await reviewBy(author.client, 'A perfectly fine review');
    expect((await author.client.send('put', `/api/albums/${fine.albumId}/rating`, { rating: 4 })).status).toBe(200);

    const feedReviews = async () => {
      const page = (await follower.client.get('/api/feed?limit=50').expect(200)).body as FeedPage;
      return page.items.flatMap((item) => item.activities).flatMap((a) => (a.review ? [a.review.id] : []));
    };
    const friendsOnAlbum = async () =>
      ((await follower.client.get(`/api/albums/${fine.albumId}/friends`).expect(200)).body.friends as { user: { id: string } }[]).map((f) => f.user.id);
    expect((await feedReviews()).sort()).toEqual([reported.id, hiddenAlone.id, fine.id].sort());
    expect(await friendsOnAlbum()).toEqual([authorId]);

    const hideReport = (await report(reporter.client, 'review', hiddenAlone.id)).body as ReportView;
    expect((await resolve(hideReport.id, 'hide')).status).toBe(200);
    const suspendReport = (await report(reporter.client, 'review', reported.id)).body as ReportView;
    expect((await resolve(suspendReport.id, 'suspend_author')).status).toBe(200);

    // While suspended, the author's activity leaves followers' feeds and friends' ratings, and
    // their reviews and profile leave review lists, album pages, review pages and user search.
    expect(await feedReviews()).toEqual([]);
    expect(await friendsOnAlbum()).toEqual([]);
    const anyone = app.client();
    expect((await anyone.get(`/api/reviews/${fine.id}`)).status).toBe(404);
    expect((await anyone.get(`/api/albums/${fine.albumId}/reviews`).expect(200)).body.items).toEqual([]);
    expect((await anyone.get(`/api/albums/${fine.albumId}`).expect(200)).body.topReviews).toEqual([]);
    expect((await anyone.get(`/api/users/${input.handle}/reviews`).expect(403)).body.code).toBe('account_suspended');
    const userHits = async () => ((await anyone.get(`/api/search?type=user&q=${input.handle}`).expect(200)).body.users as { id: string }[]).map((u) => u.id);
    expect(await userHits()).toEqual([]);
    // Administrators still see the review, to judge the case.
    expect((await (await theAdmin()).client.get(`/api/reviews/${fine.id}`)).status).toBe(200);

    expect((await unsuspend((await theAdmin()).client, authorId)).status).toBe(204);

    expect(await feedReviews()).toEqual([fine.id]);
    expect(await friendsOnAlbum()).toEqual([authorId]);
    const viewer = app.client();
    expect((await viewer.get(`/api/reviews/${fine.id}`)).status).toBe(200);
    for (const hidden of [reported, hiddenAlone]) {
      expect((await viewer.get(`/api/reviews/${hidden.id}`)).status).toBe(404);
      expect((await viewer.get(`/api/albums/${hidden.albumId}/reviews`).expect(200)).body.items).toEqual([]);
    }
    const theirs = await viewer.get(`/api/users/${input.handle}/reviews`).expect(200);
    expect(theirs.body.items.map((r: { id: string }) => r.id)).toEqual([fine.id]);
    expect((await viewer.get(`/api/albums/${fine.albumId}/reviews`).expect(200)).body.items.map((r: { id: string }) => r.id)).toEqual([fine.id]);
    expect((await viewer.get(`/api/albums/${fine.albumId}`).expect(200)).body.topReviews.map((r: { id: string }) => r.id)).toEqual([fine.id]);
    expect(await userHits()).toEqual([authorId]);
  });

  it('when accounts are suspended, then admins list them newest first with who suspended them and the report, across pages', async () => {
    const boss = await theAdmin();
    const first = await suspendedAuthor();
    const second = await suspendedAuthor();
    const third = await suspendedAuthor();
    // Two suspensions in the same instant must still page without gaps or repeats.
    const same = new Date();
    await app.container.knex('users').whereIn('id', [second.id, third.id]).update({ suspended_at: same });
    await app.container
      .knex('users')
      .where({ id: first.id })
      .update({ suspended_at: new Date(same.getTime() - 60_000) });

    const pagedByOne = await allSuspended(1);
    const ids = pagedByOne.map((s) => s.user.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual((await allSuspended()).map((s) => s.user.id));
    const ours = ids.filter((id) => [first.id, second.id, third.id].includes(id));
    expect(ours).toEqual([third.id, second.id, first.id]);

    const entry = pagedByOne.find((s) => s.user.id === first.id)!;
    expect(entry).toEqual({
      user: { id: first.id, handle: first.input.handle, displayName: first.input.displayName },
      suspendedAt: new Date(same.getTime() - 60_000).toISOString(),
      suspendedBy: { id: String(boss.session.user.id), handle: boss.session.user.handle, displayName: boss.session.user.displayName },
      report: { id: first.reportId, targetType: 'review', targetId: first.review.id, excerpt: 'Utterly overrated, and here is why', reason: 'Abusive' },
    });
    expect((await boss.client.get('/api/admin/users/suspended?cursor=bm90LWEtY3Vyc29y')).status).toBe(400);
    expect((await boss.client.get('/api/admin/users/suspended?limit=0')).status).toBe(400);
  });

  it('when the reporter deletes their account, then the suspension stands and the list shows no report', async () => {
    const author = await suspendedAuthor();
    await app.container.knex('users').where({ id: author.reporter.session.user.id }).delete();
    const entry = (await allSuspended()).find((s) => s.user.id === author.id);
    expect(entry).toMatchObject({ user: { id: author.id }, report: null });
    expect((await login(author.input)).res.status).toBe(403);
  });

  it('when a suspended account is deleted, then it leaves the list', async () => {
    const author = await suspendedAuthor();
    await app.container.knex('users').where({ id: author.id }).delete();
    expect((await allSuspended()).map((s) => s.user.id)).not.toContain(author.id);
    expect((await unsuspend((await theAdmin()).client, author.id)).status).toBe(404);
  });

  it('when a lifted account is suspended again, then the list names the new report', async () => {
    const author = await suspendedAuthor();
    const { client } = await theAdmin();
    expect((await unsuspend(client, author.id)).status).toBe(204);
    const back = await login(author.input);
    const review = await reviewBy(back.client, 'Back at it');
    const filed = (await report(author.reporter.client, 'review', review.id, 'Again')).body as ReportView;
    expect((await resolve(filed.id, 'suspend_author')).status).toBe(200);
    const entry = (await allSuspended()).find((s) => s.user.id === author.id);
    expect(entry?.report).toMatchObject({ id: filed.id, reason: 'Again' });
    expect((await back.client.get('/api/me')).status).toBe(401);
  });
});
