import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { ConfirmButton } from '../../../components/ui/confirm-button';

/** The address a link-only playlist is opened with. */
export function shareUrl(playlistId: string, token: string, origin = window.location.origin): string {
  return `${origin}/playlists/${encodeURIComponent(playlistId)}?token=${encodeURIComponent(token)}`;
}

interface ShareLinkProps {
  playlistId: string;
  token: string;
  regenerating: boolean;
  onRegenerate: () => void;
}

/** The link of a link-only playlist with "Copy link", and "Make a new link" (confirmed: old links stop working). */
export function ShareLink({ playlistId, token, regenerating, onRegenerate }: ShareLinkProps) {
  const [status, setStatus] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const url = shareUrl(playlistId, token);
  const firstToken = useRef(token);

  useEffect(() => {
    if (token !== firstToken.current) setStatus('A new link is ready. Old links no longer work.');
  }, [token]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setStatus('Link copied.');
    } catch {
      // Without clipboard access the text is selected for the user to copy themselves.
      inputRef.current?.select();
      setStatus('Press Ctrl+C (⌘C on a Mac) to copy the selected link.');
    }
  };

  return (
    <div className="share-link">
      <label className="field-label" htmlFor={inputId}>
        Link
      </label>
      <div className="share-link-row">
        <input ref={inputRef} id={inputId} className="field-input share-link-input" readOnly value={url} onFocus={(event) => event.target.select()} />
        <Button variant="secondary" size="sm" onClick={() => void copy()}>
          Copy link
        </Button>
      </div>
      <p className="muted share-link-status" role="status">
        {status}
      </p>
      <p className="field-hint">A new link replaces this one: anyone holding the old link can no longer open the playlist.</p>
      <ConfirmButton confirmText="Yes, old links stop working" onConfirm={onRegenerate} pending={regenerating}>
        Make a new link
      </ConfirmButton>
    </div>
  );
}
