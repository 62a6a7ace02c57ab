import type { PlaylistSummary } from '@muse/shared';
import { Button } from '../../../components/ui/button';
import { isApiError } from '../../../lib/api-client';
import { useAcceptCollaboration } from '../api/accept-collaboration';
import { useRemoveCollaborator } from '../api/remove-collaborator';

/** Accept / Decline under an invitation's card in the Collaborating tab. */
export function InvitationActions({ playlist, viewerId }: { playlist: PlaylistSummary; viewerId: string }) {
  const accept = useAcceptCollaboration();
  const decline = useRemoveCollaborator();
  const failed = accept.error ?? decline.error;
  return (
    <div className="invitation-actions" role="group" aria-label={`Invitation from ${playlist.owner.displayName} to “${playlist.title}”`}>
      <Button size="sm" pending={accept.isPending} disabled={decline.isPending} onClick={() => accept.mutate(playlist.id)}>
        Accept
      </Button>
      <Button
        size="sm"
        variant="secondary"
        pending={decline.isPending}
        disabled={accept.isPending}
        onClick={() => decline.mutate({ id: playlist.id, userId: viewerId })}
      >
        Decline
      </Button>
      {failed && <p className="field-error">{isApiError(failed) ? failed.detail : 'Something went wrong. Please try again.'}</p>}
    </div>
  );
}
