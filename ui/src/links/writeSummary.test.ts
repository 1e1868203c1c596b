import type { PendingWrite } from "../bindings";
import { createI18n } from "../i18n";
import { writeStatus } from "../components/writeStatus";
import { differingFields, writeSummary } from "./writeSummary";

function write(patch: Partial<PendingWrite>): PendingWrite {
  return {
    seq: 1,
    state: "pending",
    intent: { op: "delete", merchantId: "61234", linkId: "lnk_8f2a" },
    attempts: 1,
    lastErrorCode: null,
    differences: [],
    linkId: "lnk_8f2a",
    subject: "Clase de yoga",
    createdAt: 0,
    updatedAt: 0,
    ...patch,
  };
}

describe("writeStatus", () => {
  it("maps every outbox state to one status, the same for the panel and the row", () => {
    expect(writeStatus(write({ state: "sent" }))).toBe("sending");
    expect(writeStatus(write({ state: "uncertain" }))).toBe("checking");
    expect(
      writeStatus(write({ state: "pending", lastErrorCode: "billpocket.network_unreachable" })),
    ).toBe("queued");
    expect(writeStatus(write({ state: "pending", lastErrorCode: "outbox.not_applied" }))).toBe(
      "waiting",
    );
    expect(writeStatus(write({ state: "not_applied" }))).toBe("notApplied");
  });
});

describe("differingFields", () => {
  it("names the fields Billpocket did not change as the form names them", async () => {
    const i18n = await createI18n("es-MX");
    const t = i18n.getFixedT("es-MX", "links");
    const ignored = write({ state: "not_applied", differences: ["status", "amount"] });
    expect(differingFields(ignored, t)).toBe("estado, monto");
    expect(t("writes.detail.notApplied", { fields: differingFields(ignored, t) })).toBe(
      "Billpocket respondió pero no aplicó el cambio (estado, monto). Reinténtalo o descártalo.",
    );
  });
});

describe("writeSummary", () => {
  it("names the link by its description, never by Billpocket's id", async () => {
    const i18n = await createI18n("es-MX");
    const t = i18n.getFixedT("es-MX", "links");
    const off = write({
      intent: { op: "setActive", merchantId: "61234", linkId: "lnk_8f2a", active: false },
    });
    expect(writeSummary(off, t)).toBe("Desactivar · Clase de yoga");
    expect(writeSummary(write({}), t)).toBe("Eliminar · Clase de yoga");
    expect(writeSummary(write({ subject: null }), t)).toBe(
      "Eliminar · liga que ya no está en la lista",
    );
    const create = write({
      intent: {
        op: "create",
        merchantId: "61234",
        link: {
          slug: "pastel",
          amountCentavos: 125_050,
          description: "Pastel",
          expiredAt: null,
          linkType: 2,
          months: [],
          isFixedTerm: false,
        },
      },
      subject: "Pastel",
    });
    expect(writeSummary(create, t)).toBe("Crear · Pastel · $1,250.50");
  });
});
