import type { UserSummary } from '@muse/shared';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { isApiError } from '../../../lib/api-client';
import { useAcceptCollaboration } from '../api/accept-collaboration';
import { useRemoveCollaborator } from '../api/remove-collaborator';

interface InvitationBannerProps {
  playlistId: string;
  title: string;
  owner: UserSummary;
  viewerId: string;
  /** After declining: the playlist may no longer be visible to the viewer. */
  onDeclined?: () => void;
}

/** What an invited user sees: who invited them to which playlist, with Accept and Decline. */
export function InvitationBanner({ playlistId, title, owner, viewerId, onDeclined }: InvitationBannerProps) {
  const accept = useAcceptCollaboration();
  const decline = useRemoveCollaborator();
  const failed = accept.error ?? decline.error;
  return (
    <section className="invitation-banner" aria-label="Invitation to collaborate">
      <p>
        <strong>{owner.displayName}</strong> invited you to collaborate on “{title}”: you could add, remove, reorder and annotate its entries.
      </p>
      <div className="invitation-actions">
        <Button size="sm" pending={accept.isPending} disabled={decline.isPending} onClick={() => accept.mutate(playlistId)}>
          Accept
        </Button>
        <Button
          size="sm"
          variant="secondary"
          pending={decline.isPending}
          disabled={accept.isPending}
          onClick={() => decline.mutate({ id: playlistId, userId: viewerId }, { onSuccess: onDeclined })}
        >
          Decline
        </Button>
      </div>
      {failed && <Alert tone="error">{isApiError(failed) ? failed.detail : 'Something went wrong. Please try again.'}</Alert>}
    </section>
  );
}
