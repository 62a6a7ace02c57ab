import { useEffect, useRef } from 'react';
import type { MuteNoticeState } from './use-mute-from-feed';

function message(notice: MuteNoticeState): string {
  switch (notice.phase) {
    case 'muting':
      return 'Saving your feed filter…';
    case 'muted':
      return notice.error ?? notice.choice.done;
    case 'undoing':
      return notice.choice.done;
    case 'undone':
      return notice.choice.undone;
    case 'failed':
      return notice.error;
  }
}

/**
 * The polite live region under the feed that says what a mute from the feed did ("Muted Ana.")
 * with Undo, then that it was undone. The muted item is gone by then, so focus moves to Undo
 * (and to Dismiss once undone) rather than being lost with it; `onDismiss` should put focus
 * somewhere sensible again.
 */
export function MuteNotice({ notice, onUndo, onDismiss }: { notice: MuteNoticeState | null; onUndo: () => void; onDismiss: () => void }) {
  const undoRef = useRef<HTMLButtonElement>(null);
  const dismissRef = useRef<HTMLButtonElement>(null);
  const phase = notice?.phase;

  useEffect(() => {
    if (phase === 'muted') undoRef.current?.focus();
    if (phase === 'undone' || phase === 'failed') dismissRef.current?.focus();
  }, [phase]);

  const canUndo = notice?.phase === 'muted' || notice?.phase === 'undoing';
  return (
    <div className="feed-notice-slot" role="status" aria-live="polite" data-testid="mute-notice">
      {notice && (
        <div className={`feed-notice${notice.phase === 'failed' || (notice.phase === 'muted' && notice.error) ? ' feed-notice-error' : ''}`}>
          <p className="feed-notice-text">{message(notice)}</p>
          {canUndo && (
            <button
              type="button"
              ref={undoRef}
              className="feed-notice-action"
              onClick={onUndo}
              disabled={notice.phase === 'undoing'}
              aria-busy={notice.phase === 'undoing' || undefined}
            >
              Undo
            </button>
          )}
          {notice.phase !== 'muting' && (
            <button type="button" ref={dismissRef} className="feed-notice-dismiss" onClick={onDismiss} aria-label="Dismiss">
              <span aria-hidden="true">×</span>
            </button>
          )}
        </div>
      )}
    </div>
  );
}
