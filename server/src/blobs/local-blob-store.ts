import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { BlobStoreUnavailableError } from './blob-errors';
import { blobKey, checkRange, etagOf, normaliseContentType, parseBlobKey, extensionFor } from './blob-keys';
import type { BlobHead, BlobInfo, BlobRange, BlobRead, BlobStore, PutOptions } from './blob-store.port';
import { spoolToTempFile } from './spool';

export interface LocalBlobStoreOptions {
  /** The folder blobs live in (`DATA_DIR/blobs`); made when missing. */
  root: string;
  /** Default size limit of `put`. */
  maxBytes: number;
}

/**
 * Blobs on local disk under `<root>/<first 2 hex>/<key>`. The type is read back from the key's
 * extension, so there is no metadata to keep in step. A blob is written to `<root>/tmp` first
 * and renamed into place (atomic on one file system), so a crash never leaves half a blob under
 * its final name, and two writers of the same bytes both end with the one complete file.
 */
export class LocalBlobStore implements BlobStore {
  readonly kind = 'local' as const;

  private swept = false;

  constructor(private readonly options: LocalBlobStoreOptions) {}

  /**
   * Removes temporary files older than `olderThanMs`: what a crash mid-write left behind (no
   * blob is ever half-written under its key, but its temporary file would stay). Runs once per
   * process at the first put; callers may run it on a schedule too.
   */
  async sweepTemporaryFiles(olderThanMs = STALE_TEMPORARY_MS): Promise<number> {
    const dir = path.join(this.options.root, 'tmp');
    const names = await fs.readdir(dir).catch(ifMissing([] as string[]));
    let removed = 0;
    for (const name of names) {
      const file = path.join(dir, name);
      const stat = await fs.stat(file).catch(ifMissing(null));
      if (stat && Date.now() - stat.mtimeMs > olderThanMs) {
        await fs.rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }

  async put(data: Buffer | Readable, contentType: string, options: PutOptions = {}): Promise<BlobInfo> {
    const type = normaliseContentType(contentType);
    extensionFor(type);
    if (!this.swept) {
      this.swept = true;
      await this.sweepTemporaryFiles().catch(() => undefined);
    }
    const spooled = await spoolToTempFile(data, path.join(this.options.root, 'tmp'), options.maxBytes ?? this.options.maxBytes);
    try {
      const key = blobKey(spooled.sha256, type);
      const target = this.pathOf(key);
      await guard(async () => {
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.rename(spooled.path, target);
      });
      return { key, size: spooled.size, contentType: parseBlobKey(key).contentType };
    } finally {
      await spooled.discard();
    }
  }

  async head(key: string): Promise<BlobHead | null> {
    const { contentType } = parseBlobKey(key);
    const stat = await guard(() => fs.stat(this.pathOf(key)).catch(ifMissing(null)));
    return stat ? { key, size: stat.size, contentType, etag: etagOf(key) } : null;
  }

  async get(key: string, range?: BlobRange): Promise<BlobRead | null> {
    const { contentType } = parseBlobKey(key);
    const handle = await guard(() => fs.open(this.pathOf(key), 'r').catch(ifMissing(null)));
    if (!handle) return null;
    try {
      // Size and bytes come from one open file, so a concurrent delete cannot split them.
      const { size } = await handle.stat();
      if (range) checkRange(range, size);
      const body = handle.createReadStream({ start: range?.start, end: range?.end, autoClose: true });
      return { key, size, contentType, etag: etagOf(key), body, range: range ?? null };
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.head(key)) !== null;
  }

  async delete(key: string): Promise<void> {
    parseBlobKey(key);
    await guard(() => fs.rm(this.pathOf(key), { force: true }));
  }

  private pathOf(key: string): string {
    return path.join(this.options.root, key.slice(0, 2), key);
  }
}

// A write in progress is far younger than this, even for a slow upload of the largest blob.
const STALE_TEMPORARY_MS = 60 * 60 * 1000;

function ifMissing<T>(value: T) {
  return (err: NodeJS.ErrnoException): T => {
    if (err.code === 'ENOENT') return value;
    throw err;
  };
}

// Every call guarded here touches only the disk, so any failure (full, read-only, permissions) means the store is unavailable.
async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw new BlobStoreUnavailableError(`The local blob store failed: ${(err as Error).message}`, { cause: err });
  }
}
