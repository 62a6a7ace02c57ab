import { PREVIEW_STATUS_MAX_IDS, type PreviewStatus } from '@muse/shared';
import { useQueries } from '@tanstack/react-query';
import { api } from './api-client';
import { loadSchemas } from './shared-schemas';

/** Polls pending tracks every this often while their clips are fetched, at most `MAX_POLLS` times. */
const POLL_MS = 2000;
const MAX_POLLS = 30;

export const previewKeys = {
  all: ['previews'] as const,
  statuses: (trackIds: readonly string[]) => ['previews', 'status', trackIds.join(',')] as const,
};

/** `GET /api/previews/status`: which of these tracks have a preview (ready), may have one (pending) or have none, and why. Starts fetching pending ones. */
export async function fetchPreviewStatuses(trackIds: readonly string[]): Promise<PreviewStatus[]> {
  const body = await api.get<unknown>(`/api/previews/status?trackIds=${trackIds.map(encodeURIComponent).join(',')}`);
  return (await loadSchemas()).PreviewStatusesSchema.parse(body).previews;
}

/** The query of one chunk of ids, polling while any of them is still pending. */
export function getPreviewStatusesQueryOptions(trackIds: readonly string[]) {
  return {
    queryKey: previewKeys.statuses(trackIds),
    queryFn: () => fetchPreviewStatuses(trackIds),
    staleTime: 60_000,
    refetchInterval: (query: { state: { data?: PreviewStatus[]; dataUpdateCount: number } }) =>
      query.state.data?.some((s) => s.state === 'pending') && query.state.dataUpdateCount < MAX_POLLS ? POLL_MS : false,
  };
}

/**
 * The preview state of each catalog track of a page (asked in chunks the API accepts), keyed by
 * track id; empty while loading or when `enabled` is false (signed out: there is no player).
 */
export function usePreviewStatuses(trackIds: readonly (string | null)[], enabled = true): Map<string, PreviewStatus> {
  const ids = [...new Set(trackIds.filter((id): id is string => id !== null))];
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += PREVIEW_STATUS_MAX_IDS) chunks.push(ids.slice(i, i + PREVIEW_STATUS_MAX_IDS));
  const results = useQueries({ queries: chunks.map((chunk) => ({ ...getPreviewStatusesQueryOptions(chunk), enabled })) });
  const map = new Map<string, PreviewStatus>();
  for (const result of results) for (const status of result.data ?? []) map.set(status.trackId, status);
  return map;
}
