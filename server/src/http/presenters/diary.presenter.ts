import { valueToStars, type DiaryEntryView } from '@muse/shared';
import { presentAlbumColumns } from './catalog.presenter';
import type { DiaryViewRow } from '../../features/diary/diary.repo';

/** A diary entry with its album's summary; the rating in stars. */
export function presentDiaryEntry(row: DiaryViewRow): DiaryEntryView {
  return {
    id: String(row.id),
    album: presentAlbumColumns(row),
    listenedOn: row.listened_on,
    rating: row.rating === null ? null : valueToStars(row.rating),
    isRelisten: row.is_relisten,
    reviewId: row.review_id === null ? null : String(row.review_id),
    createdAt: new Date(row.created_at).toISOString(),
  };
}
