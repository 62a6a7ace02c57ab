import { io as connect, type Socket } from 'socket.io-client';
import type { FeedItem, FeedPage } from '@muse/shared';
import { useTestApp } from '../../testing/test-app';
import { block, follow, makeAlbum, registerPerson, type TestPerson, unfollow } from '../../testing/factories';
import { jobsSettled } from '../../testing/jobs-settled';

const app = useTestApp({ worker: true });

const sockets: Socket[] = [];
afterEach(() => {
  while (sockets.length) sockets.pop()!.disconnect();
});

type Person = TestPerson;

const person = () => registerPerson(app);

async function review(p: Person, body: string): Promise<void> {
  const album = await makeAlbum(app.container.knex);
  expect((await p.client.post(`/api/albums/${album.id}/reviews`, { body })).status).toBe(201);
}

async function feedOf(p: Person): Promise<FeedPage> {
  await jobsSettled(app, ['feed']);
  return (await p.client.get('/api/feed?limit=50').expect(200)).body as FeedPage;
}

const timeline = (userId: string) => app.container.redis.zrevrange(app.container.services.timelines.key(userId), 0, -1);
const excerpts = (page: FeedPage) => page.items.flatMap((i) => i.activities.map((a) => a.review?.excerpt));

async function connected(p: Person): Promise<Socket> {
  const cookie = p.client.cookieHeader();
  const socket = connect(app.url, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

function collect(socket: Socket): FeedItem[] {
  const items: FeedItem[] = [];
  socket.on('feed:new', ({ item }: { item: FeedItem }) => items.push(item));
  return items;
}

function next(socket: Socket): Promise<FeedItem> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no feed:new within 10 s')), 10_000).unref();
    socket.once('feed:new', ({ item }: { item: FeedItem }) => {
      clearTimeout(timer);
      resolve(item);
    });
  });
}

describe('fan-out on write', () => {
  it('when a followee writes, then the job pushes the activity into timelines that exist and creates none', async () => {
    const [reader, idle, a] = [await person(), await person(), await person()];
    await follow(app, reader.id, a.id);
    await follow(app, idle.id, a.id);
    await feedOf(reader);
    await review(a, 'pushed');
    await jobsSettled(app, ['feed']);
    const [activity] = await app.container.docs.activity.listByActor(a.id, { limit: 1 });
    expect(await timeline(reader.id)).toContain(activity!.id);
    expect(await app.container.redis.exists(app.container.services.timelines.key(idle.id))).toBe(0);
    expect(excerpts(await feedOf(reader))).toEqual(['pushed']);
  });

  it('when the timeline is missing, then the read rebuilds it from the document store', async () => {
    const [v, a, b] = [await person(), await person(), await person()];
    await follow(app, v.id, a.id);
    await follow(app, v.id, b.id);
    await review(a, 'first');
    await review(b, 'second');
    await app.container.services.timelines.drop(v.id);
    expect(excerpts(await feedOf(v))).toEqual(['second', 'first']);
    expect(await timeline(v.id)).toHaveLength(3);
  });

  it('when the viewer follows someone new after the timeline was built, then their earlier activity joins it', async () => {
    const [v, a, b] = [await person(), await person(), await person()];
    await follow(app, v.id, a.id);
    await review(b, 'written before the follow');
    await review(a, 'from a');
    expect(excerpts(await feedOf(v))).toEqual(['from a']);
    await follow(app, v.id, b.id);
    expect(excerpts(await feedOf(v))).toEqual(['from a', 'written before the follow']);
  });

  it('when a timeline holds only its newest entries, then older pages continue from the document store without gaps', async () => {
    const [v, a] = [await person(), await person()];
    await follow(app, v.id, a.id);
    for (const body of ['one', 'two', 'three', 'four', 'five']) await review(a, body);
    await feedOf(v);
    await app.container.redis.zremrangebyrank(app.container.services.timelines.key(v.id), 0, -3);
    const seen: (string | undefined)[] = [];
    let cursor: string | null = null;
    do {
      const page: FeedPage = (await v.client.get(`/api/feed?limit=1${cursor ? `&cursor=${cursor}` : ''}`).expect(200)).body;
      seen.push(...excerpts(page));
      cursor = page.nextCursor;
    } while (cursor && seen.length < 10);
    // Reviews by one actor within hours group together, so one item holds them all.
    expect(seen).toEqual(['five', 'four', 'three', 'two', 'one']);
  });

  it('when the actor has very many followers, then nothing is pushed and the follower still sees it, merged on read', async () => {
    const [v, a, b] = [await person(), await person(), await person()];
    await follow(app, v.id, a.id);
    await follow(app, v.id, b.id);
    await feedOf(v);
    await app.container.knex('users').where({ id: a.id }).update({ follower_count: 50_000 });
    await review(b, 'small account');
    await review(a, 'big account');
    await jobsSettled(app, ['feed']);
    const [big] = await app.container.docs.activity.listByActor(a.id, { limit: 1 });
    expect(await timeline(v.id)).not.toContain(big!.id);
    expect(excerpts(await feedOf(v))).toEqual(['big account', 'small account']);
  });

  it('when a big account the viewer merges on read posts after the viewer’s page was kept, then the next read shows it', async () => {
    const [v, a] = [await person(), await person()];
    await follow(app, v.id, a.id);
    await app.container.knex('users').where({ id: a.id }).update({ follower_count: 50_000 });
    await review(a, 'first');
    expect(excerpts(await feedOf(v))).toEqual(['first']);
    await review(a, 'second');
    // Nothing reaches the viewer's timeline; the fan-out marks the account, which the kept page names.
    expect(excerpts(await feedOf(v))).toEqual(['second', 'first']);
  });
});

