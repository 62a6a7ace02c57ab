import type { SuspendedAccountView } from '@muse/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { PageSpinner } from '../../../components/ui/spinner';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime, formatRelativeTime } from '../../../lib/format-time';
import { useSuspendedAccounts } from '../api/get-suspended-accounts';
import { useLiftSuspension } from '../api/lift-suspension';
import { REPORT_TARGET_NOUN } from '../report-target';

/** One suspended account: who, since when, by whom, the report behind it, and "Lift suspension". */
function SuspendedAccountCard({ account, lifting, onLift }: { account: SuspendedAccountView; lifting: boolean; onLift: () => void }) {
  const { user, report } = account;
  const titleId = `suspended-${user.id}-title`;
  return (
    <article className="report-card card" aria-labelledby={titleId} data-testid="suspended-account">
      <header className="report-header">
        <h3 id={titleId} className="report-title">
          <Link to={`/users/${encodeURIComponent(user.handle)}`}>{user.displayName}</Link> <span className="muted">@{user.handle}</span>
        </h3>
        <span className="muted">
          Suspended{' '}
          <time dateTime={account.suspendedAt} title={formatDateTime(account.suspendedAt)}>
            {formatRelativeTime(account.suspendedAt)}
          </time>
          {account.suspendedBy && ` by ${account.suspendedBy.displayName}`}
        </span>
      </header>
      {report ? (
        <>
          <blockquote className="report-excerpt">{report.excerpt || <span className="muted">(no text)</span>}</blockquote>
          <p className="report-reason">
            <strong>Reported {REPORT_TARGET_NOUN[report.targetType]}:</strong> {report.reason}
            {report.targetType === 'review' && (
              <>
                {' '}
                · <Link to={`/reviews/${report.targetId}`}>open</Link>
              </>
            )}
          </p>
        </>
      ) : (
        <p className="muted">The report behind this suspension is no longer on record.</p>
      )}
      <div className="report-actions">
        <ConfirmButton
          confirmText={`Yes, let ${user.displayName} sign in again`}
          aria-label={`Lift suspension of ${user.displayName}`}
          pending={lifting}
          onConfirm={onLift}
        >
          Lift suspension
        </ConfirmButton>
      </div>
    </article>
  );
}

/**
 * Suspended accounts, most recently suspended first, for the moderation page. Lifting asks
 * first, then reads the list again; the account may sign in afterwards, and what the suspension
 * alone hid shows again (content hidden by a report stays hidden).
 */
export function SuspendedAccounts() {
  const accounts = useSuspendedAccounts();
  const lift = useLiftSuspension();
  const [lifted, setLifted] = useState<string | null>(null);
  const items = accounts.data?.pages.flatMap((page) => page.items) ?? [];

  const handleLift = (account: SuspendedAccountView) => {
    setLifted(null);
    lift.mutate(account.user.id, { onSuccess: () => setLifted(account.user.displayName) });
  };

  return (
    <section className="suspended-accounts" aria-labelledby="suspended-accounts-title">
      <div className="section-header">
        <h2 id="suspended-accounts-title" className="section-heading">
          Suspended accounts
        </h2>
      </div>
      {lifted && <Alert tone="success">{lifted} can sign in again.</Alert>}
      {lift.isError && (
        <Alert tone="error">
          {isApiError(lift.error, 'not_suspended') ? 'That suspension was already lifted.' : `The suspension was not lifted: ${lift.error.message}`}
        </Alert>
      )}
      {accounts.isPending ? (
        <PageSpinner label="Loading suspended accounts" />
      ) : accounts.isError ? (
        <Alert tone="error">Could not load suspended accounts. {accounts.error.message}</Alert>
      ) : items.length === 0 ? (
        <p className="empty-state card">No account is suspended.</p>
      ) : (
        <div className="report-queue">
          {items.map((account) => (
            <SuspendedAccountCard
              key={account.user.id}
              account={account}
              lifting={lift.isPending && lift.variables === account.user.id}
              onLift={() => handleLift(account)}
            />
          ))}
        </div>
      )}
      {accounts.hasNextPage && (
        <div className="list-more">
          <Button variant="secondary" onClick={() => void accounts.fetchNextPage()} pending={accounts.isFetchingNextPage}>
            More suspended accounts
          </Button>
        </div>
      )}
    </section>
  );
}
