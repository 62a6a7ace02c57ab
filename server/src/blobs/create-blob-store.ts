import path from 'node:path';
import type { Config } from '../config/config';
import { ConfigError } from '../config/config';
import type { BlobStore } from './blob-store.port';
import { LocalBlobStore } from './local-blob-store';
import { S3BlobStore } from './s3-blob-store';

/** The largest blob any store accepts unless a caller asks for less (covers take 5 MB, clips 2 MB). */
export const DEFAULT_BLOB_MAX_BYTES = 20 * 1024 * 1024;

/** Builds the blob store the configuration names: local disk under `DATA_DIR/blobs` by default, else S3. */
export function createBlobStore(config: Config): BlobStore {
  if (config.BLOB_STORE === 's3') {
    if (!config.S3_BUCKET) throw new ConfigError('Invalid configuration:\n  S3_BUCKET: required when BLOB_STORE=s3');
    const { S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = config;
    if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
      throw new ConfigError('Invalid configuration:\n  S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: set both or neither');
    }
    return new S3BlobStore({
      bucket: config.S3_BUCKET,
      region: config.S3_REGION,
      endpoint: config.S3_ENDPOINT,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
      maxBytes: DEFAULT_BLOB_MAX_BYTES,
      spoolDir: path.resolve(config.DATA_DIR, 'blobs-spool'),
    });
  }
  return new LocalBlobStore({ root: path.resolve(config.DATA_DIR, 'blobs'), maxBytes: DEFAULT_BLOB_MAX_BYTES });
}
