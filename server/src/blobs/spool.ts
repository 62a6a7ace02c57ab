import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BlobStoreUnavailableError, BlobTooLargeError } from './blob-errors';

/** Bytes written to a temporary file with their SHA-256; the caller moves or uploads the file, then calls `discard`. */
export interface SpooledBlob {
  path: string;
  sha256: string;
  size: number;
  /** Removes the temporary file if it is still there. */
  discard(): Promise<void>;
}

/**
 * Writes bytes to a new file in `dir` while hashing and counting them, so the key is known
 * before anything is stored under it and a blob over `maxBytes` is refused as soon as it
 * passes the limit (the file is removed; a stream source is destroyed). Only one chunk at a
 * time is in memory.
 */
export async function spoolToTempFile(data: Buffer | Readable, dir: string, maxBytes: number): Promise<SpooledBlob> {
  await fs.mkdir(dir, { recursive: true }).catch((err: Error) => {
    throw new BlobStoreUnavailableError(`Cannot make the blob store's temporary folder: ${err.message}`, { cause: err });
  });
  const file = path.join(dir, `${Date.now()}-${randomBytes(8).toString('hex')}.part`);
  const discard = () => fs.rm(file, { force: true });
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new BlobTooLargeError(maxBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const source = Buffer.isBuffer(data) ? Readable.from([data]) : data;
  const out = createWriteStream(file, { flags: 'wx' });
  // Only a failure that starts at the disk means the store is unavailable; the source's (and the
  // size limit) are the caller's. The pipeline hands the first error to every stream, so the first one seen names where it began.
  let firstFailure: 'source' | 'disk' | undefined;
  source.once('error', () => (firstFailure ??= 'source'));
  meter.once('error', () => (firstFailure ??= 'source'));
  out.once('error', () => (firstFailure ??= 'disk'));
  try {
    await pipeline(source, meter, out);
  } catch (err) {
    if (!Buffer.isBuffer(data)) data.destroy();
    // A file stream destroyed before its open finished still creates the file when the open
    // lands: wait for it to close, or the temporary file would appear after it was removed.
    if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
    await discard();
    if (firstFailure === 'disk') throw new BlobStoreUnavailableError(`Cannot write to the blob store: ${(err as Error).message}`, { cause: err });
    throw err;
  }
  return { path: file, sha256: hash.digest('hex'), size, discard };
}
