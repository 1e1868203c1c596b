import { createI18n } from "../i18n";
import type { Customer } from "../bindings";
import { timelineText } from "./timelineText";

const customer = { provider: "cryptopocket" } as Customer;

describe("timelineText", () => {
  it("names the links issued and the documents uploaded in both languages", async () => {
    const es = (await createI18n("es-MX")).getFixedT("es-MX", "customers");
    const en = (await createI18n("en")).getFixedT("en", "customers");
    const link = {
      kind: "linkIssued",
      at: 1,
      link: "kyb",
      url: "https://kyb.example/f/1",
    } as const;
    expect(timelineText(es, customer, link)).toEqual({
      title: "Liga de verificación KYB emitida",
      body: "https://kyb.example/f/1",
    });
    expect(timelineText(en, customer, { ...link, link: "enhanced" }).title).toBe(
      "Enhanced verification link issued",
    );
    const upload = { kind: "documentUploaded", at: 1, documentType: "bank_statement" } as const;
    expect(timelineText(es, customer, upload).title).toBe(
      "Documento subido: Estado de cuenta bancario",
    );
    expect(timelineText(en, customer, upload).title).toBe("Document uploaded: Bank statement");
    // A type this build does not know is shown as CryptoPocket spells it.
    expect(timelineText(es, customer, { ...upload, documentType: "utility_bill" }).title).toBe(
      "Documento subido: utility_bill",
    );
  });
});
