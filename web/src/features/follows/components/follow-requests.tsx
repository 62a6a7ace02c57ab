import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { formatRelativeTime } from '../../../lib/format-time';
import { useFollowRequests } from '../api/get-follow-requests';
import { useRespondFollowRequest } from '../api/respond-follow-request';
import { PersonRow } from './person-row';

/** Pending follow requests with Approve and Deny. */
export function FollowRequests() {
  const requests = useFollowRequests();
  const respond = useRespondFollowRequest();
  if (requests.isPending) return <p className="muted">Loading requests…</p>;
  if (requests.isError) return <Alert tone="error">Could not load follow requests. {requests.error.message}</Alert>;
  if (requests.data.length === 0) return <p className="muted">No one is waiting for your approval.</p>;
  const busy = (handle: string) => respond.isPending && respond.variables?.handle === handle;
  return (
    <>
      {respond.isError && <Alert tone="error">{respond.error.message}</Alert>}
      <ul className="person-list" aria-label="Follow requests">
        {requests.data.map(({ user, requestedAt }) => (
          <PersonRow key={user.id} user={user} detail={` · asked ${formatRelativeTime(requestedAt)}`}>
            <Button
              size="sm"
              onClick={() => respond.mutate({ handle: user.handle, approve: true })}
              disabled={busy(user.handle)}
              aria-label={`Approve ${user.displayName}`}
            >
              Approve
            </Button>
            <Button
              variant="ghost"
              size="sm"
              onClick={() => respond.mutate({ handle: user.handle, approve: false })}
              disabled={busy(user.handle)}
              aria-label={`Deny ${user.displayName}`}
            >
              Deny
            </Button>
          </PersonRow>
        ))}
      </ul>
    </>
  );
}
