import { useEffect, useRef, useState } from 'react';
import { Button } from './button';

interface ConfirmButtonProps {
  /** Visible text of the first button, e.g. "Delete". */
  children: string;
  /** Text of the confirming button, e.g. "Yes, delete". */
  confirmText: string;
  onConfirm: () => void;
  pending?: boolean;
  /** Accessible name of the first button when its text alone is ambiguous. */
  'aria-label'?: string;
  size?: 'sm' | 'md';
}

/** A destructive action in two steps: the first click asks, the second does it; Cancel backs out. */
export function ConfirmButton({ children, confirmText, onConfirm, pending = false, size = 'sm', ...rest }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) askRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <Button ref={askRef} variant="ghost" size={size} onClick={() => setAsking(true)} aria-label={rest['aria-label']}>
        {children}
      </Button>
    );
  }
  return (
    <span className="confirm-group" role="group" aria-label={rest['aria-label'] ?? children}>
      <Button ref={confirmRef} variant="danger" size={size} pending={pending} onClick={onConfirm}>
        {confirmText}
      </Button>
      <Button variant="ghost" size={size} onClick={() => setAsking(false)} disabled={pending}>
        Cancel
      </Button>
    </span>
  );
}
