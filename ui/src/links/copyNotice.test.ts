import type { LinkRow } from "../bindings";
import { createI18n } from "../i18n";
import { copyNotice } from "./copyNotice";

const row = (state: LinkRow["state"]) => ({ state }) as LinkRow;

describe("the notice after copying a link", () => {
  it("warns, in orange, when nobody can pay the link", async () => {
    const i18n = await createI18n("es-MX");
    const t = i18n.getFixedT("es-MX", "links");
    expect(copyNotice(t, row("active"))).toEqual({ message: "Liga copiada al portapapeles." });
    expect(copyNotice(t, row("inactive"))).toEqual({
      message: "Liga copiada, pero está inactiva: quien la abra no podrá pagar.",
      color: "orange",
    });
    expect(copyNotice(t, row("expired"))).toEqual({
      message: "Liga copiada, pero ya venció: quien la abra no podrá pagar.",
      color: "orange",
    });
  });
});
