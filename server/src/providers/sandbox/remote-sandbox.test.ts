import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppleDeveloperToken } from '../apple/apple-developer-token';
import { connectToSandbox } from './remote-sandbox';
import { startTestSandbox } from './sandbox-test-kit';
import type { ProviderSandbox } from './start-sandbox';

describe('a sandbox another process runs (PROVIDER_SANDBOX_URL)', () => {
  let sandbox: ProviderSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(async () => {
    await sandbox.stop();
  });

  it('hands out the credentials that sandbox checks, so a second process signs Apple tokens it accepts', async () => {
    const remote = await connectToSandbox(`${sandbox.url}/`);
    expect(remote.url).toBe(sandbox.url);
    expect(remote.spotifyCredentials?.()).toEqual(sandbox.spotifyCredentials());
    expect(remote.appleCredentials()).toEqual(sandbox.appleCredentials());

    const token = await new AppleDeveloperToken(remote.appleCredentials()).get();
    const res = await fetch(`${sandbox.url}/apple/v1/catalog/us/search?term=love&types=songs`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
  });

  it('says plainly when nothing answers there, or something that is not the sandbox does', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(connectToSandbox(`http://127.0.0.1:${port}`)).rejects.toThrow(/cannot be reached.*npm run sandbox/);

    const impostor = createServer((_req, res) => res.setHeader('content-type', 'application/json').end('{"hello":"world"}'));
    await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
    try {
      await expect(connectToSandbox(`http://127.0.0.1:${(impostor.address() as AddressInfo).port}`)).rejects.toThrow(/does not look like/);
    } finally {
      await new Promise<void>((resolve) => impostor.close(() => resolve()));
    }
  });
});
