import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { formatStars } from '../../../lib/format-music';
import { usePartySummary } from '../api/get-party-summary';

/** When a party has ended: who came, each track's party rating, the album's party average, and a link to log the album. */
export function PartySummaryView({ partyId }: { partyId: string }) {
  const summary = usePartySummary(partyId, true);
  if (summary.isPending) return <p className="muted">Loading the summary…</p>;
  if (summary.isError) return <Alert tone="error">Could not load the summary. {summary.error.message}</Alert>;
  const s = summary.data;
  return (
    <section className="card party-summary" aria-labelledby="party-summary-title">
      <h2 id="party-summary-title" className="card-title">
        Party summary
      </h2>
      <p>
        Album party average: <strong data-testid="party-album-average">{s.albumAverage === null ? 'no ratings' : formatStars(s.albumAverage)}</strong>
      </p>
      <h3>Who came ({s.attendeeCount})</h3>
      <ul className="party-attendees">
        {s.attendees.map((a) => (
          <li key={a.id}>
            <Link to={`/users/${a.handle}`}>{a.displayName}</Link>
          </li>
        ))}
      </ul>
      <h3>Tracks</h3>
      <ol className="party-summary-tracks">
        {s.tracks.map((t) => (
          <li key={t.trackId}>
            {t.title}: {t.average === null ? 'not rated' : `${formatStars(t.average)} from ${t.count}`}
          </li>
        ))}
      </ol>
      <p>
        <Link className="btn btn-primary" to={s.logLink}>
          Log {s.album.title}
        </Link>
      </p>
    </section>
  );
}
