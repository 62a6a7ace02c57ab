import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useUnblockUser } from '../api/block-user';
import { useBlocks } from '../api/get-blocks';
import { PersonRow } from './person-row';

/** Everyone the user blocked, each with "Unblock". */
export function BlockedUsers() {
  const blocks = useBlocks();
  const unblock = useUnblockUser();
  if (blocks.isPending) return <p className="muted">Loading blocked people…</p>;
  if (blocks.isError) return <Alert tone="error">Could not load blocked people. {blocks.error.message}</Alert>;
  if (blocks.data.length === 0) return <p className="muted">You have not blocked anyone.</p>;
  return (
    <>
      {unblock.isError && <Alert tone="error">{unblock.error.message}</Alert>}
      <ul className="person-list" aria-label="Blocked people">
        {blocks.data.map(({ user }) => (
          <PersonRow key={user.id} user={user}>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => unblock.mutate(user.handle)}
              pending={unblock.isPending && unblock.variables === user.handle}
              aria-label={`Unblock ${user.displayName}`}
            >
              Unblock
            </Button>
          </PersonRow>
        ))}
      </ul>
    </>
  );
}
