import type { TFunction } from "i18next";

import type { WriteLineText } from "../components/PendingWrites";
import { writeStatus } from "../components/writeStatus";
import type { PendingCustomerWrite } from "./queries";

const PROVIDER_NAMES = { cryptopocket: "CryptoPocket", undostres: "UnDosTres" } as const;

/** How a customer write reads in the pending panel: "Registrar persona · ana@correo.mx". */
export function describeCustomerWrite(
  write: PendingCustomerWrite,
  t: TFunction<"customers">,
): WriteLineText {
  const lastErrorCode = write.provider === "cryptopocket" ? write.lastErrorCode : write.code;
  const status = writeStatus({ state: write.state, lastErrorCode });
  const summary =
    write.provider === "cryptopocket"
      ? `${t(`writes.kind.${write.kind}`)} · ${write.subject}`
      : `${t("writes.kind.account")} · ${write.name} · ${write.email}`;
  const detail = t(`writes.detail.${status}`, {
    provider: PROVIDER_NAMES[write.provider],
    fields: write.differences.join(", "),
  });
  return { status, summary, detail };
}
