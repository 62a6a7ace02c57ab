import request from 'supertest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { makeAlbum } from '../../testing/factories';
import { waitFor } from '../../testing/wait-for';
import { startS3TestServer, type S3TestServer } from '../../blobs/testing/s3-test-server';
import { startImageServer, type ImageServer } from './testing/image-server';

let s3: S3TestServer;
let images: ImageServer;
let app: TestApp;

beforeAll(async () => {
  [s3, images] = await Promise.all([startS3TestServer(), startImageServer()]);
  app = await createTestApp({
    worker: true,
    env: {
      BLOB_STORE: 's3',
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: s3.bucket,
      S3_ACCESS_KEY_ID: s3.credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    },
  });
});
afterAll(async () => {
  await app?.close();
  await Promise.all([s3?.stop(), images?.stop()]);
});

it('when BLOB_STORE=s3, then a fetched cover lands in the bucket and is served from it with ranges', async () => {
  expect(app.container.services.blobs.kind).toBe('s3');
  const album = await makeAlbum(app.container.knex);
  await app.container.services.artwork.requestCover(album.id, `${images.url}/cover.png`);
  const key = await waitFor(
    'the cover key',
    async () => (await app.container.knex('albums').where({ id: album.id }).first('cover_key')).cover_key ?? undefined,
  );
  const whole = await request(app.url).get(`/api/artwork/${key}`).buffer(true).expect(200);
  expect(Buffer.compare(whole.body as Buffer, images.png)).toBe(0);
  const part = await request(app.url).get(`/api/artwork/${key}`).set('Range', 'bytes=1-3').buffer(true).expect(206);
  expect((part.body as Buffer).toString('latin1')).toBe('PNG');
});
