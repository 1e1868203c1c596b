import type { PendingWrite } from "../bindings";
import { createI18n } from "../i18n";
import { writeStatus, writeSummary } from "./writeSummary";

function write(patch: Partial<PendingWrite>): PendingWrite {
  return {
    seq: 1,
    state: "pending",
    intent: { op: "delete", merchantId: "61234", linkId: "lnk_8f2a" },
    attempts: 1,
    lastErrorCode: null,
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
