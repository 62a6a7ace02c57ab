import { useTestApp } from '../testing/test-app';
import { registerUser } from '../testing/factories';

const app = useTestApp({ env: { LOGIN_RATE_IP_MAX: '12', LOGIN_RATE_ACCOUNT_MAX: '3', LOGIN_RATE_WINDOW_SECONDS: '600' } });

describe('login rate limits', () => {
  it('when an account sees too many failures from one address, then it answers 429 with Retry-After', async () => {
    const { input } = await registerUser(app);
    const client = app.client();
    for (let i = 0; i < 3; i++) expect((await client.post('/api/auth/login', { identifier: input.handle, password: 'wrong password' })).status).toBe(401);
    const limited = await client.post('/api/auth/login', { identifier: input.handle, password: 'wrong password' });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(600);
    // Even the right password waits out the window from this address.
    expect((await client.post('/api/auth/login', { identifier: input.handle, password: input.password })).status).toBe(429);
    // The limit is per account: another account from the same address is not blocked by it.
    const other = await registerUser(app);
    expect((await app.client().post('/api/auth/login', { identifier: other.input.handle, password: other.input.password })).status).toBe(200);
  });

  it('when an address exceeds its budget, then every auth attempt from it answers 429', async () => {
    const client = app.client();
    let status = 0;
    for (let i = 0; i < 20 && status !== 429; i++) {
      status = (await client.post('/api/auth/login', { identifier: `nobody${i}`, password: 'whatever whatever' })).status;
    }
    expect(status).toBe(429);
    // The counter lives in Redis, so every api node shares it.
    const [, keys] = await app.container.redis.scan('0', 'MATCH', `${app.container.config.REDIS_PREFIX}rl:auth-ip:*`, 'COUNT', 1000);
    expect(keys).toHaveLength(1);
    expect(Number(await app.container.redis.get(keys[0]!))).toBeGreaterThan(12);
  });
});
