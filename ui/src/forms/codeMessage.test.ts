import type { ErrorCode } from "../bindings";
import { createI18n } from "../i18n";
import { codeMessage } from "./codeMessage";

describe("messages for bare codes", () => {
  it("prefers the errors catalogue, then the validators' without placeholders", async () => {
    const i18n = await createI18n("es-MX");
    const exists = (key: string) => i18n.exists(key);
    expect(codeMessage(i18n.t, exists, "merchant.duplicate")).toMatch(/Ya existe/);
    const curp = codeMessage(i18n.t, exists, "curp.length");
    expect(curp).not.toMatch(/\{\{/);
    expect(curp).toMatch(/^La CURP tiene 18 caracteres/);
    // A code a newer backend added before this UI knew it.
    expect(codeMessage(i18n.t, exists, "nunca.visto" as ErrorCode)).toMatch(/Algo salió mal/);
  });

  it("interpolates the values the error supplies", async () => {
    const i18n = await createI18n("en");
    const exists = (key: string) => i18n.exists(key);
    expect(
      codeMessage(i18n.t, exists, "cryptopocket.unknown_error", { text: "limit_exceded" }),
    ).toMatch(/limit_exceded/);
  });
});
