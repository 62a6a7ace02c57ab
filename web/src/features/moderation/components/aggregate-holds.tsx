import type { AggregateHoldView, HoldDecisionInput } from '@muse/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { PageSpinner } from '../../../components/ui/spinner';
import { isApiError } from '../../../lib/api-client';
import { formatNumber, formatScore } from '../../../lib/format-music';
import { formatDateTime, formatRelativeTime } from '../../../lib/format-time';
import { useDecideAggregateHold } from '../api/decide-aggregate-hold';
import { useAggregateHolds } from '../api/get-aggregate-holds';

/** One held album: since when, the held and the live score, the surge behind it, and the two decisions. */
function HoldCard({ hold, pending, onDecide }: { hold: AggregateHoldView; pending: boolean; onDecide: (decision: HoldDecisionInput['decision']) => void }) {
  const titleId = `hold-${hold.album.id}-title`;
  return (
    <article className="report-card card" aria-labelledby={titleId} data-testid="aggregate-hold">
      <header className="report-header">
        <h3 id={titleId} className="report-title">
          <Link to={`/albums/${hold.album.id}`}>{hold.album.title}</Link> <span className="muted">{hold.album.artistCredit}</span>
        </h3>
        <span className="muted">
          Held{' '}
          <time dateTime={hold.heldSince} title={formatDateTime(hold.heldSince)}>
            {formatRelativeTime(hold.heldSince)}
          </time>
        </span>
      </header>
      <p>
        {formatNumber(hold.lowHistoryCount)} ratings from low-history accounts
        {hold.lowHistoryMean !== null && <> averaging {formatScore(hold.lowHistoryMean)} stars</>}. Score shown while held: {formatScore(hold.heldScore)}; with
        these ratings: {formatScore(hold.liveScore)}.
      </p>
      <div className="report-actions">
        <Button variant="secondary" pending={pending} onClick={() => onDecide('release')} aria-label={`Release the hold on ${hold.album.title}`}>
          Release
        </Button>
        <ConfirmButton
          confirmText="Yes, these ratings lose their weight"
          aria-label={`Confirm brigade on ${hold.album.title}`}
          pending={pending}
          onConfirm={() => onDecide('confirm')}
        >
          Confirm brigade
        </ConfirmButton>
      </div>
    </article>
  );
}

/**
 * Albums whose weighted score the surge rule held, oldest first, for the moderation page.
 * Releasing lets the ratings stand; confirming takes the weight away from the surge's
 * low-history ratings. Both end the hold and go to the public moderation log.
 */
export function AggregateHolds() {
  const holds = useAggregateHolds();
  const decide = useDecideAggregateHold();
  const [done, setDone] = useState<string | null>(null);
  const items = holds.data?.pages.flatMap((page) => page.items) ?? [];

  const handleDecide = (hold: AggregateHoldView, decision: HoldDecisionInput['decision']) => {
    setDone(null);
    decide.mutate(
      { albumId: hold.album.id, decision },
      { onSuccess: () => setDone(decision === 'release' ? `Released the hold on ${hold.album.title}.` : `Confirmed the brigade on ${hold.album.title}.`) },
    );
  };

  return (
    <section className="aggregate-holds" aria-labelledby="aggregate-holds-title">
      <div className="section-header">
        <h2 id="aggregate-holds-title" className="section-heading">
          Rating surges
        </h2>
        <Link to="/moderation-log">Public moderation log</Link>
      </div>
      {done && <Alert tone="success">{done}</Alert>}
      {decide.isError && (
        <Alert tone="error">
          {isApiError(decide.error, 'not_held') ? 'Another moderator already decided that hold.' : `Not saved: ${decide.error.message}`}
        </Alert>
      )}
      {holds.isPending ? (
        <PageSpinner label="Loading held albums" />
      ) : holds.isError ? (
        <Alert tone="error">Could not load held albums. {holds.error.message}</Alert>
      ) : items.length === 0 ? (
        <p className="empty-state card">No album’s score is held.</p>
      ) : (
        <div className="report-queue">
          {items.map((hold) => (
            <HoldCard
              key={hold.album.id}
              hold={hold}
              pending={decide.isPending && decide.variables.albumId === hold.album.id}
              onDecide={(decision) => handleDecide(hold, decision)}
            />
          ))}
        </div>
      )}
      {holds.hasNextPage && (
        <div className="list-more">
          <Button variant="secondary" onClick={() => void holds.fetchNextPage()} pending={holds.isFetchingNextPage}>
            More held albums
          </Button>
        </div>
      )}
    </section>
  );
}
