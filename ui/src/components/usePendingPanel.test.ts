import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { usePendingPanel } from "./usePendingPanel";

type Write = { seq: number };

/** A mutation that records its calls and settles only when the test says so. */
function recorder() {
  const calls: { write: Write; settle?: () => void }[] = [];
  return {
    calls,
    mutate: (write: Write, options?: { onSettled?: () => void }) => {
      calls.push({ write, settle: options?.onSettled });
    },
  };
}

describe("usePendingPanel", () => {
  it("marks the write being retried until its retry settles", () => {
    const retry = recorder();
    const discard = recorder();
    const { result } = renderHook(() => usePendingPanel(retry, discard));
    expect(result.current.panel.busySeq).toBeNull();

    act(() => {
      result.current.panel.onRetry({ seq: 7 });
    });
    expect(retry.calls.map((call) => call.write.seq)).toEqual([7]);
    expect(result.current.panel.busySeq).toBe(7);

    act(() => {
      retry.calls[0]?.settle?.();
    });
    expect(result.current.panel.busySeq).toBeNull();
  });

  it("discards without marking, and folds, unfolds and is unfolded from outside", () => {
    const retry = recorder();
    const discard = recorder();
    const { result } = renderHook(() => usePendingPanel(retry, discard));

    act(() => {
      result.current.panel.onDiscard({ seq: 3 });
    });
    expect(discard.calls.map((call) => call.write.seq)).toEqual([3]);
    expect(result.current.panel.busySeq).toBeNull();

    expect(result.current.panel.expanded).toBe(false);
    act(() => {
      result.current.panel.onToggle();
    });
    expect(result.current.panel.expanded).toBe(true);
    act(() => {
      result.current.panel.onToggle();
    });
    expect(result.current.panel.expanded).toBe(false);
    act(() => {
      result.current.expand();
    });
    act(() => {
      result.current.expand();
    });
    expect(result.current.panel.expanded).toBe(true);
  });
});
