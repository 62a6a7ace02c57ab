import { loadConfig } from '../config/config';
import { ConnectionPacers } from './connection-pacers';
import { resolveProviderSetup } from './provider-config';
import { ProviderFactory } from './provider-factory';
import { signInSpotify, startTestSandbox } from './sandbox/sandbox-test-kit';
import { type ProviderSandbox } from './sandbox/start-sandbox';
import { fakeClock } from './testing/fake-clock';
import { TokenBucket } from './token-bucket';

let sandbox: ProviderSandbox;
let credentials: { accessToken: string; refreshToken: string };

beforeAll(async () => {
  sandbox = await startTestSandbox();
  const tokens = await signInSpotify(sandbox);
  credentials = { accessToken: tokens.access_token, refreshToken: tokens.refresh_token };
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.resetCalls());

/** A factory pacing each connection at 2 calls a second, one at a time, on a clock whose waits are recorded, not slept. */
function slowFactory() {
  const time = fakeClock();
  const factory = new ProviderFactory(resolveProviderSetup(loadConfig({}), sandbox), { clock: time.clock, requestsPerSecond: 2, burst: 1 });
  return { factory, sleeps: time.sleeps };
}

const meCalls = () => (sandbox.calls().spotify as Record<string, number> | undefined)?.['GET /v1/me'] ?? 0;

describe('per-connection pacing in one process', () => {
  it('when two providers of one connection call at once, then they are spaced as one bucket, and another connection is not slowed', async () => {
    const { factory, sleeps } = slowFactory();
    const first = factory.createProvider('spotify', credentials, { connectionId: '1' });
    const second = factory.createProvider('spotify', credentials, { connectionId: '1' });
    const other = factory.createProvider('spotify', credentials, { connectionId: '2' });
    await Promise.all([first.currentUser(), second.currentUser(), other.currentUser()]);
    // One wait of 1/rate: the second use of connection 1 waited for the first; connection 2 did not wait at all.
    expect(sleeps).toEqual([500]);
    expect(meCalls()).toBe(3);
  });

  it('when providers have no stored connection (a grant being checked), then each paces alone', async () => {
    const { factory, sleeps } = slowFactory();
    const a = factory.createProvider('spotify', credentials);
    const b = factory.createProvider('spotify', credentials);
    await Promise.all([a.currentUser(), b.currentUser()]);
    expect(sleeps).toEqual([]);
  });

  it('when app-level calls come from anywhere in the process, then they share one bucket per service', async () => {
    const { factory, sleeps } = slowFactory();
    await Promise.all([factory.appProvider('spotify').searchAlbums('love'), factory.appProvider('spotify').searchAlbums('blue')]);
    expect(sleeps).toEqual([500]);
  });
});

describe('ConnectionPacers', () => {
  it('when a connection is asked for again, then the same pacer comes back, and a different connection gets its own', () => {
    const pacers = new ConnectionPacers(() => new TokenBucket(1, 1, fakeClock().clock));
    expect(pacers.pacerFor('spotify:connection:1')).toBe(pacers.pacerFor('spotify:connection:1'));
    expect(pacers.pacerFor('spotify:connection:1')).not.toBe(pacers.pacerFor('spotify:connection:2'));
    expect(pacers.pacerFor('spotify:connection:1')).not.toBe(pacers.pacerFor('apple:connection:1'));
  });

  it('when a pacer left the recently used ones while a provider still holds it, then the connection still gets that same pacer', () => {
    let made = 0;
    const pacers = new ConnectionPacers(() => {
      made += 1;
      return new TokenBucket(1, 1, fakeClock().clock);
    }, 1);
    const held = pacers.pacerFor('spotify:connection:1');
    pacers.pacerFor('spotify:connection:2'); // pushes connection 1 out of the recent set (capacity 1)
    expect(pacers.pacerFor('spotify:connection:1')).toBe(held);
    expect(made).toBe(2);
  });
});
