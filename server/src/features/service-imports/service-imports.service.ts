import {
  isServicePlaylistId,
  readPlaylistUrl,
  type ProviderName,
  type ServiceImportCreateInput,
  type ServiceImportList,
  type ServiceImportProgress,
  type ServiceImportView,
  type ServicePlaylistPage,
} from '@muse/shared';
import { AppError } from '../../lib/app-error';
import type { JobQueues } from '../../jobs/queues';
import type { MusicProvider } from '../../providers/music-provider.port';
import { SERVICE_NAMES } from './service-import-entries';
import { providerProblem } from './service-import-failures';
import type { ServiceImportRunning, ServiceImportRunOptions } from './service-import-running.service';
import { serviceImportJob, serviceImportJobId } from './service-import.job';
import { presentServiceImport, presentServiceImportProgress, presentServicePlaylists } from './service-imports.presenter';
import type { ServiceImportsRepo } from './service-imports.repo';

export interface ServiceImportsServiceDeps {
  repo: ServiceImportsRepo;
  /** A provider acting for the user; 404 when not connected, 409 when the connection needs reconnecting. */
  providerFor(userId: string, provider: ProviderName): Promise<MusicProvider>;
  queues: JobQueues;
  running: ServiceImportRunning;
  announce(userId: string, importId: string): Promise<void>;
}

const LIST_LIMIT = 50;

/**
 * Imports of playlists from a connected Spotify or Apple Music account: browse the account's
 * playlists, start an import from one of them or from a pasted link (run by a job, with live
 * progress), and read how imports went. Users see only their own imports.
 */
export class ServiceImportsService {
  constructor(private readonly deps: ServiceImportsServiceDeps) {}

  /** One page of the user's playlists on a connected service, as the service lists them. */
  async playlists(userId: string, provider: ProviderName, cursor: string | null): Promise<ServicePlaylistPage> {
    const service = await this.deps.providerFor(userId, provider);
    try {
      return presentServicePlaylists(await service.listPlaylists(cursor));
    } catch (err) {
      throw providerProblem(provider, err);
    }
  }

  /**
   * Checks what to import and that the service is connected, then queues the job. A second start
   * of a playlist whose import is still running answers that import instead of starting another.
   */
  async create(userId: string, input: ServiceImportCreateInput): Promise<ServiceImportView> {
    const { provider, playlistId } = this.source(input);
    // Not connected (404) or needing a reconnect (409) is said now, before anything is queued.
    await this.deps.providerFor(userId, provider);
    const running = await this.deps.repo.unfinishedFor(userId, provider, playlistId);
    if (running) return presentServiceImport(running);
    const row = await this.deps.repo.create(userId, provider, playlistId);
    try {
      await this.deps.queues.enqueue(serviceImportJob, { importId: row.id }, { jobId: serviceImportJobId(row.id) });
    } catch (err) {
      await this.deps.repo.finish(row.id, {
        status: 'failed',
        processed: 0,
        total: 0,
        linked: 0,
        localFiles: 0,
        unavailable: 0,
        playlistId: null,
        error: 'The import could not be queued. Try again.',
      });
      throw err;
    }
    return presentServiceImport(row);
  }

  /** One of the user's imports; someone else's answers 404 like a missing one. */
  async get(userId: string, importId: string): Promise<ServiceImportView> {
    const row = await this.deps.repo.find(importId, userId);
    if (!row) throw AppError.notFound('Import');
    return presentServiceImport(row);
  }

  /** The user's latest imports, newest first. */
  async list(userId: string): Promise<ServiceImportList> {
    return { items: (await this.deps.repo.listForUser(userId, LIST_LIMIT)).map(presentServiceImport) };
  }

  /** Where an import stands, for the live progress event; null when it is gone. */
  async progress(userId: string, importId: string): Promise<ServiceImportProgress | null> {
    const row = await this.deps.repo.find(importId, userId);
    return row ? presentServiceImportProgress(row) : null;
  }

  /** The job's entry point. */
  runImport(importId: string, options: ServiceImportRunOptions): Promise<void> {
    return this.deps.running.run(importId, options);
  }

  /** The service and playlist id a request names, or a 400 saying what is wrong with it. */
  private source(input: ServiceImportCreateInput): { provider: ProviderName; playlistId: string } {
    if ('url' in input) {
      const read = readPlaylistUrl(input.url);
      if (!read.ok) throw AppError.badRequest(read.code, read.message, [{ path: 'url', message: read.message }]);
      return { provider: read.provider, playlistId: read.playlistId };
    }
    if (!isServicePlaylistId(input.provider, input.playlistId)) {
      const message = `This is not a valid ${SERVICE_NAMES[input.provider]} playlist id.`;
      throw AppError.badRequest('playlist_id_malformed', message, [{ path: 'playlistId', message }]);
    }
    return { provider: input.provider, playlistId: input.playlistId };
  }
}
