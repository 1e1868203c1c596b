import { useCallback, useState } from "react";

/** What the panel needs of a retry or discard mutation (TanStack's `mutate` fits). */
interface WriteMutation<W> {
  mutate: (write: W, options?: { onSettled?: () => void }) => void;
}

/**
 * The pending writes panel's own state, for the screen that shows it: whether it is unfolded,
 * and which write is being retried (its button spins until the retry settles). `expand` lets the
 * screen unfold it from elsewhere (Ligas: a queued row points at its line).
 */
export function usePendingPanel<W extends { seq: number }>(
  retry: WriteMutation<W>,
  discard: WriteMutation<W>,
) {
  const [expanded, setExpanded] = useState(false);
  const [busySeq, setBusySeq] = useState<number | null>(null);
  // Stable: the screen hands it to memoised rows.
  const expand = useCallback(() => {
    setExpanded(true);
  }, []);
  return {
    expand,
    panel: {
      expanded,
      onToggle: () => {
        setExpanded((open) => !open);
      },
      busySeq,
      onRetry: (write: W) => {
        setBusySeq(write.seq);
        retry.mutate(write, {
          onSettled: () => {
            setBusySeq(null);
          },
        });
      },
      onDiscard: (write: W) => {
        discard.mutate(write);
      },
    },
  };
}
