import type { TFunction } from "i18next";

import type { LinkRow, PendingWrite } from "../bindings";
import { formatCentavos } from "../format/money";

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
