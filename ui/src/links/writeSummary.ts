import type { TFunction } from "i18next";

import type { ErrorCode, LinkRow, PendingWrite } from "../bindings";
import { formatCentavos } from "../format/money";

/**
 * What the user is told about a write Billpocket has not confirmed. The one mapping from the
 * outbox's state to words: the pending panel and the row's badge both use it, so they agree.
 */
export type WriteStatus = "sending" | "queued" | "checking" | "waiting" | "notApplied";

/** Recorded when a write checked with Billpocket was not there: the user retries or discards. */
const NOT_APPLIED: ErrorCode = "outbox.not_applied";

export function writeStatus(write: Pick<PendingWrite, "state" | "lastErrorCode">): WriteStatus {
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

/** The fields Billpocket answered with other values than asked, named as the form names them. */
export function differingFields(
  write: Pick<PendingWrite, "differences">,
  t: TFunction<"links">,
): string {
  return write.differences
    .map((field) => t(`writes.field.${field}`, { defaultValue: field }))
    .join(", ");
}

/** A row that stands for a create still in the outbox: no URL yet, nothing to share. */
export function isQueuedCreate(row: LinkRow): boolean {
  return row.write?.intent.op === "create";
}

/** The element id of a write's line in the pending panel, so a queued row can bring it up. */
export function pendingWriteId(seq: number): string {
  return `pending-write-${String(seq)}`;
}

/** A line naming what a write does: "Crear · Pastel · $1,250.50", "Desactivar · Pastel". */
export function writeSummary(write: PendingWrite, t: TFunction<"links">): string {
  const { intent } = write;
  const subject = write.subject ?? t("writes.unknownLink");
  switch (intent.op) {
    case "create":
    case "update":
      return [
        t(`writes.op.${intent.op}`),
        subject,
        formatCentavos(intent.link.amountCentavos),
      ].join(" · ");
    case "setActive":
      return `${t(intent.active ? "writes.op.activate" : "writes.op.deactivate")} · ${subject}`;
    case "delete":
      return `${t("writes.op.delete")} · ${subject}`;
    case "configureMainLink":
      return `${t("writes.op.configureMainLink")} · ${intent.mainLink}`;
  }
}
