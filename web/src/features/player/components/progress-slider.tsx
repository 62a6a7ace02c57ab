import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface ProgressSliderProps {
  /** Seconds played. */
  position: number;
  /** Seconds in the clip (0 while unknown: the slider is then inert). */
  duration: number;
  onSeek(seconds: number): void;
  label?: string;
}

/** m:ss of a number of seconds (0:00 for anything unknown). */
export function clock(seconds: number): string {
  const s = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

// Seconds one arrow press moves; Page Up / Page Down move more.
const STEP = 5;
const PAGE = 10;

/**
 * The clip's progress as a slider: click or drag anywhere on it to seek, or focus it and use
 * the arrows (5 s), Page Up / Page Down (10 s), Home and End. Screen readers hear the position
 * as "0:12 of 0:30".
 */
export function ProgressSlider({ position, duration, onSeek, label = 'Seek in the preview' }: ProgressSliderProps) {
  const track = useRef<HTMLDivElement>(null);
  const known = duration > 0;
  const shown = Math.min(position, duration || position);
  const percent = known ? Math.min(100, (shown / duration) * 100) : 0;

  const seekTo = (seconds: number) => {
    if (known) onSeek(Math.max(0, Math.min(duration, seconds)));
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowRight: shown + STEP,
      ArrowUp: shown + STEP,
      ArrowLeft: shown - STEP,
      ArrowDown: shown - STEP,
      PageUp: shown + PAGE,
      PageDown: shown - PAGE,
      Home: 0,
      End: duration,
    };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    seekTo(to);
  };

  const seekAtPointer = (event: PointerEvent<HTMLDivElement>) => {
    const rect = track.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return;
    seekTo(((event.clientX - rect.left) / rect.width) * duration);
  };

  return (
    <div
      ref={track}
      className={`progress-slider${known ? '' : ' progress-slider-unknown'}`}
      role="slider"
      tabIndex={0}
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={Math.round(duration)}
      aria-valuenow={Math.round(shown)}
      aria-valuetext={`${clock(shown)} of ${clock(duration)}`}
      aria-disabled={known ? undefined : true}
      onKeyDown={handleKeyDown}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture?.(event.pointerId);
        seekAtPointer(event);
      }}
      onPointerMove={(event) => {
        if (event.buttons === 1 && event.currentTarget.hasPointerCapture?.(event.pointerId)) seekAtPointer(event);
      }}
    >
      <div className="progress-slider-fill" style={{ width: `${percent}%` }} />
      <div className="progress-slider-thumb" style={{ left: `${percent}%` }} />
    </div>
  );
}
