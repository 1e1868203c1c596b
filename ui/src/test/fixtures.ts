// Records the UI tests share: the Sandbox merchant, a link row, a finished write, a refusal.
import type { LinkRow, Merchant, WriteOutcome } from "../bindings";

/** The Sandbox double's first merchant, as the cache holds it. */
export const sandboxMerchant: Merchant = {
  id: "61234",
  name: "La Esquina",
  email: "esquina@example.mx",
  rfc: "GODE561231GR8",
  mainLink: "laesquina",
  domain: "https://test.pay.billpocket.com",
  createdAt: 0,
  updatedAt: 0,
  syncedAt: 0,
};

/** An active $1,234.50 link of the Sandbox merchant, with `change` applied. */
export function linkRow(
  change: Partial<LinkRow["link"]> = {},
  state: LinkRow["state"] = "active",
): LinkRow {
  return {
    state,
    link: {
      id: "L1",
      merchantId: sandboxMerchant.id,
      description: "Pastel de boda",
      amountCentavos: 123_450,
      secondaryLink: "boda",
      customLinkPath: "https://test.pay.billpocket.com/laesquina/boda",
      status: state === "inactive" ? "inactive" : "active",
      linkType: 2,
      expiredAt: null,
      months: [],
      isFixedTerm: false,
      createdAt: 0,
      updatedAt: 0,
      syncedAt: 0,
      ...change,
    },
  };
}

/** A write the provider answered and applied. */
export const doneWrite: WriteOutcome = {
  write: {
    seq: 1,
    state: "done",
    intent: { op: "delete", merchantId: sandboxMerchant.id, linkId: "x" },
    attempts: 1,
    lastErrorCode: null,
    differences: [],
    linkId: null,
    createdAt: 0,
    updatedAt: 0,
  },
  link: null,
};

/** What a command rejects with: the app's `{code, message, field?}` error. */
export function failure(code: string, field?: string): Error {
  return Object.assign(new Error(code), field === undefined ? { code } : { code, field });
}
