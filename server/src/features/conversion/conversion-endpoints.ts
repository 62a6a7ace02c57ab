import type { ConversionTarget } from '@muse/shared';
import type { ProviderCallOptions } from '../../providers/provider-factory';
import type { ConnectionsService } from '../connections/connections.service';
import { museSource, serviceSource, type SourceReader } from './conversion-source';
import { serviceTarget, type ConversionTargetWriter } from './conversion-target';
import type { ConversionRow } from './conversions.repo';
import { museTarget, type MuseTargetDeps } from './muse-target';

export interface ConversionEndpointsDeps extends MuseTargetDeps {
  connections: Pick<ConnectionsService, 'providerFor'>;
}

/** Builds a conversion's source reader and target writer, acting for its owner through their connections. */
export class ConversionEndpoints {
  constructor(private readonly deps: ConversionEndpointsDeps) {}

  async source(conv: ConversionRow, calls: ProviderCallOptions = {}): Promise<SourceReader> {
    const userId = String(conv.user_id);
    if (conv.source_kind === 'muse') return museSource(() => this.deps.playlists.getForViewer(conv.source_playlist_id, userId));
    return serviceSource(await this.deps.connections.providerFor(userId, conv.source_provider!, calls), conv.source_playlist_id);
  }

  async target(userId: string, target: ConversionTarget, conversionId: string, calls: ProviderCallOptions = {}): Promise<ConversionTargetWriter> {
    if (target === 'muse') return museTarget(this.deps, userId, conversionId);
    return serviceTarget(await this.deps.connections.providerFor(userId, target, calls));
  }

  /** Both ends of a conversion. */
  async open(conv: ConversionRow, calls: ProviderCallOptions): Promise<{ source: SourceReader; target: ConversionTargetWriter }> {
    const source = await this.source(conv, calls);
    return { source, target: await this.target(String(conv.user_id), conv.target, conv.id, calls) };
  }
}
