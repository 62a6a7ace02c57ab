/**
 * SQL for a review's place among its author's listens of the album (reviews aliased `r`): 1 for a
 * first impression, N for a review after N listens, counting the author's diary entries of the
 * album dated before the review's listen (its own entry aside) plus the review's listen itself,
 * and at least 2 for a review marked as a relisten. NULL for a track review: the diary logs
 * albums, so a track's listens are not known. Only the count leaves the diary: whoever may see
 * the review may see the author's diary (both follow the profile's privacy and blocks), so it
 * tells them nothing they could not read there. One probe of the diary's (user, album) index.
 */
export const LISTEN_NUMBER_SQL = `CASE WHEN r.track_id IS NULL THEN GREATEST(
    1 + (SELECT count(*) FROM diary_entries d
          WHERE d.user_id = r.user_id AND d.album_id = r.album_id AND d.review_id IS DISTINCT FROM r.id
            AND d.listened_on < coalesce(r.listened_on, (r.created_at AT TIME ZONE 'UTC')::date)),
    CASE WHEN r.is_relisten THEN 2 ELSE 1 END)::int END`;
