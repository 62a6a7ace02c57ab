import type { Activity, ActivityInput, ActivityRepository } from '../../docstore/document-store.port';
import { ActivityRecorder } from './activity-recorder';
import type { ActorFacts } from './activity-defaults.repo';
import { useTestApp } from '../../testing/test-app';
import { follow, makeAlbum, registerPerson, type TestPerson } from '../../testing/factories';

// No worker: fan-out jobs stay in the queue where the test can see them.
const app = useTestApp();

const person = () => registerPerson(app);

/** Rates a fresh album and answers the activity it recorded and whether its fan-out job was queued. */
async function rate(p: TestPerson) {
  const album = await makeAlbum(app.container.knex);
  expect((await p.client.send('put', `/api/albums/${album.id}/rating`, { rating: 4 })).status).toBe(200);
  const [activity] = await app.container.docs.activity.listByActor(p.id, { limit: 1 });
  const job = await app.container.queues.byName.feed.getJob(`fan-out-${activity!.id}`);
  return { activity: activity!, queued: job !== undefined };
}

describe('ActivityRecorder', () => {
  it('when someone nobody follows rates an album, then the activity is stored with their default visibility and no fan-out job is queued', async () => {
    const loner = await person();
    const { activity, queued } = await rate(loner);
    expect(activity).toMatchObject({ type: 'rated', actorId: loner.id, visibility: 'public' });
    expect(queued).toBe(false);
  });

  it('when someone with a follower rates an album, then a fan-out job keyed by the activity id is queued', async () => {
    const star = await person();
    const fan = await person();
    await follow(app, fan.id, star.id);
    const { queued } = await rate(star);
    expect(queued).toBe(true);
  });

  it('when the actor chose private by default, then the activity is private and not fanned out even with followers', async () => {
    const shy = await person();
    const fan = await person();
    await follow(app, fan.id, shy.id);
    expect((await shy.client.send('patch', '/api/me/privacy', { defaultVisibility: 'private' })).status).toBe(200);
    const { activity, queued } = await rate(shy);
    expect(activity.visibility).toBe('private');
    expect(queued).toBe(false);
  });
});

/** An activity log in memory, enough to see what the recorder stores and removes. */
function memoryLog(): ActivityRepository & { stored: Activity[] } {
  const stored: Activity[] = [];
  return {
    stored,
    async append(input: ActivityInput) {
      const activity: Activity = {
        id: `a${stored.length}`,
        actorId: input.actorId,
        type: input.type,
        visibility: input.visibility ?? 'public',
        subject: null,
        data: {},
        createdAt: new Date(),
      };
      stored.push(activity);
      return activity;
    },
    listByActor: async () => [],
    listByActors: async () => [],
    getByIds: async () => [],
    async deleteByActor(actorId: string) {
      const before = stored.length;
      stored.splice(0, stored.length, ...stored.filter((a) => a.actorId !== actorId));
      return before - stored.length;
    },
  };
}

describe('ActivityRecorder and deleted accounts', () => {
  const facts: ActorFacts = { defaultVisibility: 'public', hasFollowers: true };

  it('when the actor has no account, then nothing is recorded and it answers 401', async () => {
    const log = memoryLog();
    const fanOut = jest.fn(async () => undefined);
    const recorder = new ActivityRecorder({ log, actorFacts: async () => null, fanOut });
    await expect(recorder.append({ actorId: '42', type: 'rated' })).rejects.toMatchObject({ status: 401 });
    expect(log.stored).toEqual([]);
    expect(fanOut).not.toHaveBeenCalled();
  });

  it('when the caller chose the visibility, then the account is looked up once, after the append, and an actor without one leaves nothing', async () => {
    const log = memoryLog();
    const actorFacts = jest.fn(async (id: string) => (id === '7' ? facts : null));
    const fanOut = jest.fn(async () => undefined);
    const recorder = new ActivityRecorder({ log, actorFacts, fanOut });
    await recorder.append({ actorId: '7', type: 'added_to_playlist', visibility: 'followers' });
    expect(actorFacts).toHaveBeenCalledTimes(1);
    expect(log.stored).toEqual([expect.objectContaining({ actorId: '7', visibility: 'followers' })]);
    expect(fanOut).toHaveBeenCalledTimes(1);
    await expect(recorder.append({ actorId: '42', type: 'added_to_playlist', visibility: 'public' })).rejects.toMatchObject({ status: 401 });
    expect(log.stored.map((a) => a.actorId)).toEqual(['7']);
    expect(fanOut).toHaveBeenCalledTimes(1);
  });

  it('when the account is deleted between the look-up and the append, then what the actor left is removed and nothing is fanned out', async () => {
    const log = memoryLog();
    await log.append({ actorId: '42', type: 'rated' });
    await log.append({ actorId: '7', type: 'rated' });
    const answers = [facts, null];
    const fanOut = jest.fn(async () => undefined);
    const recorder = new ActivityRecorder({ log, actorFacts: async () => answers.shift() ?? null, fanOut });
    await expect(recorder.append({ actorId: '42', type: 'rated' })).rejects.toMatchObject({ status: 401 });
    expect(log.stored.map((a) => a.actorId)).toEqual(['7']);
    expect(fanOut).not.toHaveBeenCalled();
  });
});
