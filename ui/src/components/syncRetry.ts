import { useEffect, useEffectEvent, useRef } from "react";

/** The first retry after a failed sync; each further failure doubles it, up to the cap. */
export const FIRST_RETRY_MS = 5_000;
export const MAX_RETRY_MS = 3 * 60_000;

/** How long to wait after the `failures`-th failure in a row (1 → 5 s, 2 → 10 s, … ≤ 3 min). */
export function retryDelay(failures: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(failures - 1, 0), MAX_RETRY_MS);
}

/**
 * While the list's last attempt to reach its provider failed (a sync, a write, a check), syncs again
 * with a growing delay, so the screen notices by itself when the connection is back.
 * `failedAt` identifies the failed attempt (null when the last one succeeded): each new failure
 * schedules the next try, a success resets the delay. Nothing runs once the screen is closed.
 */
export function useSyncRetry(failedAt: number | null, sync: () => void): void {
  const failures = useRef(0);
  const retry = useEffectEvent(sync);
  useEffect(() => {
    if (failedAt === null) {
      failures.current = 0;
      return;
    }
    failures.current += 1;
    const timer = setTimeout(() => {
      retry();
    }, retryDelay(failures.current));
    return () => {
      clearTimeout(timer);
    };
  }, [failedAt]);
}
