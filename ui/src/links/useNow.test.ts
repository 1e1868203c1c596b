import { act, renderHook } from "@testing-library/react";

import { useNow } from "./useNow";

describe("useNow", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-12-02T12:00:00Z"));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("keeps moving however often the screen re-renders", () => {
    const start = Math.floor(Date.now() / 1000);
    const { result, rerender } = renderHook(() => useNow(30_000));
    // The screen redraws every 10 s (queries refetching, typing): the clock must still tick.
    for (let i = 0; i < 18; i += 1) {
      act(() => {
        vi.advanceTimersByTime(10_000);
      });
      rerender();
    }
    expect(result.current - start).toBeGreaterThanOrEqual(150);
  });
});
