import request from 'supertest';
import { createTestApp, type TestApp } from '../testing/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ env: { CORS_ORIGINS: 'https://app.muse.example' } });
});
afterAll(async () => {
  await app.close();
});

it('when an allow-listed origin calls the API, then CORS allows it with credentials', async () => {
  const res = await request(app.url).options('/api/me').set('Origin', 'https://app.muse.example').set('Access-Control-Request-Method', 'GET');
  expect(res.headers['access-control-allow-origin']).toBe('https://app.muse.example');
  expect(res.headers['access-control-allow-credentials']).toBe('true');
});
