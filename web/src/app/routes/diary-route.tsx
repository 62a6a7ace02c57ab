import { useParams } from 'react-router';
import { useMe } from '../../features/auth/api/get-me';
import { DiaryList } from '../../features/diary/components/diary-list';

/** `/users/:handle/diary`: someone's listening diary, by month; the owner can tidy it. */
export function DiaryRoute() {
  const { handle = '' } = useParams();
  const me = useMe();
  const isOwner = me !== null && me.handle.toLowerCase() === handle.toLowerCase();

  return (
    <div className="page page-medium">
      <title>{isOwner ? 'Your diary · Muse' : `@${handle}’s diary · Muse`}</title>
      <header className="page-header">
        <p className="eyebrow">Diary</p>
        <h1>{isOwner ? 'Your diary' : `@${handle}’s diary`}</h1>
        <p className="muted">Every listen logged, most recent first.</p>
      </header>
      <DiaryList
        handle={handle}
        isOwner={isOwner}
        emptyText={isOwner ? 'Nothing logged yet. Open an album and press “Log / review” to start your diary.' : 'Nothing logged yet.'}
      />
    </div>
  );
}
