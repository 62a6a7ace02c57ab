import { ArtworkParamsSchema, ARTWORK_EXTENSIONS } from '@muse/shared';
import { blobKey, BLOB_KEY_PATTERN, parseBlobKey } from './blob-keys';

describe('blob keys', () => {
  it('when a cover of any image type the stores keep is stored, then its key is one the artwork route accepts, and no other stored type is', () => {
    const hash = 'ab'.repeat(32);
    for (const type of ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'image/avif']) {
      const key = blobKey(hash, type);
      expect({ key, accepted: ArtworkParamsSchema.safeParse({ key }).success }).toEqual({ key, accepted: true });
    }
    // Every extension the route accepts is an image type a store can hold.
    for (const extension of ARTWORK_EXTENSIONS) {
      const key = `${hash}.${extension}`;
      expect(BLOB_KEY_PATTERN.test(key)).toBe(true);
      expect(parseBlobKey(key).contentType).toMatch(/^image\//);
    }
    for (const type of ['audio/mpeg', 'audio/mp4']) expect(ArtworkParamsSchema.safeParse({ key: blobKey(hash, type) }).success).toBe(false);
  });
});
