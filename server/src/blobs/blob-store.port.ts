import type { Readable } from 'node:stream';

/** What a stored blob is: its content-addressed key, its length in bytes and its media type. */
export interface BlobInfo {
  key: string;
  size: number;
  contentType: string;
}

/** A blob's head: its info and a strong ETag that never changes for the key (the key is its hash). */
export interface BlobHead extends BlobInfo {
  etag: string;
}

/** Inclusive byte positions, as in HTTP's `Range: bytes=start-end`. */
export interface BlobRange {
  start: number;
  end: number;
}

/** A blob being read: `body` streams the whole blob or the asked range; `size` is always the whole blob's. */
export interface BlobRead extends BlobHead {
  body: Readable;
  /** The bytes `body` carries, when a range was asked for. */
  range: BlobRange | null;
}

/** Per-call options of `put`. */
export interface PutOptions {
  /** Bytes beyond which the blob is refused with `BlobTooLargeError` (default: the store's own limit). */
  maxBytes?: number;
}

/**
 * Where artwork and preview clips are kept: local disk or any S3-compatible store, behind one
 * interface so features never know which. Keys are the SHA-256 of the bytes plus an extension
 * from the media type, so the same bytes are stored once and a key's content never changes
 * (callers may cache by key forever). Reads stream: no blob is ever held whole in memory.
 */
export interface BlobStore {
  /** Which adapter this is, for logs and health checks. */
  readonly kind: 'local' | 's3';
  /** Stores bytes (a buffer or a stream, read once) and returns their key; the same bytes twice are stored once. */
  put(data: Buffer | Readable, contentType: string, options?: PutOptions): Promise<BlobInfo>;
  /** The blob's info, or null when no blob has that key. */
  head(key: string): Promise<BlobHead | null>;
  /** Streams the blob or an inclusive byte range of it (which must lie inside the blob), or null when absent. */
  get(key: string, range?: BlobRange): Promise<BlobRead | null>;
  exists(key: string): Promise<boolean>;
  /** Removes the blob; deleting an absent key is not an error. */
  delete(key: string): Promise<void>;
}
