import type { TFunction } from "i18next";

import type { Link, Merchant } from "../bindings";
import { formatCentavos } from "../format/money";

/**
 * The message sent with a link, from the link as it is now. A link without a description gets
 * the sentence without it (never "por $99.00 ():").
 */
export function shareMessage(t: TFunction<"links">, merchant: Merchant, link: Link): string {
  const values = {
    merchant: merchant.name,
    amount: formatCentavos(link.amountCentavos),
    url: link.customLinkPath,
  };
  const description = link.description.trim();
  return description === ""
    ? t("share.messageNoDescription", values)
    : t("share.message", { ...values, description });
}

/** The e-mail subject of a link. */
export function shareSubject(t: TFunction<"links">, merchant: Merchant, link: Link): string {
  return t("share.subject", {
    merchant: merchant.name,
    amount: formatCentavos(link.amountCentavos),
  });
}
