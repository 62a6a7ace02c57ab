import type { PreviewUnavailableReason } from './previews.schemas';

/** What people read for each reason (the API's problem detail and the player say the same). */
export const PREVIEW_REASON_TEXT: Readonly<Record<PreviewUnavailableReason, string>> = {
  not_on_services: 'No preview: this track is not available on the connected services.',
  refused: 'No preview: the service offered a clip Muse cannot play.',
  fetch_failed: 'No preview right now: the service did not send the clip. Muse will try again later.',
  no_services: 'No preview: no music service is connected to this Muse server.',
};

/** Where a track's preview streams from. */
export const previewPath = (trackId: string): string => `/api/tracks/${trackId}/preview`;
