import { useTestApp } from '../../testing/test-app';
import { registerUser } from '../../testing/factories';

const ACCOUNT_MAX = 4;

const app = useTestApp({ env: { LOGIN_RATE_ACCOUNT_MAX: String(ACCOUNT_MAX), LOGIN_RATE_WINDOW_SECONDS: '600' } });

describe('per-account login throttle', () => {
  it('when failures alternate between handle and email, then they count against one account and hit the limit at LOGIN_RATE_ACCOUNT_MAX', async () => {
    const { input } = await registerUser(app);
    const client = app.client();
    const identifiers = [input.handle, input.email, input.handle.toUpperCase(), ` ${input.email.toUpperCase()} `];
    for (let i = 0; i < ACCOUNT_MAX; i++) {
      const res = await client.post('/api/auth/login', { identifier: identifiers[i % identifiers.length], password: 'wrong password' });
      expect(res.status).toBe(401);
    }
    const limited = await client.post('/api/auth/login', { identifier: input.email, password: 'wrong password' });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('rate_limited');
    expect((await client.post('/api/auth/login', { identifier: input.handle, password: input.password })).status).toBe(429);
  });

  it('when an unknown identifier keeps failing, then it is limited by its normalised spelling', async () => {
    const client = app.client();
    const spellings = ['Nobody_Here', 'nobody_here', ' NOBODY_HERE '];
    for (let i = 0; i < ACCOUNT_MAX; i++) {
      expect((await client.post('/api/auth/login', { identifier: spellings[i % spellings.length], password: 'wrong password' })).status).toBe(401);
    }
    expect((await client.post('/api/auth/login', { identifier: 'nobody_here', password: 'wrong password' })).status).toBe(429);
  });
});
