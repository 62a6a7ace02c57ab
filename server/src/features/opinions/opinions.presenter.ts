import { valueToStars, type AlbumSummary, type OpinionChange } from '@muse/shared';
import type { OpinionChangeRow } from './opinions.repo';

/** One grower or fader, in stars, with its album's card. */
export function presentOpinionChange(row: OpinionChangeRow, album: AlbumSummary): OpinionChange {
  const first = valueToStars(row.first);
  const latest = valueToStars(row.latest);
  return { album, first, latest, change: latest - first, ratings: row.ratings };
}
