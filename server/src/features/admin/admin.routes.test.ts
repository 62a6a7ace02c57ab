import { useTestApp } from '../../testing/test-app';
import { registerUser } from '../../testing/factories';
import { waitFor } from '../../testing/wait-for';

const app = useTestApp({ env: { ADMIN_HANDLES: 'Boss_Admin', JOB_ATTEMPTS: '2' } });

async function failAJob(): Promise<string> {
  // A welcome job whose payload can never pass its schema, so it fails for good on its first run.
  const { queues } = app.container;
  const job = await queues.byName.notifications.add('welcome-notification', { userId: 'not-an-id' }, { attempts: 1 });
  const { startWorker } = await import('../../roles/worker-role');
  const running = await startWorker(app.container);
  try {
    await waitFor('the job to fail', async () => (await queues.byName.notifications.getJob(job.id!))?.isFailed());
  } finally {
    await running.stop();
  }
  return job.id!;
}

describe('admin failed jobs', () => {
  it('when an admin lists failed jobs, then a job that exhausted its attempts is there with its reason', async () => {
    const admin = await registerUser(app, { handle: 'boss_admin' });
    expect(admin.session.user.role).toBe('admin');
    const id = await failAJob();
    const res = await admin.client.get('/api/admin/jobs/failed').expect(200);
    const entry = res.body.items.find((j: { id: string }) => j.id === id);
    expect(entry).toMatchObject({ queue: 'notifications', name: 'welcome-notification', attemptsMade: 1, data: { userId: 'not-an-id' } });
    expect(entry.failedReason).toMatch(/userId/);

    const retry = await admin.client.post(`/api/admin/jobs/notifications/${id}/retry`);
    expect(retry.status).toBe(204);
    expect(await (await app.container.queues.byName.notifications.getJob(id))?.isFailed()).toBe(false);
  });

  it('when a normal user asks, then it answers 403 admin_only', async () => {
    const { client } = await registerUser(app);
    const res = await client.get('/api/admin/jobs/failed');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('admin_only');
    expect((await client.post('/api/admin/jobs/notifications/1/retry')).status).toBe(403);
  });

  it('when retrying an unknown queue or job, then it answers 404 or 400', async () => {
    const admin = await registerUser(app);
    await app.container.knex('users').where({ id: admin.session.user.id }).update({ role: 'admin' });
    expect((await admin.client.post('/api/admin/jobs/nope/1/retry')).status).toBe(404);
    expect((await admin.client.post('/api/admin/jobs/notifications/does-not-exist/retry')).status).toBe(404);
    expect((await admin.client.post('/api/admin/jobs/BAD%20QUEUE/1/retry')).status).toBe(400);
  });

  it('when signed out, then it answers 401', async () => {
    expect((await app.client().get('/api/admin/jobs/failed')).status).toBe(401);
  });
});
