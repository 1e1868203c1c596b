// Records the UI tests share: the Sandbox merchant, a link row, a finished write, a refusal.
import type {
  Customer,
  CustomerWriteAnswer_Serialize as CustomerWriteAnswer,
  CustomerWriteKind,
  LinkRow,
  Merchant,
  WriteOutcome,
} from "../bindings";

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

/** 2026-12-03T00:00:00Z, the customers tests' "now". */
export const NOW = 1_796_256_000;

/** A CryptoPocket person pending review for three days, with `change` applied. */
export function customerRow(change: Partial<Customer> = {}): Customer {
  return {
    provider: "cryptopocket",
    id: "188",
    kind: "person",
    firstName: "Sofía",
    lastName: "López",
    secondLastName: "",
    companyName: "",
    email: "sofia@example.mx",
    idType: "CURP",
    idNumber: "LOSC780715MNLPNR00",
    country: "Mexico",
    kycStatus: "processing",
    kycLevel: null,
    kycUrl: "https://kyc.sandbox.cryptopocket.test/form/188",
    createdAt: NOW - 3 * 86_400,
    updatedAt: NOW - 3 * 86_400,
    syncedAt: NOW - 60,
    ...change,
  };
}

/** A CryptoPocket customer write of `kind` about `subject`, answered and done. */
export function customerWriteDone(
  kind: CustomerWriteKind,
  subject: string,
  customerId: string,
): CustomerWriteAnswer {
  return {
    status: "submitted",
    outcome: {
      write: {
        seq: 1,
        kind,
        subject,
        customerId,
        state: "done",
        lastErrorCode: null,
        differences: [],
        createdAt: 0,
        updatedAt: 0,
      },
      customer: null,
      link: null,
    },
  };
}
