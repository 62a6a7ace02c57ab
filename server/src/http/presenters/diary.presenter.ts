import { valueToStars, type DiaryEntryView } from '@muse/shared';
import { presentCoverUrl } from './catalog.presenter';
import type { DiaryViewRow } from '../../features/diary/diary.repo';

/** A diary entry with its album's summary; the rating in stars. */
export function presentDiaryEntry(row: DiaryViewRow): DiaryEntryView {
  return {
    id: String(row.id),
    album: {
      id: String(row.album_id),
      title: row.album_title,
      artistCredit: row.album_artist_credit,
      releaseYear: row.album_release_year,
      type: row.album_type,
      coverUrl: presentCoverUrl(row.album_cover_key),
      genres: row.album_genres ?? [],
    },
    listenedOn: row.listened_on,
    rating: row.rating === null ? null : valueToStars(row.rating),
    isRelisten: row.is_relisten,
    reviewId: row.review_id === null ? null : String(row.review_id),
    createdAt: new Date(row.created_at).toISOString(),
  };
}
