import type { ErrorCode, OutboxState } from "../bindings";

/**
 * What the user is told about a write its provider has not confirmed. The one mapping from the
 * outbox's state to words: the pending panels and the links' row badge use it, so they agree.
 */
export type WriteStatus = "sending" | "queued" | "checking" | "waiting" | "notApplied";

/** Recorded when a write checked with its provider was not there: the user retries or discards. */
const NOT_APPLIED: ErrorCode = "outbox.not_applied";

export function writeStatus(write: {
  state: OutboxState;
  lastErrorCode?: ErrorCode | null;
}): WriteStatus {
  switch (write.state) {
    case "sent":
      return "sending";
    case "uncertain":
      return "checking";
    case "not_applied":
      return "notApplied";
    default:
      return write.lastErrorCode === NOT_APPLIED ? "waiting" : "queued";
  }
}

/** Badge colours of the statuses: grey waits by itself, orange is being checked, red needs you. */
export const WRITE_STATUS_COLORS: Record<WriteStatus, string> = {
  sending: "blue",
  queued: "gray",
  checking: "orange",
  waiting: "red",
  notApplied: "red",
};

/** The element id of a write's line in the pending panel, so a queued row can bring it up. */
export function pendingWriteId(seq: number): string {
  return `pending-write-${String(seq)}`;
}
