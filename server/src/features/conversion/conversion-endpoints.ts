import type { ConversionTarget } from '@muse/shared';
import type { ProviderName } from '../../providers/music-provider.port';
import type { ProviderCallOptions } from '../../providers/provider-factory';
import type { ConnectionsService } from '../connections/connections.service';
import { museSource, serviceSource, type SourceReader } from './conversion-source';
import { serviceTarget, type ConversionTargetWriter } from './conversion-target';
import type { ConversionRow } from './conversions.repo';
import { museTarget, type MuseTargetDeps } from './muse-target';
import { counterpartMemory } from './counterpart-memory';
import type { TrackCounterpartsRepo } from './track-counterparts.repo';

export interface ConversionEndpointsDeps extends MuseTargetDeps {
  connections: Pick<ConnectionsService, 'providerFor' | 'region'>;
  counterparts: TrackCounterpartsRepo;
}

/** Builds a conversion's source reader and target writer, acting for its owner through their connections. */
export class ConversionEndpoints {
  constructor(private readonly deps: ConversionEndpointsDeps) {}

  async source(conv: ConversionRow, calls: ProviderCallOptions = {}): Promise<SourceReader> {
    const userId = String(conv.user_id);
    if (conv.source_kind === 'muse') return museSource(() => this.deps.playlists.getForViewer(conv.source_playlist_id, userId));
    return serviceSource(await this.deps.connections.providerFor(userId, conv.source_provider!, calls), conv.source_playlist_id);
  }

  /**
   * The target of a conversion. `from`: the service whose track ids the source carries (a Muse
   * source's entries carry the other service's), to reuse what earlier conversions found for them
   * in the user's region; without it (a fix by hand) nothing is reused.
   */
  async target(
    userId: string,
    target: ConversionTarget,
    conversionId: string,
    calls: ProviderCallOptions = {},
    from?: ProviderName,
  ): Promise<ConversionTargetWriter> {
    if (target === 'muse') return museTarget(this.deps, userId, conversionId);
    const provider = await this.deps.connections.providerFor(userId, target, calls);
    const region = from && from !== target ? await this.deps.connections.region(userId, target) : null;
    return serviceTarget(
      provider,
      region && from ? counterpartMemory(this.deps.counterparts, { sourceService: from, targetService: target, region }) : undefined,
    );
  }

  /** Both ends of a conversion. */
  async open(conv: ConversionRow, calls: ProviderCallOptions): Promise<{ source: SourceReader; target: ConversionTargetWriter }> {
    const source = await this.source(conv, calls);
    const from: ProviderName = conv.source_kind === 'service' ? conv.source_provider! : conv.target === 'apple' ? 'spotify' : 'apple';
    return { source, target: await this.target(String(conv.user_id), conv.target, conv.id, calls, from) };
  }
}
