import { useEffect, useState } from "react";

import { nowSeconds } from "../format/time";

/**
 * The current time in Unix seconds, refreshed every `everyMs`, for text relative to now ("hace
 * 5 min", "vence en 3 días"). One interval for the component's life: re-renders never restart it,
 * so the clock keeps moving however often the screen redraws.
 */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(nowSeconds);
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(nowSeconds());
    }, everyMs);
    return () => {
      clearInterval(timer);
    };
  }, [everyMs]);
  return now;
}
