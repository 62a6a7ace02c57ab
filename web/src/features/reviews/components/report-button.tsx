import type { ReportCreateInput } from '@muse/shared';
import { ReportDialogButton } from '../../../components/report-dialog-button';
import { reportContent } from '../api/report-content';

interface ReportButtonProps {
  targetType: ReportCreateInput['targetType'];
  targetId: string;
  /** Whose words these are, for the button's name: "Report review by Nina". */
  authorName: string;
}

/** Reports a review or comment (`POST /api/reports`) through the report dialog. */
export function ReportButton({ targetType, targetId, authorName }: ReportButtonProps) {
  return <ReportDialogButton noun={targetType} authorName={authorName} send={(reason) => reportContent({ targetType, targetId, reason })} />;
}
