import { ModerationLog } from '../../features/moderation/components/moderation-log';

/** `/moderation-log`: the public record of every held album score and what moderators decided. */
export function ModerationLogRoute() {
  return (
    <div className="page page-medium">
      <title>Moderation log · Muse</title>
      <header className="page-header">
        <h1>Moderation log</h1>
        <p className="muted">
          When ratings from new, low-history accounts suddenly swing an album, its weighted score is held at its last stable value while moderators look. Every
          hold, release and confirmed brigade is listed here. Raters and moderators are not named.
        </p>
      </header>
      <ModerationLog />
    </div>
  );
}
