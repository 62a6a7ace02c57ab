import type { MatchOutcome } from '@muse/shared';

/** Query keys of playlist conversions: the history, one conversion, its report (per outcome filter) and fix searches. */
export const conversionKeys = {
  all: ['conversions'] as const,
  list: () => ['conversions', 'list'] as const,
  detail: (id: string) => ['conversions', 'detail', id] as const,
  reports: (id: string) => ['conversions', 'detail', id, 'report'] as const,
  report: (id: string, outcome: MatchOutcome | 'all') => ['conversions', 'detail', id, 'report', outcome] as const,
  search: (id: string, index: number, q: string) => ['conversions', 'detail', id, 'search', index, q] as const,
  sources: ['conversions', 'sources'] as const,
  musePlaylists: () => ['conversions', 'sources', 'muse'] as const,
};

/** Where a conversion's API lives. */
export const conversionPath = (id: string) => `/api/conversions/${encodeURIComponent(id)}`;

/** The report as a CSV download (a plain link, not a fetch). */
export const conversionCsvPath = (id: string) => `${conversionPath(id)}/report.csv`;
