import type { PartyListItem, PartyListReason } from '@muse/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { AlbumCover } from '../../../components/ui/album-cover';
import { Alert } from '../../../components/ui/alert';
import { PageSpinner } from '../../../components/ui/spinner';
import { formatDateTime, formatRelativeTime } from '../../../lib/format-time';
import { useParties } from '../api/get-parties';
import { formatNumber } from '../../../lib/format-music';

const REASON: Record<PartyListReason, (item: PartyListItem) => string | null> = {
  hosting: () => 'You are hosting',
  invited: () => 'You are invited',
  following: (item) => `You follow ${item.host.displayName}`,
  public: () => null,
};

/** The parties page: live now, then coming up, each with why it is there and where to join. */
export function PartyList() {
  const parties = useParties();
  if (parties.isPending) return <PageSpinner label="Loading parties" />;
  if (parties.isError) return <Alert tone="error">Parties could not be loaded. {parties.error.message}</Alert>;
  const { live, upcoming } = parties.data;
  return (
    <>
      <PartySection id="parties-live" title="Live now" items={live}>
        No party is live right now. Open any album and choose “Host a listening party” to start one; your followers hear of it.
      </PartySection>
      <PartySection id="parties-upcoming" title="Coming up" items={upcoming}>
        Nothing scheduled by you or the people you follow. A host can schedule a party up to 60 days ahead; you will be notified when it is announced and when
        it starts.
      </PartySection>
    </>
  );
}

/** One list of parties under its heading, or (children) what to do when it is empty. */
function PartySection({ id, title, items, children }: { id: string; title: string; items: PartyListItem[]; children: ReactNode }) {
  return (
    <section className="party-list-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {items.length === 0 ? (
        <p className="muted empty-state card">{children}</p>
      ) : (
        <ol className="party-list">
          {items.map((item) => (
            <PartyListRow key={item.id} item={item} />
          ))}
        </ol>
      )}
    </section>
  );
}

function PartyListRow({ item }: { item: PartyListItem }) {
  const reason = REASON[item.reason](item);
  const when = item.status === 'live' ? item.startedAt : item.scheduledFor;
  return (
    <li className="party-list-item" data-testid="party-list-item">
      <AlbumCover title={item.album.title} artist={item.album.artist} coverUrl={item.album.coverUrl} size={64} decorative />
      <div className="party-list-text">
        <Link to={`/parties/${item.id}`} className="party-list-title">
          {item.album.title}
        </Link>
        <span className="party-list-detail">
          {item.album.artist} · hosted by {item.host.displayName}
          {item.visibility === 'private' ? ' · private' : ''}
        </span>
        <span className="party-list-when">
          {item.status === 'live' ? (
            <>
              Live · {formatNumber(item.participantCount)} listening
              {when && (
                <>
                  {' '}
                  · started{' '}
                  <time dateTime={when} title={formatDateTime(when)}>
                    {formatRelativeTime(when)}
                  </time>
                </>
              )}
            </>
          ) : (
            when && (
              <>
                Starts <time dateTime={when}>{formatDateTime(when)}</time> · {formatRelativeTime(when)}
              </>
            )
          )}
        </span>
        {reason && <span className="party-list-reason">{reason}</span>}
      </div>
    </li>
  );
}
