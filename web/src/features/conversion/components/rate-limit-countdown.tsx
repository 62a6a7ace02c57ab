import { useEffect, useState } from 'react';

/** Whole seconds from now until `until` (never negative). */
export function secondsUntil(until: string, now: number = Date.now()): number {
  const end = Date.parse(until);
  return Number.isNaN(end) ? 0 : Math.max(0, Math.ceil((end - now) / 1000));
}

/**
 * "Spotify asked us to slow down — resuming in 12 s", counting down once a second, in a polite
 * live region so a screen reader hears the wait without being interrupted.
 */
export function RateLimitCountdown({ service, until }: { service: string; until: string }) {
  const [seconds, setSeconds] = useState(() => secondsUntil(until));

  useEffect(() => {
    setSeconds(secondsUntil(until));
    const timer = setInterval(() => setSeconds(secondsUntil(until)), 1_000);
    return () => clearInterval(timer);
  }, [until]);

  return (
    <p className="conversion-wait" role="status" aria-live="polite" aria-atomic="true">
      {seconds > 0 ? `${service} asked us to slow down — resuming in ${seconds} s` : `${service} asked us to slow down — resuming now`}
    </p>
  );
}
