import type { Request, Response } from 'express';
import type { BlobStore } from '../../blobs/blob-store.port';
import { BlobTooLargeError } from '../../blobs/blob-errors';
import { sendBlob } from '../../blobs/send-blob';
import type { JobQueues } from '../../jobs/queues';
import { AppError } from '../../lib/app-error';
import type { Logger } from '../../lib/logger';
import type { ArtworkRepo } from './artwork.repo';
import { fetchArtworkJob, fetchArtworkJobId } from './fetch-artwork.job';
import { downloadImage, ImageRefusedError, isDownloadableUrl, type ImageDownloadOptions } from './image-download';

/** Covers are at most this big: a 3000 px JPEG is well under it. */
export const ARTWORK_MAX_BYTES = 5 * 1024 * 1024;

/** Answers are cached for a year by browsers and CDNs: a key names its bytes, so it never changes. */
export const ARTWORK_CACHE_CONTROL = 'public, max-age=31536000, immutable';

export interface ArtworkServiceDeps {
  repo: ArtworkRepo;
  blobs: BlobStore;
  queues: JobQueues;
  logger: Logger;
  /** Overrides of the download limits (tests shorten the timeouts). */
  download?: Partial<ImageDownloadOptions>;
}

/** What storing a cover did, for the job's log. */
export type StoreCoverOutcome = 'stored' | 'already_stored' | 'no_source' | 'album_gone';

/**
 * Album covers in Muse's own blob store: the worker fetches each cover once from where a service
 * published it, and the api serves the stored copy with year-long cache headers, so pages never
 * hot-link the services (viewers' addresses stay with Muse).
 */
export class ArtworkService {
  private readonly download: ImageDownloadOptions;

  constructor(private readonly deps: ArtworkServiceDeps) {
    this.download = { maxBytes: ARTWORK_MAX_BYTES, headersTimeoutMs: 10_000, totalTimeoutMs: 30_000, ...deps.download };
  }

  /**
   * Asks the worker to fetch an album's cover from `sourceUrl` (default: the album's
   * `cover_url`). One job per album: asking again while it is queued, running or recently done
   * changes nothing, so many viewers of a new album cause one download.
   */
  async requestCover(albumId: string, sourceUrl?: string): Promise<void> {
    if (sourceUrl !== undefined && !isDownloadableUrl(sourceUrl))
      throw AppError.badRequest('invalid_artwork_url', 'Artwork can only be fetched from an http(s) address.');
    await this.deps.queues.enqueue(fetchArtworkJob, { albumId, sourceUrl }, { jobId: fetchArtworkJobId(albumId) });
  }

  /**
   * Downloads the cover and records its key on the album, unless it already has a stored cover.
   * Throws `ImageRefusedError` when no retry can help (not an image, too big, refused by the
   * source) and plain errors when one might (timeouts, 5xx, the store being down).
   */
  async storeCover(albumId: string, sourceUrl?: string): Promise<StoreCoverOutcome> {
    const album = await this.deps.repo.findCover(albumId);
    if (!album) return 'album_gone';
    if (album.cover_key && (await this.deps.blobs.exists(album.cover_key))) return 'already_stored';
    const source = sourceUrl ?? album.cover_url;
    if (source === null) return 'no_source';
    const image = await downloadImage(source, this.download);
    let key: string;
    try {
      ({ key } = await this.deps.blobs.put(image.body, image.contentType, { maxBytes: this.download.maxBytes }));
    } catch (err) {
      if (err instanceof BlobTooLargeError) throw new ImageRefusedError(`The artwork is larger than ${err.maxBytes} bytes.`);
      throw err;
    }
    return (await this.deps.repo.setCoverKey(albumId, key, source)) ? 'stored' : 'album_gone';
  }

  /** Streams a stored cover with the artwork cache headers, ranges and conditional requests. */
  async serve(req: Request, res: Response, key: string): Promise<void> {
    await sendBlob(req, res, this.deps.blobs, key, { cacheControl: ARTWORK_CACHE_CONTROL, what: 'Artwork' });
  }
}
