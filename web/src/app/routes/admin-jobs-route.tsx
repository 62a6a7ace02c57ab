import { Alert } from '../../components/ui/alert';
import { FailedJobsTable } from '../../features/admin/components/failed-jobs-table';
import { useMe } from '../../features/auth/api/get-me';

/** `/admin/jobs`: failed background jobs, for administrators only. */
export function AdminJobsRoute() {
  const me = useMe();
  return (
    <div className="page">
      <title>Failed jobs · Muse</title>
      <header className="page-header">
        <h1>Failed jobs</h1>
        <p className="muted">Background work that ran out of attempts. Retrying puts a job back on its queue.</p>
      </header>
      {me?.role === 'admin' ? (
        <FailedJobsTable />
      ) : (
        <Alert tone="error" title="403: admins only">
          This page is only for Muse administrators.
        </Alert>
      )}
    </div>
  );
}
