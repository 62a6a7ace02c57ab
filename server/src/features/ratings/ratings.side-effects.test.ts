import { useTestApp } from '../../testing/test-app';
import { AfterCommit } from '../../db/after-commit';
import type { Logger } from '../../lib/logger';
import { makeAlbum, registerUser } from '../../testing/factories';
import { storedAlbumStats } from '../../testing/album-stats';

const app = useTestApp({ env: { WRITE_RATE_USER_MAX: '5', WRITE_RATE_WINDOW_SECONDS: '600' } });
afterEach(() => {
  jest.restoreAllMocks();
});

const knex = () => app.container.knex;
const activityTypes = async (userId: string) =>
  (await app.container.docs.activity.listByActor(userId, { limit: 10 })).map((a) => ({ type: a.type, subject: a.subject, data: a.data }));

describe('what a rating announces', () => {
  it('when an album is rated, then its `rated` activity is stored by the time the answer arrives, and an unchanged re-rating adds none', async () => {
    const { client, session } = await registerUser(app);
    const album = await makeAlbum(knex());
    expect((await client.send('put', `/api/albums/${album.id}/rating`, { rating: 4 })).status).toBe(200);
    expect((await client.send('put', `/api/albums/${album.id}/rating`, { rating: 4 })).status).toBe(200);
    expect(await activityTypes(session.user.id)).toEqual([
      { type: 'rated', subject: { kind: 'album', id: album.id }, data: { rating: 4 } },
      { type: 'account.registered', subject: null, data: expect.anything() },
    ]);
  });

  it('when storing the activity fails, then the rating still answers 200 with the committed aggregate and the failure is logged', async () => {
    const { client, session } = await registerUser(app);
    const album = await makeAlbum(knex());
    jest.spyOn(app.container.docs.activity, 'append').mockRejectedValueOnce(new Error('document store down'));
    const logged = jest.spyOn(app.container.logger, 'error');
    const res = await client.send('put', `/api/albums/${album.id}/rating`, { rating: 2.5 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rating: 2.5, stats: { count: 1, mean: 2.5 } });
    expect((await storedAlbumStats(knex(), album.id)).count).toBe(1);
    expect(logged).toHaveBeenCalledWith(
      expect.objectContaining({ err: expect.objectContaining({ message: 'document store down' }) }),
      'post-commit side effect failed',
    );
    expect((await activityTypes(session.user.id)).map((a) => a.type)).toEqual(['account.registered']);
  });
});

describe('who may rate', () => {
  it('when the account behind a live session is gone, then rating answers 401 and stores nothing', async () => {
    const { client, session } = await registerUser(app);
    const album = await makeAlbum(knex());
    // Removed behind the API's back, so the session itself is still in Redis.
    await knex()('users').where({ id: session.user.id }).delete();
    const res = await client.send('put', `/api/albums/${album.id}/rating`, { rating: 3 });
    expect(res.status).toBe(401);
    expect((await storedAlbumStats(knex(), album.id)).count).toBe(0);
  });

  it('when an account exceeds its write budget, then it answers 429 with Retry-After and other accounts still write', async () => {
    const { client } = await registerUser(app);
    const other = await registerUser(app);
    const album = await makeAlbum(knex());
    for (let i = 0; i < 5; i++) expect((await client.send('put', `/api/albums/${album.id}/rating`, { rating: (i + 1) / 2 })).status).toBe(200);
    const limited = await client.send('put', `/api/albums/${album.id}/rating`, { rating: 5 });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(600);
    expect((await client.get(`/api/albums/${album.id}`).expect(200)).body.viewer.rating).toBe(2.5);
    expect((await other.client.send('put', `/api/albums/${album.id}/rating`, { rating: 5 })).status).toBe(200);
  });
});

describe('AfterCommit.runTogether', () => {
  it('when one task fails, then the others still finish and the failure is logged once', async () => {
    const effects = new AfterCommit();
    const done: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    effects.add(async () => {
      await gate;
      done.push('slow');
    });
    effects.add(async () => {
      done.push('fast');
      release();
    });
    effects.add(() => Promise.reject(new Error('boom')));
    const error = jest.fn();
    await effects.runTogether({ error } as unknown as Logger);
    // The slow task waited on the fast one, so they ran at the same time.
    expect(done).toEqual(['fast', 'slow']);
    expect(error).toHaveBeenCalledTimes(1);
    await effects.runTogether({ error } as unknown as Logger);
    expect(error).toHaveBeenCalledTimes(1);
  });
});
