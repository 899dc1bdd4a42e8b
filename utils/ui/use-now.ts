import { useEffect, useState } from 'react';

/** The current time, re-read every `intervalMs` while `ticking` (a stopped clock costs nothing). */
export function useNow(ticking: boolean, intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const tick = () => setNow(Date.now());
    // Catch up at once: the clock may have been stopped for a long time (a job that was retried).
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, intervalMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [ticking, intervalMs]);
  return now;
}
