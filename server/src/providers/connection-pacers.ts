import type { ProviderName } from './music-provider.port';
import { LruMap } from '../lib/lru-map';
import type { RequestPacer } from './token-bucket';

/** Connections whose pacing this process keeps after their providers are gone; an older one starts with a full burst again. */
const RECENT_CONNECTIONS = 10_000;

/** The pacing key of one user's connection to a service. */
export const connectionPacingKey = (provider: ProviderName, connectionId: string): string => `${provider}:connection:${connectionId}`;

/** The pacing key of the app's own calls to a service (no user: search, albums, previews). */
export const appPacingKey = (provider: ProviderName): string => `${provider}:app`;

/**
 * The process's pacers, one per connection key: every provider made for the same connection gets
 * the same pacer, so an import, a conversion and an enrichment request running at once on one
 * connection share its rate instead of each getting a full burst. Bounded: the `capacity` most
 * recently used pacers are kept, and a pacer a running provider still holds is found again even
 * after it dropped out of those, so two live providers of one connection never pace apart.
 */
export class ConnectionPacers {
  private readonly recent: LruMap<string, RequestPacer>;
  private readonly live = new Map<string, WeakRef<RequestPacer>>();
  private readonly forget = new FinalizationRegistry<string>((key) => {
    if (this.live.get(key)?.deref() === undefined) this.live.delete(key);
  });

  constructor(
    private readonly make: (key: string) => RequestPacer,
    capacity = RECENT_CONNECTIONS,
  ) {
    this.recent = new LruMap(capacity);
  }

  /** The one pacer of `key` in this process, made on first use. */
  pacerFor(key: string): RequestPacer {
    let pacer = this.recent.get(key) ?? this.live.get(key)?.deref();
    if (!pacer) {
      pacer = this.make(key);
      this.live.set(key, new WeakRef(pacer));
      this.forget.register(pacer, key);
    }
    this.recent.set(key, pacer);
    return pacer;
  }
}
