import type { FeedItem, FeedPage, Notification } from '@muse/shared';
import { useTestApp } from '../../testing/test-app';
import { follow, registerPerson, type TestPerson } from '../../testing/factories';
import { jobsSettled } from '../../testing/jobs-settled';

const app = useTestApp({ worker: true });
const knex = () => app.container.knex;
const person = () => registerPerson(app);

async function feedOf(p: TestPerson): Promise<FeedPage> {
  await jobsSettled(app, ['feed', 'notifications']);
  return (await p.client.get('/api/feed?limit=50').expect(200)).body as FeedPage;
}
const playlistActivities = (page: FeedPage) => page.items.flatMap((i: FeedItem) => i.activities).filter((a) => a.type.endsWith('playlist'));

async function notificationsOf(p: TestPerson): Promise<Notification[]> {
  await jobsSettled(app, ['notifications']);
  return (await p.client.get('/api/notifications').expect(200)).body.items as Notification[];
}

async function create(owner: TestPerson, body: Record<string, unknown>) {
  const res = await owner.client.post('/api/playlists', { title: 'Late night', kind: 'playlist', ...body });
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number };
}

describe('playlists in feeds', () => {
  it('when a followee creates and fills a public playlist, then followers see both, with the count, until it is made private', async () => {
    const [owner, fan] = [await person(), await person()];
    await follow(knex(), fan.id, owner.id);
    const p = await create(owner, { title: 'Dream pop 1990' });
    await owner.client.post(`/api/playlists/${p.id}/entries`, {
      entries: [{ snapshot: { title: 'Cherry-coloured Funk' } }, { snapshot: { title: 'Alison' } }],
    });
    const seen = playlistActivities(await feedOf(fan));
    expect(seen.map((a) => [a.type, a.playlist?.title, a.count ?? null])).toEqual([
      ['added_to_playlist', 'Dream pop 1990', 2],
      ['created_playlist', 'Dream pop 1990', null],
    ]);
    expect(seen[0]!.playlist).toMatchObject({ id: p.id, kind: 'playlist', entryCount: 2, owner: { id: owner.id } });
    const { version } = (await owner.client.get(`/api/playlists/${p.id}`)).body;
    expect((await owner.client.send('patch', `/api/playlists/${p.id}`, { version, visibility: 'private' })).status).toBe(200);
    expect(playlistActivities(await feedOf(fan))).toEqual([]);
  });

  it('when a playlist is shared with chosen people, then only they see its activity, and they are notified', async () => {
    const [owner, chosen, other] = [await person(), await person(), await person()];
    await follow(knex(), chosen.id, owner.id);
    await follow(knex(), other.id, owner.id);
    const p = await create(owner, { title: 'For Ana', visibility: 'people', sharedWith: [chosen.id] });
    expect(playlistActivities(await feedOf(chosen)).map((a) => a.playlist?.id)).toEqual([p.id]);
    expect(playlistActivities(await feedOf(other))).toEqual([]);
    const { version } = (await owner.client.get(`/api/playlists/${p.id}`)).body;
    await owner.client.send('patch', `/api/playlists/${p.id}`, { version, sharedWith: [chosen.id, other.id] });
    const [notice] = (await notificationsOf(other)).filter((n) => n.type === 'playlist_shared');
    expect(notice).toMatchObject({ title: `${owner.displayName} shared the playlist For Ana with you`, link: `/playlists/${p.id}` });
    expect(playlistActivities(await feedOf(other)).map((a) => a.playlist?.id)).toEqual([p.id]);
  });

  it('when a private or link-only playlist is created or filled, then no feed shows it', async () => {
    const [owner, fan] = [await person(), await person()];
    await follow(knex(), fan.id, owner.id);
    for (const visibility of ['private', 'link']) {
      const p = await create(owner, { visibility });
      await owner.client.post(`/api/playlists/${p.id}/entries`, { snapshot: { title: 'hidden' } });
    }
    expect(playlistActivities(await feedOf(fan))).toEqual([]);
  });

  it('when someone likes a playlist, then their followers see the like only if they may see the playlist', async () => {
    const [owner, liker, watcher] = [await person(), await person(), await person()];
    await follow(knex(), liker.id, owner.id);
    await follow(knex(), watcher.id, liker.id);
    const open = await create(owner, { title: 'Open' });
    const closed = await create(owner, { title: 'Followers only', visibility: 'followers' });
    for (const p of [open, closed]) expect((await liker.client.send('put', `/api/playlists/${p.id}/like`)).status).toBe(200);
    const likes = playlistActivities(await feedOf(watcher)).filter((a) => a.type === 'liked_playlist');
    expect(likes.map((a) => a.playlist?.title)).toEqual(['Open']);
  });
});

describe('playlist notifications', () => {
  it('when people like and clone a playlist, then the owner is told once per person, batched, and not about their own clone', async () => {
    const [owner, a, b] = [await person(), await person(), await person()];
    const p = await create(owner, { title: 'Shoegaze' });
    await a.client.send('put', `/api/playlists/${p.id}/like`);
    await a.client.send('delete', `/api/playlists/${p.id}/like`);
    await jobsSettled(app, ['notifications']);
    await a.client.send('put', `/api/playlists/${p.id}/like`);
    await b.client.send('put', `/api/playlists/${p.id}/like`);
    await a.client.post(`/api/playlists/${p.id}/clone`, {});
    await owner.client.post(`/api/playlists/${p.id}/clone`, {});
    const items = await notificationsOf(owner);
    const liked = items.filter((n) => n.type === 'playlist_liked');
    expect(liked).toHaveLength(1);
    expect(liked[0]).toMatchObject({ count: 2, link: `/playlists/${p.id}` });
    expect(liked[0]!.title).toMatch(/liked your playlist Shoegaze$/);
    const cloned = items.filter((n) => n.type === 'playlist_cloned');
    expect(cloned.map((n) => n.title)).toEqual([`${a.displayName} cloned your playlist Shoegaze`]);
  });

  it('when the owner invites a collaborator, then the invitee is notified and can accept', async () => {
    const [owner, invitee] = [await person(), await person()];
    await follow(knex(), owner.id, invitee.id);
    const p = await create(owner, { visibility: 'private', kind: 'list', title: 'Our 90s' });
    await owner.client.post(`/api/playlists/${p.id}/collaborators`, { userId: invitee.id });
    const [invite] = (await notificationsOf(invitee)).filter((n) => n.type === 'playlist_invited');
    expect(invite).toMatchObject({ title: `${owner.displayName} invited you to collaborate on Our 90s`, link: `/playlists/${p.id}` });
    expect((await invitee.client.post(`/api/playlists/${p.id}/collaborators/accept`)).status).toBe(200);
  });

  it('when an invitation is withdrawn before the job runs, then nothing is said', async () => {
    const [owner, invitee] = [await person(), await person()];
    await follow(knex(), owner.id, invitee.id);
    const p = await create(owner, { visibility: 'private' });
    const notices = app.container.services.playlistNotices;
    await owner.client.post(`/api/playlists/${p.id}/collaborators`, { userId: invitee.id });
    await owner.client.delete(`/api/playlists/${p.id}/collaborators/${invitee.id}`);
    expect(await notices.build('invited', p.id, owner.id, invitee.id)).toBeNull();
    expect(await notices.build('liked', p.id, invitee.id, owner.id)).toBeNull();
  });
});
