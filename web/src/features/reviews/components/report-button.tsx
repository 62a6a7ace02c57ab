import { ReportCreateSchema, type ReportCreateInput } from '@muse/shared';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { TextareaField } from '../../../components/ui/textarea-field';
import { isApiError } from '../../../lib/api-client';
import { zodFieldErrors } from '../../../lib/use-zod-form';
import { useReportContent } from '../api/report-content';

const REASON_MAX = 1000;

interface ReportButtonProps {
  targetType: ReportCreateInput['targetType'];
  targetId: string;
  /** Whose words these are, for the button's name: "Report review by Nina". */
  authorName: string;
}

/** "Report" opening a dialog that asks for a reason and sends it to the moderators. */
export function ReportButton({ targetType, targetId, authorName }: ReportButtonProps) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const report = useReportContent();
  const noun = targetType === 'review' ? 'review' : 'comment';

  const close = () => {
    setOpen(false);
    setError(undefined);
    if (report.isSuccess) {
      setReason('');
      report.reset();
    }
  };

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ReportCreateSchema.safeParse({ targetType, targetId, reason });
    if (!parsed.success) {
      setError(zodFieldErrors(parsed.error).reason ?? 'Say what is wrong');
      return;
    }
    setError(undefined);
    report.mutate(parsed.data);
  };

  return (
    <>
      <Button variant="ghost" size="sm" onClick={() => setOpen(true)} aria-label={`Report ${noun} by ${authorName}`}>
        Report
      </Button>
      <Dialog open={open} onClose={close} title={`Report this ${noun}`} description={`By ${authorName}. A moderator will look at it and tell you the outcome.`}>
        {report.isSuccess ? (
          <div className="form">
            <Alert tone="success">Thanks. Your report is with the moderators.</Alert>
            <div className="form-actions">
              <Button onClick={close}>Close</Button>
            </div>
          </div>
        ) : (
          <form className="form" onSubmit={handleSubmit} noValidate>
            {report.isError && (
              <Alert tone="error">{isApiError(report.error, 'already_reported') ? 'You have already reported this.' : report.error.message}</Alert>
            )}
            <TextareaField
              label="What is wrong?"
              name="reason"
              value={reason}
              onChange={(event) => {
                setReason(event.target.value);
                setError(undefined);
              }}
              error={error}
              maxChars={REASON_MAX}
              rows={4}
              hint="For example: spam, harassment, spoilers without warning."
            />
            <div className="form-actions">
              <Button type="submit" variant="danger" pending={report.isPending}>
                Send report
              </Button>
              <Button variant="ghost" onClick={close}>
                Cancel
              </Button>
            </div>
          </form>
        )}
      </Dialog>
    </>
  );
}
