import type { PlaylistView } from '@muse/shared';
import { isApiError } from '../../../lib/api-client';

/** The code of a write based on a version that is no longer the current one. */
export const VERSION_CONFLICT = 'playlist_version_conflict';

/** The current document a 409 `playlist_version_conflict` carries, or null for any other failure. */
export function conflictCurrent(error: unknown): PlaylistView | null {
  if (!isApiError(error, VERSION_CONFLICT)) return null;
  const current = error.problem?.current;
  return current !== null && typeof current === 'object' && Array.isArray((current as PlaylistView).entries) ? (current as PlaylistView) : null;
}

/** The playlist changed again while a refused change was being re-applied: `current` is the latest document. */
export class PlaylistChangedError extends Error {
  readonly current: PlaylistView;

  constructor(current: PlaylistView) {
    super('The playlist changed again while your change was being saved.');
    this.name = 'PlaylistChangedError';
    this.current = current;
  }
}

/** How a versioned write ended: saved on `base` (the cached document, or the newer one it was re-applied to), or pointless because what it changed is gone from `current`. */
export type VersionedWrite<T> = { status: 'saved'; result: T; base: PlaylistView; rebased: boolean } | { status: 'gone'; current: PlaylistView };

/**
 * Sends a change based on `base`. When someone else changed the playlist first (409 with the
 * current document), the same change is applied to the current document and sent once more, so
 * the user's change is kept; when it no longer applies (`stillApplies` says the entry is gone)
 * the current document comes back instead. A second conflict rejects with PlaylistChangedError.
 */
export async function writeOnVersion<T>(
  base: PlaylistView,
  send: (doc: PlaylistView) => Promise<T>,
  stillApplies: (current: PlaylistView) => boolean,
): Promise<VersionedWrite<T>> {
  try {
    return { status: 'saved', result: await send(base), base, rebased: false };
  } catch (error) {
    const current = conflictCurrent(error);
    if (!current) throw error;
    if (!stillApplies(current)) return { status: 'gone', current };
    try {
      return { status: 'saved', result: await send(current), base: current, rebased: true };
    } catch (again) {
      const latest = conflictCurrent(again);
      throw latest ? new PlaylistChangedError(latest) : again;
    }
  }
}
