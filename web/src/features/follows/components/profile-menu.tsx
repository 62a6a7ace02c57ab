import type { Relationship } from '@muse/shared';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useDisclosure } from '../../../lib/use-disclosure';
import { useBlockUser } from '../api/block-user';

/**
 * The "More" menu of someone else's profile: block (after a confirmation saying what it does)
 * or unblock.
 */
export function ProfileMenu({ handle, displayName, relationship }: { handle: string; displayName: string; relationship: Relationship }) {
  const { open, close, buttonProps, rootProps, panelProps } = useDisclosure();
  const [confirming, setConfirming] = useState(false);
  const block = useBlockUser(handle);

  const handleBlock = (next: boolean) =>
    block.mutate(next, {
      onSuccess: () => {
        setConfirming(false);
        close(true);
      },
    });

  return (
    <div className="popover-root" {...rootProps}>
      <button type="button" className="icon-button" aria-label={`More actions for ${displayName}`} {...buttonProps}>
        <span aria-hidden="true">⋯</span>
      </button>
      {open && (
        <div className="popover popover-menu popover-menu-right" role="group" aria-label={`Actions for ${displayName}`} {...panelProps}>
          {relationship.blocking ? (
            <ul className="menu-list">
              <li>
                <button type="button" className="menu-item" onClick={() => handleBlock(false)} disabled={block.isPending}>
                  Unblock {displayName}
                </button>
              </li>
            </ul>
          ) : confirming ? (
            <div className="menu-confirm">
              <p>
                Block {displayName}? They can no longer follow you, see your non-public activity, or like and comment on your reviews. Follows between you end.
              </p>
              <div className="form-actions">
                <Button variant="danger" size="sm" onClick={() => handleBlock(true)} pending={block.isPending}>
                  Block
                </Button>
                <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
                  Cancel
                </Button>
              </div>
            </div>
          ) : (
            <ul className="menu-list">
              <li>
                <button type="button" className="menu-item menu-item-danger" onClick={() => setConfirming(true)}>
                  Block {displayName}
                </button>
              </li>
            </ul>
          )}
          {block.isError && <Alert tone="error">{block.error.message}</Alert>}
        </div>
      )}
    </div>
  );
}
