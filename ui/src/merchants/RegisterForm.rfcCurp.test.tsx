import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { Providers } from "../app/Providers";
import type { CrossCheck, FieldReport, Issue } from "../bindings";
import { createI18n } from "../i18n";
import { RegisterForm } from "./RegisterForm";

// The IPC is mocked (jsdom has no Rust backend): every field is valid on its own, and
// `validate_cross` answers through `judge`, standing in for core's check of the request the
// form sent. The end-to-end spec `ids.test.mjs` runs the real check. Issue 12's pair: CURP
// LONF… of FERNANDA LÓPEZ NÚÑEZ, RFC LOMF….
const CURP = "LONF920714MDFPXR02";
const RFC = "LOMF920714K38";

type RfcCurpCheck = Extract<CrossCheck, { check: "rfcCurp" }>;

function mockBackend(judge: (check: RfcCurpCheck) => Issue[]) {
  const crossAsked: RfcCurpCheck[] = [];
  mockIPC((cmd, args) => {
    switch (cmd) {
      case "validate_field": {
        const { kind, value } = args as { kind: FieldReport["field"]; value: string };
        return { field: kind, value, issues: [], detail: null } satisfies FieldReport;
      }
      case "validate_cross": {
        const check = (args as { check: RfcCurpCheck }).check;
        crossAsked.push(check);
        return judge(check);
      }
      case "merchant_catalogue":
        return { items: [], fetchedAt: 0, stale: false };
      case "save_draft":
        return { id: "d1", kind: "merchant", title: "", body: "{}", createdAt: 0, updatedAt: 0 };
      default:
        throw new Error(`unexpected command ${cmd}`);
    }
  });
  return crossAsked;
}

const issue = (code: Issue["code"], field: Issue["field"], severity: Issue["severity"]) =>
  ({ code, field, severity, params: {} }) satisfies Issue;

/** The hint under a field (its description), found through the input's aria-describedby. */
function hintOf(input: HTMLElement): string {
  const ids = (input.getAttribute("aria-describedby") ?? "").split(" ");
  return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
}

async function fillFernanda(judge: (check: RfcCurpCheck) => Issue[]) {
  const user = userEvent.setup();
  const crossAsked = mockBackend(judge);
  const i18n = await createI18n("es-MX");
  render(
    <Providers i18n={i18n}>
      <RegisterForm draft={null} onClose={() => undefined} onDone={() => undefined} />
    </Providers>,
  );
  await user.click(await screen.findByText("Persona física"));
  for (const [field, value] of [
    ["firstName", "Fernanda"],
    ["paternalSurname", "López"],
    ["maternalSurname", "Núñez"],
  ] as const) {
    await user.type(screen.getByTestId(`merchant-${field}`), value);
  }
  const curp = screen.getByTestId("merchant-curp");
  const rfc = screen.getByTestId("merchant-rfc");
  // Pasted, as read from the customer's documents.
  await user.click(curp);
  await user.paste(CURP);
  await user.click(rfc);
  await user.paste(RFC);
  await user.tab();
  const fernanda = { firstName: "Fernanda", paternalSurname: "López", maternalSurname: "Núñez" };
  await waitFor(() => {
    expect(crossAsked.at(-1)).toEqual({ check: "rfcCurp", rfc: RFC, curp: CURP, names: fernanda });
  });
  return { user, curp, rfc, crossAsked };
}

describe("Registering a persona física: RFC and CURP checked against her names", () => {
  it("shows an RFC that is not hers as an error on the RFC, the CURP stays Correcto", async () => {
    const { rfc, curp } = await fillFernanda((check) =>
      check.rfc === RFC ? [issue("rfc.name_mismatch", "rfc", "error")] : [],
    );
    await waitFor(() => {
      expect(rfc).toHaveAttribute("aria-invalid", "true");
    });
    expect(
      screen.getByText("El RFC no corresponde al nombre y apellidos", { exact: false }),
    ).toBeInTheDocument();
    expect(curp).not.toHaveAttribute("aria-invalid", "true");
    expect(hintOf(curp)).toContain("Correcto");
  });

  it("checks again when a name changes, and shows a CURP error on the CURP", async () => {
    const { user, curp, rfc, crossAsked } = await fillFernanda((check) =>
      check.names?.maternalSurname === "Nava" ? [issue("curp.name_mismatch", "curp", "error")] : [],
    );
    await waitFor(() => {
      expect(hintOf(rfc)).toContain("Correcto");
    });
    const maternal = screen.getByTestId("merchant-maternalSurname");
    await user.clear(maternal);
    await user.type(maternal, "Nava");
    await waitFor(() => {
      expect(crossAsked.at(-1)?.names?.maternalSurname).toBe("Nava");
    });
    await waitFor(() => {
      expect(curp).toHaveAttribute("aria-invalid", "true");
    });
    expect(
      screen.getByText("La CURP no corresponde al nombre y apellidos", { exact: false }),
    ).toBeInTheDocument();
    expect(rfc).not.toHaveAttribute("aria-invalid", "true");
  });

  it("shows a letter the rules explain as a warning instead of Correcto", async () => {
    const { rfc } = await fillFernanda(() => [issue("name_letters.compound", "rfc", "warning")]);
    await waitFor(() => {
      expect(hintOf(rfc)).toContain("MARÍA o JOSÉ");
    });
    expect(hintOf(rfc)).not.toContain("Correcto");
    expect(rfc).not.toHaveAttribute("aria-invalid", "true");
  });
});
