import type { Redis } from 'ioredis';
import type { PlaylistFileFormat, PlaylistKind } from '@muse/shared';
import type { StoredEntry } from '../../docstore/playlist-store.port';

/** How long a preview waits for its confirmation. */
export const PREVIEW_TTL_SECONDS = 3600;

/** An entry as a confirmed preview will store it, less what the confirmation adds (id, who, when). */
export type PreviewEntry = Pick<StoredEntry, 'trackId' | 'albumId' | 'snapshot' | 'serviceIds' | 'note'>;

/** What a preview keeps for its confirmation: the entries already matched, and what the file said. */
export interface StoredPreview {
  format: PlaylistFileFormat;
  kind: PlaylistKind;
  /** The title to use when the confirmation gives none: the file's own, else its name. */
  title: string | null;
  description: string | null;
  ranked: boolean;
  entries: PreviewEntry[];
}

/**
 * Previews of playlist files in Redis, an hour each, under the uploader's id: a preview id is
 * found only by the user who made it, so another user's id reads as missing. Matching is done
 * once, at preview time, so what is confirmed is exactly what was shown.
 */
export class PlaylistImportPreviews {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(userId: string, previewId: string): string {
    return `${this.prefix}playlist-import:${userId}:${previewId}`;
  }

  async save(userId: string, previewId: string, preview: StoredPreview): Promise<void> {
    await this.redis.set(this.key(userId, previewId), JSON.stringify(preview), 'EX', PREVIEW_TTL_SECONDS);
  }

  /** The user's preview, or null when it expired, never existed, or is someone else's. */
  async get(userId: string, previewId: string): Promise<StoredPreview | null> {
    const json = await this.redis.get(this.key(userId, previewId));
    return json ? (JSON.parse(json) as StoredPreview) : null;
  }
}
