import type { Request, Response } from 'express';
import { PREVIEW_REASON_TEXT, type PreviewPending, type PreviewStatus } from '@muse/shared';
import type { BlobStore } from '../../blobs/blob-store.port';
import { BlobTooLargeError } from '../../blobs/blob-errors';
import { sendBlob } from '../../blobs/send-blob';
import type { JobQueues } from '../../jobs/queues';
import { AppError } from '../../lib/app-error';
import type { DownloadLimits } from '../../lib/http-download';
import type { Logger } from '../../lib/logger';
import { downloadPreview, PreviewRefusedError } from './audio-download';
import { fetchPreviewJob, fetchPreviewJobId } from './fetch-preview.job';
import type { PreviewSources } from './preview-sources';
import { presentPreviewStatus, unavailableReason } from './previews.presenter';
import type { PreviewsRepo } from './previews.repo';
import { StoredClipCache } from './stored-clip-cache';

/** Clips are at most this big: a 30-second AAC preview is about 500 kB. */
export const PREVIEW_MAX_BYTES = 2 * 1024 * 1024;

/** Clips are for the signed-in listener only: browsers may keep them, shared caches may not. */
export const PREVIEW_CACHE_CONTROL = 'private, max-age=86400';

/** How long a client waits before asking again while a clip is being fetched. */
export const PREVIEW_PENDING_RETRY_SECONDS = 1;

// Status requests start fetches for at most this many tracks each (an album page's worth).
const WARM_LIMIT = 50;

export interface PreviewsServiceDeps {
  repo: PreviewsRepo;
  blobs: BlobStore;
  queues: JobQueues;
  sources: PreviewSources;
  logger: Logger;
  /** How long a track without a clip is left alone before anyone asks the services again. */
  unavailableForMs: number;
  /** Overrides of the download limits (tests shorten the timeouts). */
  download?: Partial<DownloadLimits>;
  now?: () => Date;
}

/** What storing a clip did, for the job's log. */
export type StorePreviewOutcome = 'stored' | 'already_stored' | 'unavailable' | 'not_on_services' | 'track_gone';

/**
 * Preview clips in Muse's own blob store: the worker fetches each track's clip once (from
 * Apple's `previews[].url`, or Spotify's where one still exists), the api streams the stored
 * copy with ranges to signed-in listeners, and a track without one is remembered as such for a
 * while so nobody asks the services again on every play.
 */
export class PreviewsService {
  private readonly download: DownloadLimits;
  private readonly now: () => Date;
  private readonly stored = new StoredClipCache();

  constructor(private readonly deps: PreviewsServiceDeps) {
    this.download = { maxBytes: PREVIEW_MAX_BYTES, headersTimeoutMs: 10_000, totalTimeoutMs: 30_000, ...deps.download };
    this.now = deps.now ?? (() => new Date());
  }

  /**
   * Each known track's preview state, in the order asked (unknown ids left out), and the fetch
   * of the first few pending ones started, so clips are ready by the time someone presses play.
   */
  async statuses(trackIds: readonly string[]): Promise<PreviewStatus[]> {
    const rows = await this.deps.repo.statesOf([...new Set(trackIds)]);
    const now = this.now();
    const usable = this.deps.sources.anyUsable();
    const statuses: PreviewStatus[] = [];
    const toWarm: Array<[string, number]> = [];
    for (const id of new Set(trackIds)) {
      if (!rows.has(id)) continue;
      const row = rows.get(id) ?? null;
      const status = presentPreviewStatus(id, row, now, usable);
      statuses.push(status);
      if (status.state === 'pending' && toWarm.length < WARM_LIMIT) toWarm.push([id, row?.generation ?? 0]);
    }
    await Promise.all(toWarm.map(([id, generation]) => this.requestFetch(id, generation)));
    return statuses;
  }

