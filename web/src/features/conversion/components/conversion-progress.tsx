import type { ConversionView } from '@muse/shared';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { isApiError } from '../../../lib/api-client';
import { useCancelConversion } from '../api/cancel-conversion';
import { isWorking } from '../api/get-conversion';
import { phaseText, throttlingService } from './conversion-labels';
import { RateLimitCountdown } from './rate-limit-countdown';
import { formatNumber } from '../../../lib/format-music';

/** Phase, a progress bar over the source's tracks, the counts so far, the track being matched, a rate-limit wait, and Cancel while it runs. */
export function ConversionProgressPanel({ view }: { view: ConversionView }) {
  const cancel = useCancelConversion();
  const working = isWorking(view.status);
  const percent = view.total > 0 ? Math.min(100, Math.round((view.processed / view.total) * 100)) : 0;
  const counts: { label: string; value: number }[] = [
    { label: 'Matched', value: view.matched },
    { label: 'Needs review', value: view.needsReview },
    { label: 'Not found', value: view.notFound },
    { label: 'Skipped', value: view.skipped },
    { label: 'Added to the playlist', value: view.written },
  ];

  return (
    <section className="card conversion-progress" aria-labelledby="conversion-progress-title" aria-busy={working}>
      <div className="section-header">
        <h2 id="conversion-progress-title" className="card-title">
          Progress
        </h2>
        {working && (
          <Button variant="secondary" size="sm" pending={cancel.isPending} onClick={() => cancel.mutate(view.id)}>
            Cancel conversion
          </Button>
        )}
      </div>
      <p className="conversion-phase">{phaseText(view)}</p>
      <div
        className="conversion-bar"
        role="progressbar"
        aria-label="Tracks converted"
        aria-valuemin={0}
        aria-valuemax={view.total}
        aria-valuenow={view.processed}
        aria-valuetext={view.total > 0 ? `${view.processed} of ${view.total} tracks` : 'Counting the tracks'}
      >
        <span className="conversion-bar-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="muted">{view.total > 0 ? `${formatNumber(view.processed)} of ${formatNumber(view.total)} tracks` : 'Counting the tracks…'}</p>
      <dl className="conversion-counts">
        {counts.map((count) => (
          <div key={count.label} className="conversion-count">
            <dt>{count.label}</dt>
            <dd>{formatNumber(count.value)}</dd>
          </div>
        ))}
      </dl>
      {working && view.currentTrack && (
        <p className="conversion-current">
          <span className="muted">Now: </span>
          {view.currentTrack}
        </p>
      )}
      {working && view.waitingUntil && <RateLimitCountdown service={throttlingService(view)} until={view.waitingUntil} />}
      {cancel.isError && <Alert tone="error">The conversion was not cancelled: {isApiError(cancel.error) ? cancel.error.detail : 'please try again.'}</Alert>}
    </section>
  );
}
