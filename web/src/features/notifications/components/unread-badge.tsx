/** The bell's visual count; hidden at zero. Screen readers hear the count from the bell's live region. */
export function UnreadBadge({ unread }: { unread: number }) {
  return (
    <span className="badge" data-testid="unread-count" data-count={unread} hidden={unread === 0} aria-hidden="true">
      {unread > 99 ? '99+' : unread > 0 ? String(unread) : ''}
    </span>
  );
}

/** Spoken description of the unread count, used for the bell's name and live announcements. */
export function describeUnread(unread: number): string {
  return unread === 0 ? 'No unread notifications' : `${unread} unread notification${unread === 1 ? '' : 's'}`;
}
