import { BlobRangeError, InvalidBlobKeyError, UnsupportedBlobTypeError } from './blob-errors';
import type { BlobRange } from './blob-store.port';

// The types Muse stores (covers and preview clips), by the extension their keys carry.
const TYPE_BY_EXTENSION: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  ogg: 'audio/ogg',
  wav: 'audio/wav',
  weba: 'audio/webm',
};

const EXTENSION_BY_TYPE: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(TYPE_BY_EXTENSION).map(([ext, type]) => [type, ext])),
  'image/jpg': 'jpg',
  'image/pjpeg': 'jpg',
  'audio/mp3': 'mp3',
  'audio/x-m4a': 'm4a',
  'audio/m4a': 'm4a',
  'audio/x-wav': 'wav',
  'audio/wave': 'wav',
};

/** A key as the stores hand them out: 64 lowercase hex digits, a dot, a known extension. */
export const BLOB_KEY_PATTERN = new RegExp(`^[0-9a-f]{64}\\.(${Object.keys(TYPE_BY_EXTENSION).join('|')})$`);

/** The media type without parameters and in lower case (`Image/PNG; q=1` is `image/png`). */
export function normaliseContentType(contentType: string): string {
  return contentType.split(';')[0]!.trim().toLowerCase();
}

/** The extension a blob of this type gets, or throws `UnsupportedBlobTypeError`. */
export function extensionFor(contentType: string): string {
  const ext = EXTENSION_BY_TYPE[normaliseContentType(contentType)];
  if (!ext) throw new UnsupportedBlobTypeError(contentType);
  return ext;
}

/** Whether the store would keep a blob of this type. */
export function isStorableType(contentType: string): boolean {
  return normaliseContentType(contentType) in EXTENSION_BY_TYPE;
}

/** The key of bytes with this SHA-256 (hex) and type. */
export function blobKey(sha256Hex: string, contentType: string): string {
  return `${sha256Hex}.${extensionFor(contentType)}`;
}

/** Checks a key and returns its parts; throws `InvalidBlobKeyError` for anything a store did not hand out. */
export function parseBlobKey(key: string): { hash: string; contentType: string } {
  if (!BLOB_KEY_PATTERN.test(key)) throw new InvalidBlobKeyError(key);
  const [hash, ext] = key.split('.') as [string, string];
  return { hash, contentType: TYPE_BY_EXTENSION[ext]! };
}

/** The strong ETag of a key: its hash, which names the bytes themselves, so every adapter and node agrees. */
export function etagOf(key: string): string {
  return `"${parseBlobKey(key).hash}"`;
}

/** Throws `BlobRangeError` unless the range lies inside a blob of `size` bytes. */
export function checkRange(range: BlobRange, size: number): void {
  const ok = Number.isSafeInteger(range.start) && Number.isSafeInteger(range.end) && range.start >= 0 && range.start <= range.end && range.end < size;
  if (!ok) throw new BlobRangeError(range, size);
}
