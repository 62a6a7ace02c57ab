import { Alert } from '../../../components/ui/alert';
import { useMyTimeline } from '../api/get-my-timeline';
import { RatingTimelineChart } from './rating-timeline-chart';

/** The album page's "Your ratings over time" card for a signed-in viewer who rated the album; nothing otherwise. */
export function MyRatingTimeline({ albumId, signedIn }: { albumId: string; signedIn: boolean }) {
  const timeline = useMyTimeline(albumId, signedIn);
  if (!signedIn || timeline.isPending) return null;
  if (timeline.isError) return <Alert tone="error">Could not load your ratings over time. {timeline.error.message}</Alert>;
  if (timeline.data.points.length === 0) return null;
  return (
    <section className="card" aria-labelledby="my-timeline-title">
      <h2 id="my-timeline-title" className="card-title">
        Your ratings over time
      </h2>
      <RatingTimelineChart points={timeline.data.points} change={timeline.data.change} />
    </section>
  );
}