  /**
   * Streams the track's stored clip (ranges, ETag, `Cache-Control: private`); while it is not
   * stored yet, starts the once-only fetch and answers 202 with `Retry-After`. Unknown tracks
   * are 404 `not_found`; tracks without a clip 404 `preview_unavailable` with the reason.
   */
  async serve(req: Request, res: Response, trackId: string): Promise<void> {
    const cached = this.stored.get(trackId);
    if (cached) {
      if (await this.sendStored(req, res, cached)) return;
      this.stored.delete(trackId);
    }
    const rows = await this.deps.repo.statesOf([trackId]);
    if (!rows.has(trackId)) throw AppError.notFound('Track');
    const row = rows.get(trackId) ?? null;
    if (row?.blob_key) {
      const served = await this.sendStored(req, res, row.blob_key);
      if (served) {
        this.stored.set(trackId, row.blob_key);
        return;
      }
      await this.deps.repo.dropMissingClip(trackId, row.blob_key);
      return this.pending(res, trackId, row.generation + 1);
    }
    const reason = unavailableReason(row, this.now(), this.deps.sources.anyUsable());
    if (reason) throw new AppError(404, 'preview_unavailable', PREVIEW_REASON_TEXT[reason], undefined, undefined, { reason });
    return this.pending(res, trackId, row?.generation ?? 0);
  }

  /**
   * Finds the track's clip on the services, downloads it into the blob store and records its key.
   * A clip that is not audio or too big is refused (nothing stored; the track is marked as having
   * none, and `PreviewRefusedError` is thrown so the job does not retry); a track no service has is
   * marked likewise. Other failures are thrown to be retried; on the last attempt the track is
   * marked "fetch failed" for a while first.
   */
  async storePreview(trackId: string, options: { lastAttempt: boolean }): Promise<StorePreviewOutcome> {
    const { repo, blobs } = this.deps;
    const track = await repo.findTrack(trackId);
    if (!track) return 'track_gone';
    const row = await repo.find(trackId);
    if (row?.blob_key && (await blobs.exists(row.blob_key))) return 'already_stored';
    if (row?.unavailable_until && row.unavailable_until > this.now()) return 'unavailable';
    try {
      const source = await this.deps.sources.find(track);
      if (!source) {
        await repo.markUnavailable(trackId, 'not_on_services', this.unavailableUntil());
        return 'not_on_services';
      }
      if (source.foundId) await repo.rememberServiceId(trackId, source.provider, source.foundId);
      const clip = await downloadPreview(source.url, this.download);
      let key: string;
      try {
        ({ key } = await blobs.put(clip.body, clip.contentType, { maxBytes: this.download.maxBytes }));
      } catch (err) {
        if (err instanceof BlobTooLargeError) throw new PreviewRefusedError(`The preview is larger than ${err.maxBytes} bytes.`);
        throw err;
      }
      return (await repo.setStored(trackId, key, source.provider, source.url)) ? 'stored' : 'track_gone';
    } catch (err) {
      if (err instanceof PreviewRefusedError) await repo.markUnavailable(trackId, 'refused', this.unavailableUntil());
      else if (options.lastAttempt) await repo.markUnavailable(trackId, 'fetch_failed', this.unavailableUntil());
      throw err;
    }
  }

  /** Sends the stored clip; false when the store no longer has it (nothing was sent). */
  private async sendStored(req: Request, res: Response, key: string): Promise<boolean> {
    try {
      await sendBlob(req, res, this.deps.blobs, key, { cacheControl: PREVIEW_CACHE_CONTROL, what: 'Preview' });
      return true;
    } catch (err) {
      if (err instanceof AppError && err.code === 'not_found' && !res.headersSent) {
        this.deps.logger.warn({ key }, 'a stored preview clip is missing from the blob store; fetching it again');
        return false;
      }
      throw err;
    }
  }

  /** Starts the fetch and answers 202 with when to ask again. */
  private async pending(res: Response, trackId: string, generation: number): Promise<void> {
    await this.requestFetch(trackId, generation);
    const body: PreviewPending = { trackId, state: 'pending', retryAfterSeconds: PREVIEW_PENDING_RETRY_SECONDS };
    res
      .status(202)
      .set({ 'Retry-After': String(PREVIEW_PENDING_RETRY_SECONDS), 'Cache-Control': 'no-store' })
      .json(body);
  }

  /** One job per track and fetch generation: many listeners pressing play at once cause one download. */
  private async requestFetch(trackId: string, generation: number): Promise<void> {
    await this.deps.queues.enqueue(fetchPreviewJob, { trackId }, { jobId: fetchPreviewJobId(trackId, generation) });
  }

  private unavailableUntil(): Date {
    return new Date(this.now().getTime() + this.deps.unavailableForMs);
  }
}