describe('live feed', () => {
  it('when a followee writes, then the follower receives feed:new and a non-follower does not', async () => {
    const [v, stranger, a] = [await person(), await person(), await person()];
    await follow(app, v.id, a.id);
    const [vs, ss] = [await connected(v), await connected(stranger)];
    const strangerGot = collect(ss);
    const arriving = next(vs);
    await review(a, 'live one');
    const item = await arriving;
    expect(item).toMatchObject({ type: 'reviewed', actor: { id: a.id }, activities: [{ review: { excerpt: 'live one' } }] });
    expect(item.id).toBe(item.activities[0]!.id);
    // The stranger's socket saw the same events go by and got nothing.
    const second = next(vs);
    await review(a, 'live two');
    await second;
    expect(strangerGot).toEqual([]);
  });

  it('when the follower unfollows or is blocked, then later activity no longer reaches them live', async () => {
    const [v, a, b, c] = [await person(), await person(), await person(), await person()];
    for (const x of [a, b, c]) await follow(app, v.id, x.id);
    const socket = await connected(v);
    const got = collect(socket);
    await unfollow(app, v.id, a.id);
    await block(app, b.id, v.id);
    await review(a, 'after unfollow');
    await review(b, 'after block');
    await jobsSettled(app, ['feed']);
    // Events are handled in order, so once c's arrives the earlier two were already decided.
    const marker = next(socket);
    await review(c, 'still followed');
    await marker;
    expect(got.flatMap((i) => i.activities.map((x) => x.review?.excerpt))).toEqual(['still followed']);
  });

  it('when the activity is private, then no follower receives it', async () => {
    const [v, a, c] = [await person(), await person(), await person()];
    await follow(app, v.id, a.id);
    await follow(app, v.id, c.id);
    await app.container.knex('users').where({ id: a.id }).update({ default_visibility: 'private' });
    const socket = await connected(v);
    const got = collect(socket);
    await review(a, 'secret');
    await jobsSettled(app, ['feed']);
    const marker = next(socket);
    await review(c, 'open');
    await marker;
    expect(got.map((i) => i.activities[0]!.review?.excerpt)).toEqual(['open']);
  });
});
