import type { PreviewStatus, PreviewUnavailableReason } from '@muse/shared';
import type { PreviewRow } from './previews.repo';

/**
 * A track's preview state from its row: `ready` once a clip is stored, `none` (with why) while
 * the track is known to have none or no service is usable, else `pending` (it may have one: the
 * first request fetches it).
 */
export function presentPreviewStatus(trackId: string, row: PreviewRow | null, now: Date, servicesUsable: boolean): PreviewStatus {
  if (row?.blob_key) return { trackId, state: 'ready', reason: null };
  const reason = unavailableReason(row, now, servicesUsable);
  return reason ? { trackId, state: 'none', reason } : { trackId, state: 'pending', reason: null };
}

/** Why the track has no clip now, or null when it may have one. */
export function unavailableReason(row: PreviewRow | null, now: Date, servicesUsable: boolean): PreviewUnavailableReason | null {
  if (row?.unavailable_until && row.unavailable_until > now && row.unavailable_reason) return row.unavailable_reason;
  return servicesUsable ? null : 'no_services';
}
