import type { Visibility } from '@muse/shared';
import { VISIBILITY_LABELS } from '../lib/visibility-labels';

/** "Followers only" or "Only me" beside something not everyone sees; nothing when it is public. */
export function AudienceLabel({ visibility }: { visibility: Visibility }) {
  if (visibility === 'public') return null;
  return (
    <span className="tag tag-audience" title={`Who can see this: ${VISIBILITY_LABELS[visibility].toLowerCase()}`}>
      <span className="sr-only">Visible to: </span>
      {VISIBILITY_LABELS[visibility]}
    </span>
  );
}
