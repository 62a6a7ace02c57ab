/** A blob was refused because it is bigger than the limit; nothing of it is kept. */
export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The blob is larger than ${maxBytes} bytes.`);
    this.name = 'BlobTooLargeError';
  }
}

/** The media type has no extension the store knows, so a key could not say what the blob is. */
export class UnsupportedBlobTypeError extends Error {
  constructor(readonly contentType: string) {
    super(`Blobs of type "${contentType}" are not stored.`);
    this.name = 'UnsupportedBlobTypeError';
  }
}

/** A key that is not one the store hands out (e.g. typed into a URL); no storage is touched for it. */
export class InvalidBlobKeyError extends Error {
  constructor(readonly key: string) {
    super('Not a blob key.');
    this.name = 'InvalidBlobKeyError';
  }
}

/** A range that does not lie inside the blob (callers check against `head` first). */
export class BlobRangeError extends Error {
  constructor(
    readonly range: { start: number; end: number },
    readonly size: number,
  ) {
    super(`Bytes ${range.start}-${range.end} are not inside a blob of ${size} bytes.`);
    this.name = 'BlobRangeError';
  }
}

/** The storage behind the store did not answer (disk error, S3 down or refusing our credentials). */
export class BlobStoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BlobStoreUnavailableError';
  }
}
