import type { ImportStatus, ImportView } from '@muse/shared';
import { startWorker } from '../../roles/worker-role';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { waitFor } from '../../testing/wait-for';
import { importApplyJobId } from './import-apply.job';
import { importParseJobId } from './import-parse.job';
import { makeAlbum, registerUser } from '../../testing/factories';

let app: TestApp;
let kidA: string;
const CSV = 'Date,Name,Year,Rating\n2024-05-01,Radiohead - Kid A,2000,5\n';

// No worker runs unless a test starts one, so queued jobs stay queued until then.
beforeAll(async () => {
  app = await createTestApp();
  kidA = (await makeAlbum(app.container.knex, { title: 'Kid A', artist: 'Radiohead', year: 2000 })).id;
});
afterAll(async () => {
  await app.close();
});

const importsQueue = () => app.container.queues.byName.imports;

/** Deletes a job from Redis, as a Redis restart without persistence would. */
async function loseJob(jobId: string): Promise<void> {
  expect(await importsQueue().remove(jobId)).toBe(1);
  expect(await importsQueue().getJob(jobId)).toBeUndefined();
}

/** Makes an import look untouched for ten minutes. */
async function idle(importId: string): Promise<void> {
  const { knex } = app.container;
  await knex('imports')
    .where({ id: importId })
    .update({ updated_at: knex.raw("now() - interval '10 minutes'") });
}

async function status(client: TestClient, importId: string, wanted: ImportStatus): Promise<ImportView> {
  return waitFor(`import ${importId} to be ${wanted}`, async () => {
    const res = await client.get(`/api/imports/${importId}`).expect(200);
    return res.body.status === wanted ? (res.body as ImportView) : undefined;
  });
}

async function withWorker(use: () => Promise<void>): Promise<void> {
  const worker = await startWorker(app.container);
  try {
    await use();
  } finally {
    await worker.stop();
  }
}

describe('imports whose job Redis lost', () => {
  it('when a parsing import lost its job, then a starting worker queues it again, and an applying one lost after confirming is re-queued by the sweep and finishes', async () => {
    const { client } = await registerUser(app);
    const created = await client.post('/api/imports', { source: 'letterboxd', csv: CSV });
    expect(created.status).toBe(202);
    const importId = String(created.body.id);
    await loseJob(importParseJobId(importId));
    await idle(importId);

    await withWorker(async () => {
      const ready = await status(client, importId, 'ready');
      expect(ready.rows.map((r) => r.match?.id)).toEqual([kidA]);
    });

    expect((await client.post(`/api/imports/${importId}/confirm`, {})).status).toBe(202);
    await loseJob(importApplyJobId(importId));
    await idle(importId);
    expect(await app.container.services.importRecovery.requeueLostJobs()).toBe(1);
    expect(await importsQueue().getJob(importApplyJobId(importId))).toBeDefined();

    await withWorker(async () => {
      const done = await status(client, importId, 'done');
      expect(done).toMatchObject({ applied: 1, processed: 1, total: 1 });
    });
  });

  it('when an import was just created, or its job is still queued, then the sweep queues nothing', async () => {
    const { client } = await registerUser(app);
    const fresh = await client.post('/api/imports', { source: 'letterboxd', csv: CSV });
    await loseJob(importParseJobId(String(fresh.body.id)));
    const queued = await client.post('/api/imports', { source: 'letterboxd', csv: CSV });
    await idle(String(queued.body.id));

    expect(await app.container.services.importRecovery.requeueLostJobs()).toBe(0);
    expect(await importsQueue().getJob(importParseJobId(String(fresh.body.id)))).toBeUndefined();
  });
});
