import type { PartyList, PartyListItem } from '@muse/shared';
import { useTestApp } from '../../testing/test-app';
import { block, follow, makeAlbum, registerPerson, type TestPerson } from '../../testing/factories';

// A database of its own: the lists hold every live public party, so other files' parties would crowd them.
const app = useTestApp();

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
const inADay = () => new Date(Date.now() + 86_400_000).toISOString();

async function party(host: TestPerson, title: string, body: Record<string, unknown> = {}): Promise<string> {
  const album = await makeAlbum(app, { title, tracks: ['One'] });
  const res = await host.client.post('/api/parties', { albumId: album.id, ...body });
  expect(res.status).toBe(201);
  return String(res.body.id);
}

async function listOf(p: TestPerson): Promise<PartyList> {
  const res = await p.client.get('/api/parties');
  expect(res.status).toBe(200);
  expect(res.headers['cache-control']).toBe('no-store');
  return res.body as PartyList;
}

const titles = (items: PartyListItem[]) => items.map((i) => `${i.album.title}:${i.reason}`);

describe('GET /api/parties', () => {
  it('when parties are live and scheduled, then each viewer sees those they may, theirs and their circle’s first, and never blocked or suspended hosts', async () => {
    const me = await registerPerson(app);
    const friend = await registerPerson(app);
    const stranger = await registerPerson(app);
    const blocker = await registerPerson(app);
    const suspended = await registerPerson(app);
    await follow(app, me.id, friend.id);
    await follow(app, me.id, blocker.id);
    await follow(app, me.id, suspended.id);

    await party(me, 'Mine live');
    await party(me, 'Mine later', { scheduledFor: inADay() });
    await party(friend, 'Friend live');
    await party(friend, 'Friend soon', { scheduledFor: inAnHour() });
    const busy = await party(stranger, 'Stranger live');
    await party(stranger, 'Stranger later', { scheduledFor: inAnHour() });
    await party(stranger, 'Private invite', { visibility: 'private', scheduledFor: inADay(), invite: [me.handle] });
    await party(stranger, 'Private not me', { visibility: 'private', invite: [friend.handle] });
    await party(blocker, 'Blocked live');
    const suspendedParty = await party(suspended, 'Suspended live');
    const ended = await party(friend, 'Friend ended');
    expect((await friend.client.post(`/api/parties/${ended}/end`)).status).toBe(200);
    await block(app, blocker.id, me.id);
    await app.container.knex('users').where({ id: suspended.id }).update({ suspended_at: new Date() });
    // The stranger's party is the busiest, yet comes after the viewer's circle.
    expect((await friend.client.send('put', `/api/parties/${busy}/participation`)).status).toBe(200);

    const mine = await listOf(me);
    expect(titles(mine.live)).toEqual(['Friend live:following', 'Mine live:hosting', 'Stranger live:public']);
    expect(titles(mine.upcoming)).toEqual(['Friend soon:following', 'Mine later:hosting', 'Private invite:invited']);
    expect(mine.live[2]).toMatchObject({ status: 'live', visibility: 'public', participantCount: 2, host: { handle: stranger.handle } });
    expect(mine.upcoming[0]!.scheduledFor).not.toBeNull();

    // The blocker does not see the viewer's parties either; a stranger sees public live ones only.
    expect(titles((await listOf(blocker)).live)).not.toContain('Mine live:public');
    const theirs = await listOf(await registerPerson(app));
    expect(titles(theirs.live).sort()).toEqual(['Blocked live:public', 'Friend live:public', 'Mine live:public', 'Stranger live:public']);
    expect(theirs.upcoming).toEqual([]);

    // Nor is a suspended host's party reached by its id, by any path.
    for (const path of ['', '/messages', '/summary', '/invitations']) {
      const res = await me.client.get(`/api/parties/${suspendedParty}${path}`);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    expect((await me.client.send('put', `/api/parties/${suspendedParty}/participation`)).status).toBe(404);
  });

  it('when signed out, then it answers 401 problem+json', async () => {
    const res = await app.client().get('/api/parties');
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
