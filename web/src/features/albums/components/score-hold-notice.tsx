import { Link } from 'react-router';
import { formatDateTime, formatRelativeTime } from '../../../lib/format-time';

/** Says that the weighted score is held at its last stable value, since when, and why. */
export function ScoreHoldNotice({ since }: { since: string }) {
  return (
    <p className="score-hold" role="status" data-testid="score-hold">
      <strong>Score on hold</strong> since{' '}
      <time dateTime={since} title={formatDateTime(since)}>
        {formatDateTime(since)}
      </time>{' '}
      ({formatRelativeTime(since)}): a sudden surge of ratings from new accounts is being reviewed by moderators. The weighted score shows its last stable
      value; the count and histogram include every rating. <Link to="/moderation-log">Moderation log</Link>
    </p>
  );
}
