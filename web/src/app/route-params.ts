import type { ListenLaterSort } from '@muse/shared';
import type { ReportStatus } from '../features/moderation/api/get-reports';

// What both a page and its route loader read, kept apart from the pages so the loaders (which
// are in the first download) do not pull the pages' code in with them.

/** How many trending albums and diary entries the home page shows (its loader prefetches the same). */
export const HOME_TRENDING_SIZE = 5;
export const HOME_DIARY_SIZE = 6;

const REPORT_STATUSES: readonly ReportStatus[] = ['open', 'actioned', 'dismissed'];

/** The moderation queue's `?status=`; anything unknown means the open queue. */
export function reportStatusFrom(value: string | null): ReportStatus {
  return REPORT_STATUSES.find((status) => status === value) ?? 'open';
}

// Every order the API knows (the type makes a new one a compile error here); zod stays out of the first download.
const LISTEN_LATER_SORTS: Record<ListenLaterSort, true> = { added: true, release: true };

/** The listen-later order in the address (`?sort=release`), so a reload or a shared link keeps it; anything else is "latest added". */
export function listenLaterSortFrom(value: string | null): ListenLaterSort {
  return value !== null && Object.hasOwn(LISTEN_LATER_SORTS, value) ? (value as ListenLaterSort) : 'added';
}
