import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";

import { Providers } from "../app/Providers";
import type { FieldReport } from "../bindings";
import { createI18n } from "../i18n";
import { ValidatedField } from "./ValidatedField";

// The validator answers are mocked here (jsdom has no Rust backend); they are the shapes the
// real `validate_field` returns, and the end-to-end suite checks the real round trip.
const badCheckDigit: FieldReport = {
  field: "clabe",
  value: null,
  issues: [{ code: "clabe.check_digit", severity: "error", field: "clabe", params: {} }],
  detail: null,
};
const valid: FieldReport = {
  field: "clabe",
  value: "002010077777777771",
  issues: [],
  detail: { kind: "bank", code: "002", name: "BANAMEX" },
};
const shortCurp: FieldReport = {
  field: "curp",
  value: null,
  issues: [{ code: "curp.length", severity: "error", field: "curp", params: { length: "5" } }],
  detail: null,
};

async function renderField(kind: "clabe" | "curp", answer: (value: string) => FieldReport) {
  const asked: unknown[] = [];
  mockIPC((cmd, args) => {
    if (cmd !== "validate_field") return null;
    asked.push(args);
    return answer((args as { value: string }).value);
  });
  const i18n = await createI18n("es-MX");
  render(
    <Providers i18n={i18n}>
      <ValidatedField kind={kind} label="CLABE" />
    </Providers>,
  );
  return { asked, input: screen.getByLabelText("CLABE") };
}

describe("ValidatedField", () => {
  it("shows no error while typing and the translated error on blur", async () => {
    const user = userEvent.setup();
    const { asked, input } = await renderField("clabe", () => badCheckDigit);
    await user.type(input, "002010077777777772");
    expect(screen.queryByText(/dígito verificador/)).not.toBeInTheDocument();
    expect(asked).toHaveLength(0);
    await user.tab();
    expect(
      await screen.findByText(
        "El dígito verificador de la CLABE no coincide; revisa los 18 dígitos.",
      ),
    ).toBeInTheDocument();
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(asked).toEqual([{ kind: "clabe", value: "002010077777777772", context: {} }]);
  });

  it("interpolates the code's parameters into the message", async () => {
    const user = userEvent.setup();
    const { input } = await renderField("curp", () => shortCurp);
    await user.type(input, "BOXW3");
    await user.tab();
    expect(
      await screen.findByText("La CURP tiene 18 caracteres y escribiste 5; revísala."),
    ).toBeInTheDocument();
  });

  it("clears the error as soon as the value is fixed and shows the bank", async () => {
    const user = userEvent.setup();
    const { input } = await renderField("clabe", (value) =>
      value === "002010077777777771" ? valid : badCheckDigit,
    );
    await user.type(input, "002010077777777772");
    await user.tab();
    await screen.findByText(/dígito verificador/);
    await user.clear(input);
    await user.type(input, "002010077777777771");
    expect(await screen.findByText("Banco: BANAMEX")).toBeInTheDocument();
    expect(screen.queryByText(/dígito verificador/)).not.toBeInTheDocument();
    expect(input).not.toHaveAttribute("aria-invalid", "true");
  });

  it("replaces what was typed with the normalised value on blur", async () => {
    const user = userEvent.setup();
    const { input } = await renderField("clabe", () => valid);
    await user.type(input, "002 010 07777777777 1");
    await user.tab();
    expect(await screen.findByDisplayValue("002010077777777771")).toBe(input);
  });

  it("forgets its report when the form resets the value (after a save)", async () => {
    const user = userEvent.setup();
    mockIPC((cmd) => (cmd === "validate_field" ? valid : null));
    const i18n = await createI18n("es-MX");
    function Saved() {
      const [value, setValue] = useState("");
      return (
        <>
          <ValidatedField kind="clabe" label="CLABE" value={value} onValueChange={setValue} />
          <button
            type="button"
            onClick={() => {
              setValue("");
            }}
          >
            Guardar
          </button>
        </>
      );
    }
    render(
      <Providers i18n={i18n}>
        <Saved />
      </Providers>,
    );
    await user.type(screen.getByLabelText("CLABE"), "002010077777777771");
    await user.tab();
    await screen.findByText("Banco: BANAMEX");
    await user.click(screen.getByRole("button", { name: "Guardar" }));
    expect(screen.getByLabelText("CLABE")).toHaveValue("");
    expect(screen.queryByText("Banco: BANAMEX")).not.toBeInTheDocument();
  });
});
