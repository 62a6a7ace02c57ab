import { loadConfig, ConfigError } from '../config/config';
import { createBlobStore } from './create-blob-store';
import { type S3BlobStore } from './s3-blob-store';

describe('createBlobStore', () => {
  it('when nothing is configured, then blobs go to local disk', () => {
    expect(createBlobStore(loadConfig({ DATA_DIR: '/tmp/muse-blob-config' })).kind).toBe('local');
  });

  it('when BLOB_STORE=s3 has a bucket, then the S3 adapter is used', () => {
    const store = createBlobStore(
      loadConfig({ BLOB_STORE: 's3', S3_BUCKET: 'muse-covers', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_FORCE_PATH_STYLE: 'true' }),
    );
    expect(store.kind).toBe('s3');
    (store as S3BlobStore).close();
  });

  it('when BLOB_STORE=s3 lacks a bucket or half its credentials, then start-up fails naming the variable', () => {
    expect(() => createBlobStore(loadConfig({ BLOB_STORE: 's3' }))).toThrow(
      new ConfigError('Invalid configuration:\n  S3_BUCKET: required when BLOB_STORE=s3'),
    );
    expect(() => createBlobStore(loadConfig({ BLOB_STORE: 's3', S3_BUCKET: 'muse-covers', S3_ACCESS_KEY_ID: 'AKIA' }))).toThrow(/S3_SECRET_ACCESS_KEY/);
  });

  it('when a blob store variable is malformed, then the config is refused', () => {
    expect(() => loadConfig({ BLOB_STORE: 'ftp' })).toThrow(/BLOB_STORE/);
    expect(() => loadConfig({ S3_ENDPOINT: 'not a url' })).toThrow(/S3_ENDPOINT/);
    expect(() => loadConfig({ S3_FORCE_PATH_STYLE: 'maybe' })).toThrow(/S3_FORCE_PATH_STYLE/);
  });
});
