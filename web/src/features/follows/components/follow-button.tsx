import type { Relationship } from '@muse/shared';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useFollowUser } from '../api/follow-user';

/** The words and next action for a relationship: "Follow", "Following" (unfollows), "Requested" (withdraws). */
export function followButtonState(relationship: Pick<Relationship, 'following' | 'requested' | 'followedBy'>): { text: string; follow: boolean } {
  if (relationship.following) return { text: 'Following', follow: false };
  if (relationship.requested) return { text: 'Requested', follow: false };
  return { text: relationship.followedBy ? 'Follow back' : 'Follow', follow: true };
}

/**
 * Follow, unfollow or withdraw a request for one user. The button says the current state
 * ("Following", "Requested") and its name repeats those words, then says what pressing it does.
 */
export function FollowButton({ handle, displayName, relationship }: { handle: string; displayName: string; relationship: Relationship }) {
  const follow = useFollowUser(handle);
  const state = followButtonState(relationship);
  if (relationship.blocking || relationship.blockedBy) return null;
  const action = state.follow
    ? `${state.text} ${displayName}`
    : relationship.requested
      ? `Requested: withdraw follow request to ${displayName}`
      : `Following ${displayName}: unfollow`;
  return (
    <div className="follow-control">
      <Button
        variant={state.follow ? 'primary' : 'secondary'}
        onClick={() => follow.mutate(state.follow)}
        pending={follow.isPending}
        aria-label={action}
        title={action}
        data-testid="follow-button"
        data-state={state.text}
      >
        {state.text}
      </Button>
      {follow.isError && <Alert tone="error">{follow.error.message}</Alert>}
    </div>
  );
}
