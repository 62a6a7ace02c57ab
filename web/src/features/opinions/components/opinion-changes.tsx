import type { OpinionChange } from '@muse/shared';
import { Link } from 'react-router';
import { AlbumCover } from '../../../components/ui/album-cover';
import { formatStars } from '../../../lib/format-music';
import { formatStarChange } from '../../../lib/format-star-change';
import { useOpinionChanges } from '../api/get-opinion-changes';

function ChangeList({ title, items, empty }: { title: string; items: OpinionChange[]; empty: string }) {
  return (
    <div className="opinion-changes-column">
      <h3 className="rating-panel-subtitle">{title}</h3>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ol className="opinion-changes-list">
          {items.map((item) => (
            <li key={item.album.id}>
              <AlbumCover title={item.album.title} artist={item.album.artistCredit} coverUrl={item.album.coverUrl} size={40} decorative />
              <span>
                <Link to={`/albums/${item.album.id}`}>{item.album.title}</Link>
                <span className="muted"> · {item.album.artistCredit}</span>
                <span className="opinion-change-stars">
                  {' '}
                  {formatStars(item.first)} → {formatStars(item.latest)} ({formatStarChange(item.change)})
                </span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** My Muse's growers and faders: the albums whose rating rose or fell most across relistens. */
export function OpinionChanges({ handle, visible }: { handle: string; visible: boolean }) {
  const changes = useOpinionChanges(handle, visible);
  if (!visible || !changes.isSuccess) return null;
  const { growers, faders } = changes.data;
  if (growers.length === 0 && faders.length === 0) return null;
  return (
    <section className="card opinion-changes" aria-labelledby="opinion-changes-title">
      <h2 id="opinion-changes-title" className="card-title">
        Growers and faders
      </h2>
      <div className="opinion-changes-columns">
        <ChangeList title="Growers" items={growers} empty="No album has grown on a relisten yet." />
        <ChangeList title="Faders" items={faders} empty="No album has faded on a relisten yet." />
      </div>
    </section>
  );
}
