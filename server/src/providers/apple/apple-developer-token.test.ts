import { generateKeyPairSync } from 'node:crypto';
import { decodeProtectedHeader, importSPKI, jwtVerify } from 'jose';
import { fakeClock } from '../testing/fake-clock';
import { APPLE_MAX_TOKEN_SECONDS, AppleDeveloperToken } from './apple-developer-token';

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

describe('Apple developer token', () => {
  it('when signed, then it is an ES256 JWT with kid, iss = team id, iat and exp that the public key verifies', async () => {
    const keys = keyPair();
    const time = fakeClock();
    const token = await new AppleDeveloperToken({ teamId: 'TEAM123456', keyId: 'KEY1234567', privateKeyPem: keys.privatePem, clock: time.clock }).get();
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', kid: 'KEY1234567' });
    const { payload } = await jwtVerify(token, await importSPKI(keys.publicPem, 'ES256'), { issuer: 'TEAM123456', algorithms: ['ES256'] });
    expect(payload.iat).toBe(Math.floor(time.clock.now() / 1000));
    expect(payload.exp! - payload.iat!).toBe(12 * 3600);
    await expect(jwtVerify(token, await importSPKI(keyPair().publicPem, 'ES256'))).rejects.toThrow();
  });

  it('when the key comes on one line with literal \\n, then it still signs', async () => {
    const keys = keyPair();
    const token = await new AppleDeveloperToken({ teamId: 'T', keyId: 'K', privateKeyPem: keys.privatePem.replace(/\n/g, '\\n') }).get();
    await expect(jwtVerify(token, await importSPKI(keys.publicPem, 'ES256'))).resolves.toBeTruthy();
  });

  it('when reused, then the same token comes back until it nears expiry, then a new one', async () => {
    const time = fakeClock();
    const dev = new AppleDeveloperToken({
      teamId: 'T',
      keyId: 'K',
      privateKeyPem: keyPair().privatePem,
      ttlSeconds: 3600,
      renewBeforeSeconds: 300,
      clock: time.clock,
    });
    const first = await dev.get();
    await time.clock.sleep(3000_000);
    expect(await dev.get()).toBe(first);
    await time.clock.sleep(400_000); // inside the last 5 minutes
    expect(await dev.get()).not.toBe(first);
    const second = await dev.get();
    dev.renew();
    await time.clock.sleep(1000);
    expect(await dev.get()).not.toBe(second);
  });

  it('when a lifetime past 6 months is asked for, then it is capped', async () => {
    const keys = keyPair();
    const token = await new AppleDeveloperToken({ teamId: 'T', keyId: 'K', privateKeyPem: keys.privatePem, ttlSeconds: 10 * APPLE_MAX_TOKEN_SECONDS }).get();
    const { payload } = await jwtVerify(token, await importSPKI(keys.publicPem, 'ES256'));
    expect(payload.exp! - payload.iat!).toBe(APPLE_MAX_TOKEN_SECONDS);
  });

  it('when the key is not a PKCS#8 EC key, then signing fails', async () => {
    await expect(new AppleDeveloperToken({ teamId: 'T', keyId: 'K', privateKeyPem: 'not a key' }).get()).rejects.toThrow();
  });
});
