import type { DiaryEntryView } from '@muse/shared';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { AlbumCover } from '../../../components/ui/album-cover';
import { Button } from '../../../components/ui/button';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { PageSpinner } from '../../../components/ui/spinner';
import { Stars } from '../../../components/ui/stars';
import { isApiError } from '../../../lib/api-client';
import { dayParts } from '../../../lib/format-music';
import { useDeleteDiaryEntry } from '../api/delete-diary-entry';
import { useUserDiary } from '../api/get-user-diary';

/** Entries grouped under month headings, keeping the server's order (newest listen first). */
export function groupByMonth(entries: DiaryEntryView[]): { month: string; entries: DiaryEntryView[] }[] {
  const groups: { month: string; entries: DiaryEntryView[] }[] = [];
  for (const entry of entries) {
    const { month } = dayParts(entry.listenedOn);
    const last = groups[groups.length - 1];
    if (last && last.month === month) last.entries.push(entry);
    else groups.push({ month, entries: [entry] });
  }
  return groups;
}

interface DiaryListProps {
  handle: string;
  /** The owner may delete entries. */
  isOwner: boolean;
  /** Shown when the diary is empty. */
  emptyText: string;
}

/**
 * A user's diary by month: day, cover, album and artist, rating, relisten mark and a link to
 * the review written with the listen; the owner can delete an entry.
 */
export function DiaryList({ handle, isOwner, emptyText }: DiaryListProps) {
  const diary = useUserDiary(handle);
  const remove = useDeleteDiaryEntry();

  if (diary.isPending) return <PageSpinner label="Loading the diary" />;
  if (diary.isError) {
    const code = isApiError(diary.error) ? diary.error.code : null;
    if (code === 'profile_private' || code === 'account_suspended') {
      return (
        <p className="empty-state card">
          {code === 'profile_private' ? `@${handle}’s profile is private: their diary is for the people they let follow them. ` : 'This account is suspended. '}
          <Link to={`/users/${encodeURIComponent(handle)}`}>Go to the profile</Link>
        </p>
      );
    }
    const missing = isApiError(diary.error) && diary.error.status === 404;
    return <Alert tone="error">{missing ? `There is no one called @${handle} on Muse.` : `Could not load the diary. ${diary.error.message}`}</Alert>;
  }
  const entries = diary.data.pages.flatMap((page) => page.items);
  if (entries.length === 0) return <p className="empty-state card">{emptyText}</p>;

  return (
    <div className="diary">
      {remove.isError && <Alert tone="error">The entry was not deleted: {remove.error.message}</Alert>}
      {groupByMonth(entries).map((group) => (
        <section key={group.month} className="diary-month" aria-labelledby={`diary-${group.month.replace(/\s+/g, '-')}`}>
          <h2 id={`diary-${group.month.replace(/\s+/g, '-')}`} className="diary-month-title">
            {group.month}
          </h2>
          <ol className="diary-entries">
            {group.entries.map((entry) => {
              const day = dayParts(entry.listenedOn);
              return (
                <li key={entry.id} className="diary-entry">
                  <time className="diary-day" dateTime={entry.listenedOn}>
                    <span className="diary-day-number">{day.dayOfMonth}</span>
                    <span className="diary-day-weekday">{day.weekday}</span>
                  </time>
                  <Link to={`/albums/${entry.album.id}`} tabIndex={-1} aria-hidden="true" className="diary-cover">
                    <AlbumCover title={entry.album.title} artist={entry.album.artistCredit} coverUrl={entry.album.coverUrl} size={56} decorative />
                  </Link>
                  <div className="diary-album">
                    <Link to={`/albums/${entry.album.id}`} className="diary-album-title">
                      {entry.album.title}
                    </Link>
                    <span className="diary-album-meta">
                      <Link to={`/search?q=${encodeURIComponent(entry.album.artistCredit)}&type=artist`} className="diary-artist">
                        {entry.album.artistCredit}
                      </Link>
                      {entry.album.releaseYear ? <span className="muted"> · {entry.album.releaseYear}</span> : null}
                    </span>
                  </div>
                  <div className="diary-marks">
                    {entry.rating !== null ? <Stars value={entry.rating} size="sm" /> : <span className="muted diary-unrated">No rating</span>}
                    {entry.isRelisten && (
                      <span className="relisten-mark" title="Relisten">
                        <span aria-hidden="true">↻</span>
                        <span className="sr-only">Relisten</span>
                      </span>
                    )}
                    {entry.reviewId && (
                      <Link to={`/reviews/${entry.reviewId}`} className="diary-review-link">
                        Review<span className="sr-only"> of {entry.album.title}</span>
                      </Link>
                    )}
                  </div>
                  {isOwner && (
                    <div className="diary-actions">
                      <ConfirmButton
                        confirmText="Delete entry"
                        aria-label={`Delete the ${entry.listenedOn} entry for ${entry.album.title}`}
                        pending={remove.isPending && remove.variables?.id === entry.id}
                        onConfirm={() => remove.mutate({ id: entry.id, albumId: entry.album.id })}
                      >
                        Delete
                      </ConfirmButton>
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
        </section>
      ))}
      {diary.hasNextPage && (
        <div className="list-more">
          <Button variant="secondary" onClick={() => void diary.fetchNextPage()} pending={diary.isFetchingNextPage}>
            Load older entries
          </Button>
        </div>
      )}
    </div>
  );
}
