import type { Link, LinkForm } from "../bindings";
import { toLocalInput } from "../format/time";

/** MSI terms offered (months). */
export const INSTALLMENT_TERMS = [3, 6, 9, 12, 18] as const;
/** The only link type in Billpocket's documented samples. */
export const DEFAULT_LINK_TYPE = 2;

export const EMPTY_FORM: LinkForm = {
  slug: "",
  amount: "",
  description: "",
  expiresAt: "",
  linkType: DEFAULT_LINK_TYPE,
  installments: [],
  fixedTerm: false,
};

/** Pesos with two decimals as a person would type them ("1250.50"). */
function pesos(centavos: number): string {
  return `${String(Math.trunc(centavos / 100))}.${String(centavos % 100).padStart(2, "0")}`;
}

/**
 * The form for editing `link`, or for cloning it: a clone keeps everything but the slug (each
 * link needs its own) and an expiry already past.
 */
export function formFromLink(link: Link, mode: "edit" | "clone", now: number): LinkForm {
  const keepExpiry = link.expiredAt != null && (mode === "edit" || link.expiredAt > now);
  return {
    slug: mode === "edit" ? link.secondaryLink : "",
    amount: pesos(link.amountCentavos),
    description: link.description,
    expiresAt: keepExpiry && link.expiredAt != null ? toLocalInput(link.expiredAt) : "",
    linkType: link.linkType,
    installments: [...link.months],
    fixedTerm: link.isFixedTerm,
  };
}

/** A new idempotency key: one per form opening, reused by every submit of that opening. */
export function newWriteKey(): string {
  return crypto.randomUUID();
}
