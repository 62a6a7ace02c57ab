import { useId } from 'react';
import { LineIcon } from '../../../components/ui/line-icon';
import { listenLaterState, useListenLaterIndex } from '../api/get-listen-later-index';
import { useSetListenLaterKeep, useToggleListenLater } from '../api/toggle-listen-later';

/** A clock while the album waits to be queued; a tick once it is. */
function QueueIcon({ queued, size }: { queued: boolean; size: number }) {
  return (
    <LineIcon size={size}>
      {queued ? (
        <>
          <circle cx="12" cy="12" r="9" />
          <path d="M8 12.5l2.7 2.7L16.2 9.5" />
        </>
      ) : (
        <>
          <circle cx="12" cy="12" r="9" />
          <path d="M12 7v5l3 2" />
        </>
      )}
    </LineIcon>
  );
}

interface ListenLaterButtonProps {
  albumId: string;
  albumTitle: string;
  /**
   * `full` (album page): words and a "keep" switch once queued; `chip` (album tiles): a small
   * button with its words; `icon` (rows of lists): a round clock button, as on Letterboxd.
   */
  variant?: 'full' | 'chip' | 'icon';
}

/**
 * One click puts an album on the signed-in user's Listen later queue, or takes it off. A toggle
 * button (`aria-pressed`) whose name stays "Listen later", the album's title added on cards where
 * many sit side by side. It changes at once and goes back, saying why, if the server refuses.
 * Render it only for a signed-in user.
 */
export function ListenLaterButton({ albumId, albumTitle, variant = 'full' }: ListenLaterButtonProps) {
  const index = useListenLaterIndex();
  const toggle = useToggleListenLater();
  const errorId = useId();
  const { queued, keep } = listenLaterState(index.data, albumId);
  const failed = toggle.isError && toggle.variables?.albumId === albumId;
  const hint = queued ? `On your Listen later queue: press to take “${albumTitle}” off it` : `Save “${albumTitle}” to listen to later`;

  const button = (
    <button
      type="button"
      className={`listen-later-button listen-later-button-${variant}${queued ? ' listen-later-button-on' : ''}`}
      aria-pressed={queued}
      aria-describedby={failed ? errorId : undefined}
      title={hint}
      data-testid="listen-later-button"
      onClick={() => toggle.mutate({ albumId, queued: !queued })}
    >
      <QueueIcon queued={queued} size={variant === 'full' ? 20 : 18} />
      {variant === 'icon' && <span className="sr-only">Listen later: {albumTitle}</span>}
      {variant === 'chip' && (
        <span>
          Listen later<span className="sr-only">: {albumTitle}</span>
        </span>
      )}
      {variant === 'full' && <span>Listen later</span>}
    </button>
  );

  return (
    <span className={`listen-later listen-later-${variant}`}>
      {button}
      {variant === 'full' && queued && <KeepSwitch albumId={albumId} keep={keep} />}
      {failed && (
        <span id={errorId} role="alert" className="listen-later-error">
          {toggle.error.message}
        </span>
      )}
    </span>
  );
}

/** "Keep after I rate or log it": the album stays on the queue once heard (for relistens). */
function KeepSwitch({ albumId, keep }: { albumId: string; keep: boolean }) {
  const setKeep = useSetListenLaterKeep();
  return (
    <label className="listen-later-keep">
      <input type="checkbox" checked={keep} onChange={(event) => setKeep.mutate({ albumId, keep: event.target.checked })} />
      <span>Keep after I rate or log it</span>
      {setKeep.isError && (
        <span role="alert" className="listen-later-error">
          {setKeep.error.message}
        </span>
      )}
    </label>
  );
}
