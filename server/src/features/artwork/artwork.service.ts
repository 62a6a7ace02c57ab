import type { Request, Response } from 'express';
import { LARGEST_COVER_WIDTH, type CoverWidth } from '@muse/shared';
import type { BlobStore } from '../../blobs/blob-store.port';
import { BlobTooLargeError } from '../../blobs/blob-errors';
import { sendBlob } from '../../blobs/send-blob';
import type { JobQueues } from '../../jobs/queues';
import { AppError } from '../../lib/app-error';
import type { Logger } from '../../lib/logger';
import { artworkSources } from '../../providers/artwork-sizes';
import type { ArtworkRepo, StoredCover } from './artwork.repo';
import { fetchArtworkJob, fetchArtworkJobId } from './fetch-artwork.job';
import { downloadImage, ImageRefusedError, isDownloadableUrl, type ImageDownloadOptions } from './image-download';

/** Covers are at most this big: a 3000 px JPEG is well under it. */
export const ARTWORK_MAX_BYTES = 5 * 1024 * 1024;

/** Answers are cached for a year by browsers and CDNs: a key names its bytes, so it never changes. */
export const ARTWORK_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/**
 * A cover stored before Muse kept several widths serves its one image for every width, cached
 * for a day only: the answer for that width changes if the cover's sizes are fetched later.
 */
export const ARTWORK_STAND_IN_CACHE_CONTROL = 'public, max-age=86400';

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
 * published it, at each width pages need (`COVER_WIDTHS`, each drawn by the service itself), and
 * the api serves the stored copies with year-long cache headers, so pages never hot-link the
 * services (viewers' addresses stay with Muse) and a thumbnail never downloads the album page's image.
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
   * Downloads the cover at each stored width and records their keys on the album, unless it
   * already has a stored cover. Throws `ImageRefusedError` when no retry can help (not an image,
   * too big, refused by the source) and plain errors when one might (timeouts, 5xx, the store
   * being down).
   */
  async storeCover(albumId: string, sourceUrl?: string): Promise<StoreCoverOutcome> {
    const album = await this.deps.repo.findCover(albumId);
    if (!album) return 'album_gone';
    if (album.cover_key && (await this.deps.blobs.exists(album.cover_key))) return 'already_stored';
    const source = sourceUrl ?? album.cover_url;
    if (source === null) return 'no_source';
    const cover = await this.storeWidths(albumId, source);
    return (await this.deps.repo.setCover(albumId, cover, source)) ? 'stored' : 'album_gone';
  }

  /**
   * Stores the image the source address names for each width (`artworkSources`), largest first,
   * each address downloaded once: a plain address is one image serving every width. The largest
   * must be had; a smaller one the source refuses is served by the largest instead.
   */
  private async storeWidths(albumId: string, source: string): Promise<StoredCover> {
    const [largest, ...smaller] = artworkSources(source);
    const key = await this.storeImage(largest!.url);
    const keyByUrl = new Map([[largest!.url, key]]);
    const sizeKeys: Record<string, string> = {};
    for (const { width, url } of smaller) {
      let sized = keyByUrl.get(url);
      if (sized === undefined) {
        sized = await this.storeImage(url).catch((err: unknown) => {
          if (!(err instanceof ImageRefusedError)) throw err;
          this.deps.logger.warn({ err, albumId, width }, 'album artwork refused at this width; the largest serves it');
          return key;
        });
        keyByUrl.set(url, sized);
      }
      sizeKeys[width] = sized;
    }
    return { key, sizeKeys };
  }

  /** Downloads one image into the blob store and returns its key. */
  private async storeImage(url: string): Promise<string> {
    const image = await downloadImage(url, this.download);
    try {
      return (await this.deps.blobs.put(image.body, image.contentType, { maxBytes: this.download.maxBytes })).key;
    } catch (err) {
      if (err instanceof BlobTooLargeError) throw new ImageRefusedError(`The artwork is larger than ${err.maxBytes} bytes.`);
      throw err;
    }
  }

  /**
   * Streams a stored cover at `width` (default: the largest) with the artwork cache headers,
   * ranges and conditional requests. A cover stored with one image only serves it for every
   * width, under `ARTWORK_STAND_IN_CACHE_CONTROL`.
   */
  async serve(req: Request, res: Response, key: string, width: CoverWidth = LARGEST_COVER_WIDTH): Promise<void> {
    const sized = width === LARGEST_COVER_WIDTH ? key : await this.deps.repo.findSizeKey(key, width);
    await sendBlob(req, res, this.deps.blobs, sized ?? key, {
      cacheControl: sized ? ARTWORK_CACHE_CONTROL : ARTWORK_STAND_IN_CACHE_CONTROL,
      what: 'Artwork',
    });
  }
}
