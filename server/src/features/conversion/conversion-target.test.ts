import { loadConfig } from '../../config/config';
import { ProviderCallCounter } from '../../providers/provider-call-counter';
import { resolveProviderSetup } from '../../providers/provider-config';
import { ProviderFactory } from '../../providers/provider-factory';
import { signInApple, startTestSandbox } from '../../providers/sandbox/sandbox-test-kit';
import { type ProviderSandbox } from '../../providers/sandbox/start-sandbox';
import { fakeClock } from '../../providers/testing/fake-clock';
import type { SourceItem } from './conversion-source';
import { serviceTarget } from './conversion-target';

let sandbox: ProviderSandbox;
let musicUserToken: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  musicUserToken = await signInApple(sandbox);
});
afterAll(() => sandbox.stop());

/** The demo listener's Apple Music connection through the real factory, counting its calls. */
function appleTarget() {
  const factory = new ProviderFactory(resolveProviderSetup(loadConfig({}), sandbox), { clock: fakeClock().clock, requestsPerSecond: 1000 });
  const counter = new ProviderCallCounter();
  const provider = factory.createProvider('apple', { accessToken: musicUserToken, musicUserToken, storefront: 'us' }, { counter });
  return { target: serviceTarget(provider), counter };
}

describe('Conversion target on a service', () => {
  it('when source ISRCs come lower-cased, padded or hyphenated, then the batched ISRC lookup still finds their songs and no search is made', async () => {
    const songs = [...sandbox.catalog.apple.songsByIsrc.values()]
      .filter((found) => found.length === 1 && found[0]!.storefronts.includes('us'))
      .slice(0, 3)
      .map((found) => found[0]!);
    expect(songs).toHaveLength(3);
    const spellings = [
      (isrc: string) => isrc.toLowerCase(),
      (isrc: string) => `  ${isrc} `,
      (isrc: string) => `${isrc.slice(0, 2)}-${isrc.slice(2, 5)}-${isrc.slice(5, 7)}-${isrc.slice(7)}`,
    ];
    const items: SourceItem[] = songs.map((song, i) => ({
      track: {
        title: song.name,
        artists: [song.artistName],
        album: song.albumName,
        durationMs: song.durationMs,
        isrc: spellings[i]!(song.isrc),
        explicit: null,
      },
      key: `source-${i}`,
      skip: null,
      serviceIds: {},
    }));

    const { target, counter } = appleTarget();
    const { decisions, isrcCalls } = await target.decide(items, new Map());

    expect(decisions.map((d) => ({ outcome: d.outcome, method: d.method, id: d.chosen?.id }))).toEqual(
      songs.map((song) => ({ outcome: 'matched', method: 'isrc', id: song.id })),
    );
    expect(isrcCalls).toBe(1);
    expect(counter.count('GET /v1/catalog/{sf}/search', 'ok')).toBe(0);
  });
});
