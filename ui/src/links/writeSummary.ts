import type { TFunction } from "i18next";

import type { PendingWrite } from "../bindings";
import { formatCentavos } from "../format/money";

/** A line naming what a write does: "Crear · Pastel · $1,250.50". */
export function writeSummary(write: PendingWrite, t: TFunction<"links">): string {
  const { intent } = write;
  const op = t(`writes.op.${intent.op}`);
  switch (intent.op) {
    case "create":
    case "update":
      return [
        op,
        intent.link.description || intent.link.slug,
        formatCentavos(intent.link.amountCentavos),
      ].join(" · ");
    case "configureMainLink":
      return `${op} · ${intent.mainLink}`;
    default:
      return `${op} · ${intent.linkId}`;
  }
}
