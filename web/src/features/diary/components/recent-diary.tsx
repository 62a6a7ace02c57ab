import { Link } from 'react-router';
import { AlbumCover } from '../../../components/ui/album-cover';
import { Stars } from '../../../components/ui/stars';
import { formatDay } from '../../../lib/format-music';
import { useUserDiary } from '../api/get-user-diary';

const SHOWN = 6;

/** The latest few diary entries as a compact list, for the home page and profiles; `emptyText` replaces the owner's prompt. */
export function RecentDiary({ handle, emptyText }: { handle: string; emptyText?: string }) {
  const diary = useUserDiary(handle, SHOWN);
  const entries = diary.data?.pages[0]?.items.slice(0, SHOWN) ?? [];

  if (diary.isPending) return <p className="muted">Loading your diary…</p>;
  if (diary.isError) return <p className="muted">Your diary could not be loaded right now.</p>;
  if (entries.length === 0) {
    return <p className="muted">{emptyText ?? 'Nothing logged yet. Find an album you played today and press “Log / review”.'}</p>;
  }
  return (
    <ol className="compact-list">
      {entries.map((entry) => (
        <li key={entry.id} className="compact-row">
          <AlbumCover title={entry.album.title} artist={entry.album.artistCredit} coverUrl={entry.album.coverUrl} size={44} decorative />
          <span className="compact-text">
            <Link to={`/albums/${entry.album.id}`} className="compact-title">
              {entry.album.title}
            </Link>
            <span className="compact-detail">
              {entry.album.artistCredit} · <time dateTime={entry.listenedOn}>{formatDay(entry.listenedOn)}</time>
            </span>
          </span>
          {entry.rating !== null && <Stars value={entry.rating} size="sm" />}
        </li>
      ))}
    </ol>
  );
}
