import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { useMe } from '../../features/auth/api/get-me';
import type { ReportStatus } from '../../features/moderation/api/get-reports';
import { AggregateHolds } from '../../features/moderation/components/aggregate-holds';
import { ReportQueue } from '../../features/moderation/components/report-queue';
import { SuspendedAccounts } from '../../features/moderation/components/suspended-accounts';
import { reportStatusFrom } from '../route-params';

const TABS: { status: ReportStatus; label: string }[] = [
  { status: 'open', label: 'Open' },
  { status: 'actioned', label: 'Actioned' },
  { status: 'dismissed', label: 'Dismissed' },
];

/** `/admin/reports`: the moderation queue and the suspended accounts, for administrators only. */
export function AdminReportsRoute() {
  const me = useMe();
  const [params] = useSearchParams();
  const status = reportStatusFrom(params.get('status'));
  return (
    <div className="page page-medium">
      <title>Reports · Muse</title>
      <header className="page-header">
        <h1>Moderation queue</h1>
        <p className="muted">
          Reported reviews, comments and party chat messages. Hiding removes them from feeds, pages and search; suspending the author ends their sessions and
          keeps them out until the suspension is lifted. Rating surges: albums whose weighted score is held after a sudden swing from low-history accounts.
        </p>
      </header>
      {me?.role === 'admin' ? (
        <>
          <nav className="tabs" aria-label="Report status">
            {TABS.map((tab) => (
              <Link key={tab.status} to={`/admin/reports?status=${tab.status}`} className="tab" aria-current={tab.status === status ? 'page' : undefined}>
                {tab.label}
              </Link>
            ))}
          </nav>
          <ReportQueue key={status} status={status} viewerId={me.id} />
          <AggregateHolds />
          <SuspendedAccounts />
        </>
      ) : (
        <Alert tone="error" title="403: admins only">
          This page is only for Muse administrators.
        </Alert>
      )}
    </div>
  );
}
