import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { PageSpinner } from '../../../components/ui/spinner';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format-time';
import { useFailedJobs } from '../api/get-failed-jobs';
import { useRetryJob } from '../api/retry-job';

/** Background jobs that ran out of attempts, each with a Retry button. */
export function FailedJobsTable() {
  const failedJobs = useFailedJobs();
  const retry = useRetryJob();

  if (failedJobs.isPending) return <PageSpinner label="Loading failed jobs" />;
  if (failedJobs.isError) {
    if (isApiError(failedJobs.error) && failedJobs.error.status === 403) {
      return (
        <Alert tone="error" title="403: admins only">
          This page is only for Muse administrators.
        </Alert>
      );
    }
    return <Alert tone="error">Could not load failed jobs. {failedJobs.error.message}</Alert>;
  }

  const jobs = failedJobs.data.items;
  if (jobs.length === 0) {
    return <p className="empty-state card">No failed jobs. Every background job has either finished or is still trying.</p>;
  }

  return (
    <div className="card table-card">
      {retry.isError && <Alert tone="error">Retry failed: {retry.error.message}</Alert>}
      <div className="table-scroll">
        <table className="table">
          <caption className="sr-only">Failed background jobs</caption>
          <thead>
            <tr>
              <th scope="col">Queue</th>
              <th scope="col">Job</th>
              <th scope="col">Reason</th>
              <th scope="col">Attempts</th>
              <th scope="col">Failed</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => {
              const retrying = retry.isPending && retry.variables.id === job.id && retry.variables.queue === job.queue;
              return (
                <tr key={`${job.queue}:${job.id}`}>
                  <td>
                    <code>{job.queue}</code>
                  </td>
                  <td>
                    {job.name} <span className="muted">#{job.id}</span>
                  </td>
                  <td className="table-reason">{job.failedReason}</td>
                  <td>{job.attemptsMade}</td>
                  <td>{job.failedAt ? formatDateTime(job.failedAt) : '—'}</td>
                  <td>
                    <Button
                      size="sm"
                      variant="secondary"
                      pending={retrying}
                      onClick={() => retry.mutate({ queue: job.queue, id: job.id })}
                      aria-label={`Retry ${job.name} #${job.id}`}
                    >
                      Retry
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
