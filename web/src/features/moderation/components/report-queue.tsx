import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { PageSpinner } from '../../../components/ui/spinner';
import { useReports, type ReportStatus } from '../api/get-reports';
import { ReportCard } from './report-card';

const EMPTY: Record<ReportStatus, string> = {
  open: 'Nothing to review. The queue is empty.',
  actioned: 'No reports have been acted on yet.',
  dismissed: 'No reports have been dismissed yet.',
};

/** The reports with one status, oldest first, with "Load more"; `viewerId` marks reports about the viewer's own content. */
export function ReportQueue({ status, viewerId = null }: { status: ReportStatus; viewerId?: string | null }) {
  const reports = useReports(status);
  if (reports.isPending) return <PageSpinner label="Loading reports" />;
  if (reports.isError) return <Alert tone="error">Could not load reports. {reports.error.message}</Alert>;
  const items = reports.data.pages.flatMap((page) => page.items);
  return (
    <div className="report-queue">
      {items.length === 0 ? (
        <p className="empty-state card">{EMPTY[status]}</p>
      ) : (
        items.map((report) => <ReportCard key={report.id} report={report} viewerId={viewerId} />)
      )}
      {reports.hasNextPage && (
        <div className="list-more">
          <Button variant="secondary" onClick={() => void reports.fetchNextPage()} pending={reports.isFetchingNextPage}>
            Load more
          </Button>
        </div>
      )}
    </div>
  );
}
