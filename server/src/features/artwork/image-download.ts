import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { isStorableType, normaliseContentType } from '../../blobs/blob-keys';

/** A download that no retry can fix (bad address, not an image, too big, the server says no). */
export class ImageRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImageRefusedError';
  }
}

export interface ImageDownloadOptions {
  maxBytes: number;
  /** Until the response headers arrive. */
  headersTimeoutMs: number;
  /** For the whole download, body included. */
  totalTimeoutMs: number;
}

/** An image being downloaded: its checked media type and its body, which errors past `maxBytes` or when its first bytes are not that type. */
export interface ImageDownload {
  contentType: string;
  body: Readable;
}

const RASTER_IMAGE = /^image\/(png|jpeg|jpg|pjpeg|webp|gif|avif)$/;
const MAX_URL_LENGTH = 2048;

/** Whether `url` is one Muse may download artwork from: absolute http(s), no credentials, of sane length. */
export function isDownloadableUrl(url: string): boolean {
  if (url.length > MAX_URL_LENGTH) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && !parsed.username && !parsed.password;
}

/**
 * Starts downloading an image: only http(s), only a raster image type the blob store keeps (SVG
 * could carry script), refused early by Content-Length and again while streaming past
 * `maxBytes`, and refused when the first bytes are not the declared format (an HTML error page
 * labelled image/jpeg). Times out waiting for headers and for the whole body. Network errors,
 * timeouts, 408, 429 and 5xx are thrown as plain errors (worth retrying); everything else the
 * source says is an `ImageRefusedError`.
 */
export async function downloadImage(url: string, options: ImageDownloadOptions): Promise<ImageDownload> {
  if (!isDownloadableUrl(url)) throw new ImageRefusedError('Artwork can only be fetched from an http(s) address.');
  const total = AbortSignal.timeout(options.totalTimeoutMs);
  const headers = new AbortController();
  const headersTimer = setTimeout(
    () => headers.abort(new Error(`No answer from the artwork server within ${options.headersTimeoutMs} ms.`)),
    options.headersTimeoutMs,
  );
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.any([total, headers.signal]), redirect: 'follow', headers: { Accept: 'image/*' } });
  } catch (err) {
    throw new Error(`The artwork could not be fetched: ${(err as Error).message}`, { cause: err });
  } finally {
    clearTimeout(headersTimer);
  }
  const refuse = async (message: string, retry = false): Promise<never> => {
    await response.body?.cancel().catch(() => undefined);
    throw retry ? new Error(message) : new ImageRefusedError(message);
  };
  if (!response.ok) {
    const retry = response.status >= 500 || response.status === 408 || response.status === 429;
    return refuse(`The artwork server answered ${response.status}.`, retry);
  }
  const contentType = normaliseContentType(response.headers.get('content-type') ?? '');
  if (!RASTER_IMAGE.test(contentType) || !isStorableType(contentType)) return refuse(`The artwork is not an image Muse keeps (${contentType || 'no type'}).`);
  const length = Number(response.headers.get('content-length'));
  if (Number.isFinite(length) && length > options.maxBytes) return refuse(`The artwork is larger than ${options.maxBytes} bytes.`);
  if (!response.body) return refuse('The artwork server sent no body.');
  const body = Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>);
  return { contentType, body: Readable.from(checkSignature(contentType, body)) };
}

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
const SNIFF_BYTES = 12;

function signatureOf(contentType: string): Array<[number, string]> {
  return SIGNATURES[contentType === 'image/jpg' || contentType === 'image/pjpeg' ? 'image/jpeg' : contentType] ?? [];
}

/** Yields the body once its first bytes show the declared format; reads nothing until the consumer does. */
async function* checkSignature(contentType: string, source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const expected = signatureOf(contentType);
  const matches = (bytes: Buffer) => expected.every(([offset, hex]) => bytes.subarray(offset, offset + hex.length / 2).toString('hex') === hex);
  let head: Buffer | null = Buffer.alloc(0);
  for await (const chunk of source) {
    if (head === null) {
      yield chunk;
      continue;
    }
    head = Buffer.concat([head, chunk]);
    if (head.length < SNIFF_BYTES) continue;
    if (!matches(head)) throw new ImageRefusedError(`The artwork's bytes are not ${contentType}.`);
    yield head;
    head = null;
  }
  if (head !== null) {
    if (!matches(head)) throw new ImageRefusedError(`The artwork's bytes are not ${contentType}.`);
    yield head;
  }
}
