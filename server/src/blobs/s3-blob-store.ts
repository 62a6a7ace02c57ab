import { createReadStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { BlobStoreUnavailableError } from './blob-errors';
import { blobKey, checkRange, etagOf, extensionFor, normaliseContentType, parseBlobKey } from './blob-keys';
import type { BlobHead, BlobInfo, BlobRange, BlobRead, BlobStore, PutOptions } from './blob-store.port';
import { spoolToTempFile } from './spool';

export interface S3BlobStoreOptions {
  bucket: string;
  region: string;
  /** Any S3-compatible endpoint (MinIO, R2, a test server); unset = AWS itself. */
  endpoint?: string;
  /** `bucket` in the path instead of the host name: most self-hosted S3 servers need it. */
  forcePathStyle: boolean;
  /** Unset = the SDK's own chain (environment, shared files, instance roles). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Default size limit of `put`. */
  maxBytes: number;
  /** Where an upload is spooled while its hash is computed (default: the system's temporary folder). */
  spoolDir?: string;
  /** Each call's time budget, so a store that hangs answers "unavailable" instead of holding requests. */
  timeoutMs?: number;
}

/**
 * Blobs in one bucket of an S3-compatible store, each under its key, through the official AWS
 * SDK v3. An upload is spooled to a temporary file first: the key is the hash of the bytes, so
 * it is only known once they are all read, and the object then goes up in one PutObject with its
 * length. Bytes already stored are not sent again. Reads stream the object's body (with a
 * `Range` when asked), never holding it whole.
 */
export class S3BlobStore implements BlobStore {
  readonly kind = 's3' as const;
  private readonly client: S3Client;

  constructor(private readonly options: S3BlobStoreOptions) {
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      credentials: options.credentials,
      maxAttempts: 2,
      // Checksums only where S3 demands them: the default streams uploads as aws-chunked with a
      // trailing CRC, which many S3-compatible servers store verbatim instead of decoding.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      requestHandler: { requestTimeout: options.timeoutMs ?? 30_000, connectionTimeout: Math.min(options.timeoutMs ?? 5_000, 5_000) },
    });
  }

  async put(data: Buffer | Readable, contentType: string, options: PutOptions = {}): Promise<BlobInfo> {
    const type = normaliseContentType(contentType);
    extensionFor(type);
    const spooled = await spoolToTempFile(data, this.options.spoolDir ?? path.join(os.tmpdir(), 'muse-blobs'), options.maxBytes ?? this.options.maxBytes);
    try {
      const key = blobKey(spooled.sha256, type);
      const stored = parseBlobKey(key).contentType;
      if (!(await this.head(key))) {
        await this.call('store', () =>
          this.client.send(
            new PutObjectCommand({
              Bucket: this.options.bucket,
              Key: key,
              Body: createReadStream(spooled.path),
              ContentLength: spooled.size,
              ContentType: stored,
              // The key names the bytes, so they may be cached forever by anything in between.
              CacheControl: 'public, max-age=31536000, immutable',
            }),
          ),
        );
      }
      return { key, size: spooled.size, contentType: stored };
    } finally {
      await spooled.discard();
    }
  }

  async head(key: string): Promise<BlobHead | null> {
    const { contentType } = parseBlobKey(key);
    const answer = await this.call('read', () => this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: key })), null);
    if (!answer) return null;
    return { key, size: answer.ContentLength ?? 0, contentType, etag: etagOf(key) };
  }

  async get(key: string, range?: BlobRange): Promise<BlobRead | null> {
    const { contentType } = parseBlobKey(key);
    if (range) {
      // The range is checked against the size first: S3 answers an out-of-bounds range with a 416 error, not a body.
      const head = await this.head(key);
      if (!head) return null;
      checkRange(range, head.size);
    }
    const answer = await this.call(
      'read',
      () => this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined })),
      null,
    );
    if (!answer) return null;
    const body = answer.Body as Readable;
    if (!range) return { key, size: answer.ContentLength ?? 0, contentType, etag: etagOf(key), body, range: null };
    // HTTP lets a server send more than the range asked (the whole object, or s3rver's `0-end` for `bytes=0-0`): cut the range out here.
    const sent = answer.ContentRange
      ? parseContentRange(answer.ContentRange)
      : { start: 0, end: (answer.ContentLength ?? 0) - 1, total: answer.ContentLength ?? 0 };
    if (sent.start > range.start || sent.end < range.end) {
      body.destroy();
      throw new BlobStoreUnavailableError(`The S3 store answered bytes ${sent.start}-${sent.end} for ${range.start}-${range.end}.`);
    }
    const exact = sent.start === range.start && sent.end === range.end;
    return { key, size: sent.total, contentType, etag: etagOf(key), body: exact ? body : sliceStream(body, range, sent.start), range };
  }

  async exists(key: string): Promise<boolean> {
    return (await this.head(key)) !== null;
  }

  async delete(key: string): Promise<void> {
    parseBlobKey(key);
    await this.call('delete', () => this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: key })));
  }

  /** Runs one S3 call; "no such key" gives `missing` when one is given, anything else means the store is unavailable. */
  private async call<T, M = never>(what: string, send: () => Promise<T>, ...missing: [M] | []): Promise<T | M> {
    try {
      return await send();
    } catch (err) {
      if (missing.length && isMissing(err)) return missing[0] as M;
      throw new BlobStoreUnavailableError(`The S3 blob store could not ${what}: ${(err as Error).message || (err as Error).name}`, { cause: err });
    }
  }

  /** Releases the client's sockets. */
  close(): void {
    this.client.destroy();
  }
}

function isMissing(err: unknown): boolean {
  if (err instanceof S3ServiceException) return err.name === 'NoSuchKey' || err.name === 'NotFound' || err.$metadata?.httpStatusCode === 404;
  return false;
}

function parseContentRange(contentRange: string): { start: number; end: number; total: number } {
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(contentRange.trim());
  if (!match) throw new BlobStoreUnavailableError(`The S3 store answered a range it did not describe (${contentRange}).`);
  return { start: Number(match[1]), end: Number(match[2]), total: Number(match[3]) };
}

/** Passes on only the bytes `range.start..range.end` of a stream starting at byte `offset`, then ends it and stops reading the source. */
function sliceStream(source: Readable, range: BlobRange, startsAt: number): Readable {
  let offset = startsAt;
  const slice = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const from = Math.max(range.start - offset, 0);
      const to = Math.min(range.end + 1 - offset, chunk.length);
      offset += chunk.length;
      if (from < to) this.push(chunk.subarray(from, to));
      if (offset > range.end) {
        this.push(null);
        source.destroy();
      }
      done();
    },
  });
  source.on('error', (err) => slice.destroy(err));
  return source.pipe(slice);
}
