import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../lib/api-client';
import { loadSchemas } from '../lib/shared-schemas';
import { zodFieldErrors } from '../lib/use-zod-form';
import { Alert } from './ui/alert';
import { Button } from './ui/button';
import { Dialog } from './ui/dialog';
import { TextareaField } from './ui/textarea-field';

const REASON_MAX = 1000;

interface ReportDialogButtonProps {
  /** What is reported, in the button's name and the dialog: "review", "comment", "chat message". */
  noun: string;
  /** Whose words these are, for the button's name: "Report review by Nina". */
  authorName: string;
  /** Sends the reason to the moderators; a 409 `already_reported` says so in the dialog. */
  send: (reason: string) => Promise<unknown>;
}

/** "Report" opening a dialog that asks for a reason and sends it to the moderators: the one way anything is reported. */
export function ReportDialogButton({ noun, authorName, send }: ReportDialogButtonProps) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const report = useMutation({ mutationFn: send });

  const close = () => {
    setOpen(false);
    setError(undefined);
    if (report.isSuccess) {
      setReason('');
      report.reset();
    }
  };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const { ReportCreateSchema } = await loadSchemas();
    const parsed = ReportCreateSchema.pick({ reason: true }).safeParse({ reason });
    if (!parsed.success) {
      setError(zodFieldErrors(parsed.error).reason ?? 'Say what is wrong');
      return;
    }
    setError(undefined);
    report.mutate(parsed.data.reason);
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
          <form className="form" onSubmit={(event) => void handleSubmit(event)} noValidate>
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
