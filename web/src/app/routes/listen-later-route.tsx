import { useSearchParams } from 'react-router';
import { ListenLaterList } from '../../features/listen-later/components/listen-later-list';
import { listenLaterSortFrom } from '../route-params';

/** `/listen-later`: the signed-in user's private queue of albums to hear. */
export function ListenLaterRoute() {
  const [params, setParams] = useSearchParams();
  const sort = listenLaterSortFrom(params.get('sort'));

  return (
    <div className="page page-medium">
      <title>Listen later · Muse</title>
      <header className="page-header">
        <p className="eyebrow">Only you see this</p>
        <h1>Listen later</h1>
        <p className="muted">Albums you saved to hear. Each leaves once you rate or log it, unless you keep it.</p>
      </header>
      <ListenLaterList sort={sort} onSortChange={(next) => setParams(next === 'added' ? {} : { sort: next }, { replace: true })} />
    </div>
  );
}
