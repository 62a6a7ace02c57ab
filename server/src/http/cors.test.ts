import request from 'supertest';
import { useTestApp } from '../testing/test-app';

const app = useTestApp({ env: { CORS_ORIGINS: 'https://app.muse.example' } });

it('when an allow-listed origin calls the API, then CORS allows it with credentials', async () => {
  const res = await request(app.url).options('/api/me').set('Origin', 'https://app.muse.example').set('Access-Control-Request-Method', 'GET');
  expect(res.headers['access-control-allow-origin']).toBe('https://app.muse.example');
  expect(res.headers['access-control-allow-credentials']).toBe('true');
});
