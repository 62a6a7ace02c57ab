import type { ImportSource } from '@muse/shared';

/** How each kind of import is named on its status card and in the list of earlier imports. */
export const IMPORT_SOURCE_NAMES: Record<ImportSource, string> = {
  letterboxd: 'Letterboxd-style',
  rym: 'Rate Your Music',
  'letterboxd-watchlist': 'Letterboxd-style',
  'muse-reviews': 'Muse reviews',
};
