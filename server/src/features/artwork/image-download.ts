import { isStorableType } from '../../blobs/blob-keys';
import {
  DownloadRefusedError,
  hasSignature,
  isDownloadableUrl,
  startDownload,
  type Download,
  type DownloadKind,
  type DownloadLimits,
} from '../../lib/http-download';

export { isDownloadableUrl };

/** A download that no retry can fix (bad address, not an image, too big, the server says no). */
export class ImageRefusedError extends DownloadRefusedError {
  constructor(message: string) {
    super(message);
    this.name = 'ImageRefusedError';
  }
}

export type ImageDownloadOptions = DownloadLimits;

/** An image being downloaded: its checked media type and its body, which errors past `maxBytes` or when its first bytes are not that type. */
export type ImageDownload = Download;

const RASTER_IMAGE = /^image\/(png|jpeg|jpg|pjpeg|webp|gif|avif)$/;

// The first bytes of each format, as [offset, bytes]; a body that does not start so is not what it claims.
const SIGNATURES: Record<string, Array<[number, string]>> = {
  'image/png': [[0, '89504e470d0a1a0a']],
  'image/jpeg': [[0, 'ffd8ff']],
  'image/gif': [[0, '474946383']],
  'image/webp': [
    [0, '52494646'],
    [8, '57454250'],
  ],
  'image/avif': [[4, '66747970']],
};

function signatureOf(contentType: string): Array<[number, string]> {
  return SIGNATURES[contentType === 'image/jpg' || contentType === 'image/pjpeg' ? 'image/jpeg' : contentType] ?? [];
}

const IMAGE: DownloadKind = {
  what: 'artwork',
  accept: 'image/*',
  // Raster only: SVG could carry script.
  acceptsType: (contentType) => RASTER_IMAGE.test(contentType) && isStorableType(contentType),
  typeLabel: 'an image',
  sniffBytes: 12,
  signatureMatches: (contentType, head) => hasSignature(head, signatureOf(contentType)),
  refused: (message) => new ImageRefusedError(message),
};

/**
 * Starts downloading an image (`lib/http-download.ts` does the fetching): only a raster image
 * type the blob store keeps, whose first bytes are that format, within the limits. Network
 * errors, timeouts, 408, 429 and 5xx are thrown as plain errors (worth retrying); everything else
 * the source says is an `ImageRefusedError`.
 */
export function downloadImage(url: string, options: ImageDownloadOptions): Promise<ImageDownload> {
  return startDownload(url, IMAGE, options);
}
