import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { formatStars } from '../../lib/format-music';

interface RatingInputProps {
  /** The saved rating in stars (0.5 to 5), or null when there is none. */
  value: number | null;
  /** Called with the new rating, or null to remove it, once the user settles on it. */
  onChange: (value: number | null) => void;
  /** Accessible name, e.g. "Your rating". */
  label: string;
  size?: 'sm' | 'md' | 'lg';
  disabled?: boolean;
  /** Shows a "Remove rating" button while a rating is set. */
  clearable?: boolean;
  /** Accessible name of that button when several widgets share a page, e.g. "Remove rating of Heroes". */
  clearLabel?: string;
  /**
   * Keyboard changes are committed after this pause, so stepping from 2 to 4.5 stars with the
   * arrow keys sends one rating, not five. Pointer changes and leaving the control commit at once.
   */
  commitDelayMs?: number;
  /**
   * Bump it to show `value` again even if it looks unchanged: after the server refuses a
   * rating, the restored value may equal the one this widget last saw.
   */
  resetKey?: number;
}

const STEP = 0.5;
const clamp = (n: number) => Math.min(5, Math.max(STEP, n));

/** The rating a pointer at `clientX` over the stars means: the left half of a star is half of it. */
function valueAt(element: HTMLElement, clientX: number): number {
  const rect = element.getBoundingClientRect();
  if (rect.width <= 0) return STEP;
  const ratio = (clientX - rect.left) / rect.width;
  return clamp(Math.ceil(ratio * 10) / 2);
}

/** How much of star `index` (0-based) `value` fills: 0, 0.5 or 1. */
function fillOf(value: number, index: number): number {
  return Math.max(0, Math.min(1, value - index));
}

/**
 * Half-star rating as an ARIA slider from 0 ("Not rated") to 5. Keyboard: arrows step half a
 * star, Page Up/Down a whole one, Home is half a star and End five, Delete or Backspace removes
 * the rating. Mouse and touch: press or drag over the stars; hovering previews.
 */
export function RatingInput({
  value,
  onChange,
  label,
  size = 'md',
  disabled = false,
  clearable = false,
  clearLabel,
  commitDelayMs = 700,
  resetKey = 0,
}: RatingInputProps) {
  const [draft, setDraft] = useState<number | null>(value);
  const [preview, setPreview] = useState<number | null>(null);
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; value: number | null } | null>(null);
  const dragging = useRef(false);
  const starsRef = useRef<HTMLSpanElement>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  // A new saved value (the server's answer, or a rollback) replaces the draft unless the user is mid-change.
  useEffect(() => {
    if (!pending.current && !dragging.current) setDraft(value);
  }, [value, resetKey]);

  useEffect(
    () => () => {
      if (pending.current) {
        clearTimeout(pending.current.timer);
        onChangeRef.current(pending.current.value);
      }
    },
    [],
  );

  const commitNow = (next: number | null) => {
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = null;
    if (next !== value) onChangeRef.current(next);
  };

  const commitLater = (next: number | null) => {
    if (pending.current) clearTimeout(pending.current.timer);
    const timer = setTimeout(() => {
      pending.current = null;
      if (next !== value) onChangeRef.current(next);
    }, commitDelayMs);
    pending.current = { timer, value: next };
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLSpanElement>) => {
    if (disabled) return;
    const current = draft;
    let next: number | null | undefined;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowUp':
        next = current === null ? STEP : clamp(current + STEP);
        break;
      case 'ArrowLeft':
      case 'ArrowDown':
        next = current === null ? null : clamp(current - STEP);
        break;
      case 'PageUp':
        next = current === null ? 1 : clamp(current + 1);
        break;
      case 'PageDown':
        next = current === null ? null : clamp(current - 1);
        break;
      case 'Home':
        next = STEP;
        break;
      case 'End':
        next = 5;
        break;
      case 'Delete':
      case 'Backspace':
        next = null;
        break;
      case 'Enter':
        if (pending.current) commitNow(pending.current.value);
        return;
      default:
        return;
    }
    event.preventDefault();
    if (next === current) return;
    setDraft(next);
    commitLater(next);
  };

  const handlePointerDown = (event: PointerEvent<HTMLSpanElement>) => {
    if (disabled || !starsRef.current || event.button !== 0) return;
    dragging.current = true;
    event.currentTarget.setPointerCapture?.(event.pointerId);
    setDraft(valueAt(starsRef.current, event.clientX));
  };

  const handlePointerMove = (event: PointerEvent<HTMLSpanElement>) => {
    if (disabled || !starsRef.current) return;
    const at = valueAt(starsRef.current, event.clientX);
    if (dragging.current) setDraft(at);
    else if (event.pointerType === 'mouse') setPreview(at);
  };

  const handlePointerUp = (event: PointerEvent<HTMLSpanElement>) => {
    if (!dragging.current || !starsRef.current) return;
    dragging.current = false;
    const at = valueAt(starsRef.current, event.clientX);
    setDraft(at);
    commitNow(at);
  };

  const handlePointerCancel = () => {
    dragging.current = false;
    setDraft(value);
  };

  const shown = preview ?? draft ?? 0;
  const valueText = draft === null ? 'Not rated' : formatStars(draft);

  return (
    <span className={`rating-input rating-input-${size}${disabled ? ' rating-input-disabled' : ''}`}>
      <span
        ref={starsRef}
        className="rating-input-stars"
        role="slider"
        tabIndex={disabled ? -1 : 0}
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={5}
        aria-valuenow={draft ?? 0}
        aria-valuetext={valueText}
        aria-disabled={disabled || undefined}
        data-preview={preview !== null || undefined}
        onKeyDown={handleKeyDown}
        onBlur={() => pending.current && commitNow(pending.current.value)}
        onPointerDown={handlePointerDown}
        onPointerMove={handlePointerMove}
        onPointerUp={handlePointerUp}
        onPointerCancel={handlePointerCancel}
        onPointerLeave={() => setPreview(null)}
      >
        {[0, 1, 2, 3, 4].map((index) => {
          const fill = fillOf(shown, index);
          return (
            <span key={index} className="rating-star" data-fill={fill === 1 ? 'full' : fill === 0.5 ? 'half' : 'empty'} aria-hidden="true">
              <span className="rating-star-base">★</span>
              <span className="rating-star-fill" style={{ width: `${fill * 100}%` }}>
                ★
              </span>
            </span>
          );
        })}
      </span>
      {clearable && draft !== null && !disabled && (
        <button
          type="button"
          className="rating-clear"
          aria-label={clearLabel}
          onClick={() => {
            setDraft(null);
            commitNow(null);
          }}
        >
          <span aria-hidden="true">×</span>
          <span className="rating-clear-text">Remove rating</span>
        </button>
      )}
    </span>
  );
}
