import { renderHook } from "@testing-library/react";

import { MAX_RETRY_MS, retryDelay, useSyncRetry } from "./syncRetry";

describe("retryDelay", () => {
  it("doubles from 5 s and stops growing at 3 min", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(retryDelay)).toEqual([
      5_000,
      10_000,
      20_000,
      40_000,
      80_000,
      160_000,
      MAX_RETRY_MS,
      MAX_RETRY_MS,
    ]);
  });
});

describe("useSyncRetry", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("syncs again 5 s, then 10 s, then 20 s after failures, and starts over after a success", () => {
    const sync = vi.fn();
    const { rerender, unmount } = renderHook(
      ({ failedAt }: { failedAt: number | null }) => {
        useSyncRetry(failedAt, sync);
      },
      { initialProps: { failedAt: null as number | null } },
    );
    vi.advanceTimersByTime(60_000);
    expect(sync).not.toHaveBeenCalled();

    rerender({ failedAt: 100 });
    vi.advanceTimersByTime(4_999);
    expect(sync).toHaveBeenCalledTimes(0);
    vi.advanceTimersByTime(1);
    expect(sync).toHaveBeenCalledTimes(1);

    // That sync failed too: the next one waits twice as long.
    rerender({ failedAt: 105 });
    vi.advanceTimersByTime(9_999);
    expect(sync).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(sync).toHaveBeenCalledTimes(2);

    rerender({ failedAt: 115 });
    vi.advanceTimersByTime(19_999);
    expect(sync).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1);
    expect(sync).toHaveBeenCalledTimes(3);

    // A success resets the delay and stops retrying.
    rerender({ failedAt: null });
    vi.advanceTimersByTime(600_000);
    expect(sync).toHaveBeenCalledTimes(3);
    rerender({ failedAt: 900 });
    vi.advanceTimersByTime(5_000);
    expect(sync).toHaveBeenCalledTimes(4);

    // Closing the screen cancels the pending retry.
    rerender({ failedAt: 905 });
    unmount();
    vi.advanceTimersByTime(600_000);
    expect(sync).toHaveBeenCalledTimes(4);
  });
});
