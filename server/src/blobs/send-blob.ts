import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../lib/app-error';
import { BlobStoreUnavailableError, InvalidBlobKeyError } from './blob-errors';
import type { BlobHead, BlobRange, BlobStore } from './blob-store.port';
import { parseByteRange } from './byte-range';

export interface SendBlobOptions {
  /** `Cache-Control` of successful answers (200, 206, 304): `public, max-age=31536000, immutable` for artwork, `private` for previews. */
  cacheControl: string;
  /** What the blob is, for the 404's message ("Artwork not found."). */
  what?: string;
}

// How long a client should wait before asking again while the store is down.
const UNAVAILABLE_RETRY_AFTER_SECONDS = 30;

/**
 * Answers a GET or HEAD with a stored blob the way browsers and media elements expect: a strong
 * `ETag` (the key's hash) with `If-None-Match` → 304, `Accept-Ranges: bytes`, one `Range` → 206
 * with `Content-Range` (honoured only while `If-Range` still names this blob), 416 with
 * `Content-Range: bytes *\/size` for a range past the end, the stored `Content-Type` and
 * `Content-Length`, and the bytes streamed from the store (never held whole). A multi-range or
 * malformed `Range` is ignored and the whole blob sent, as HTTP allows, so overlapping ranges
 * cannot multiply the work. Missing blobs and keys the store never handed out are 404, a store
 * that is down is 503: both as problem documents through the thrown `AppError`.
 */
export async function sendBlob(req: Request, res: Response, store: BlobStore, key: string, options: SendBlobOptions): Promise<void> {
  const head = await orAppError(() => store.head(key), options);
  if (!head) throw AppError.notFound(options.what ?? 'Blob');

  if (matchesAnyEtag(req.headers['if-none-match'], head.etag)) {
    setCacheHeaders(res, head, options);
    res.status(304).end();
    return;
  }
  const asked = rangeToServe(req, head);
  if (asked === 'unsatisfiable') {
    throw new AppError(416, 'range_not_satisfiable', `The range is outside the ${head.size} bytes of this file.`, undefined, {
      'Content-Range': `bytes */${head.size}`,
    });
  }
  const range: BlobRange | null = asked;
  // The body is opened before any header is set, so a store failing here still gets a clean
  // problem answer with no cache headers (a CDN must not keep a 503 for a year).
  const wantsBody = req.method !== 'HEAD' && head.size > 0;
  const read = wantsBody ? await orAppError(() => store.get(key, range ?? undefined), options) : null;
  // Deleted between head and get.
  if (wantsBody && !read) throw AppError.notFound(options.what ?? 'Blob');
  setCacheHeaders(res, head, options);
  res.setHeader('Content-Type', head.contentType);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Length', String(range ? range.end - range.start + 1 : head.size));
  if (range) res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${head.size}`);
  res.status(range ? 206 : 200);
  if (!read) {
    res.end();
    return;
  }
  // The pipeline's end-of-stream watchers join the ones the logger, metrics and compression put on
  // every response: past Node's default of 10, a false "possible leak" warning per clip.
  res.setMaxListeners(Math.max(res.getMaxListeners(), 20));
  try {
    await pipeline(read.body, res);
  } catch {
    // The client went away or the store failed mid-body: the headers are sent, so the only honest signal left is a cut connection.
    read.body.destroy();
    res.destroy();
  }
}

function setCacheHeaders(res: Response, head: BlobHead, options: SendBlobOptions): void {
  res.setHeader('ETag', head.etag);
  res.setHeader('Cache-Control', options.cacheControl);
  res.setHeader('Accept-Ranges', 'bytes');
}

/** The range to send: null for the whole blob (no Range, an If-Range naming another version, or a Range HTTP says to ignore). */
function rangeToServe(req: Request, head: BlobHead): BlobRange | null | 'unsatisfiable' {
  const header = req.headers.range;
  if (header === undefined) return null;
  const ifRange = req.get('if-range');
  // If-Range needs a strong match; a date never matches because blobs carry no Last-Modified.
  if (ifRange !== undefined && ifRange.trim() !== head.etag) return null;
  return parseByteRange(header, head.size);
}

/** Whether an If-None-Match list names this ETag (weak comparison, as RFC 9110 asks for this header) or is `*`. */
function matchesAnyEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag.replace(/^W\//, '') === bare;
  });
}

async function orAppError<T>(work: () => Promise<T>, options: SendBlobOptions): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof InvalidBlobKeyError) throw AppError.notFound(options.what ?? 'Blob');
    if (err instanceof BlobStoreUnavailableError) {
      throw new AppError(503, 'blob_store_unavailable', 'Stored files cannot be read right now. Try again shortly.', undefined, {
        'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS),
      });
    }
    throw err;
  }
}
