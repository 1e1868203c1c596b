import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { Providers } from "../app/Providers";
import type { CrossCheck, FieldReport, Issue } from "../bindings";
import { createI18n } from "../i18n";
import { RegisterForm } from "./RegisterForm";

// The IPC is mocked (jsdom has no Rust backend) with the shapes the real commands return: both
// identifiers are valid on their own, and `validate_cross` answers what core says for the pair
// of issue 12 (CURP LONF…, RFC LOMF…). The end-to-end spec `ids.test.mjs` runs the real check.
const CURP = "LONF920714MDFPXR02";
const RFC = "LOMF920714K38";

function renderForm(crossIssues: Issue[]) {
  const crossAsked: CrossCheck[] = [];
  mockIPC((cmd, args) => {
    switch (cmd) {
      case "validate_field": {
        const { kind, value } = args as { kind: FieldReport["field"]; value: string };
        return { field: kind, value, issues: [], detail: null } satisfies FieldReport;
      }
      case "validate_cross":
        crossAsked.push((args as { check: CrossCheck }).check);
        return crossIssues;
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

/** The hint under a field (its description), found through the input's aria-describedby. */
function hintOf(input: HTMLElement): string {
  const ids = (input.getAttribute("aria-describedby") ?? "").split(" ");
  return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
}

async function typeThePair(crossIssues: Issue[]) {
  const user = userEvent.setup();
  const crossAsked = renderForm(crossIssues);
  const i18n = await createI18n("es-MX");
  render(
    <Providers i18n={i18n}>
      <RegisterForm draft={null} onClose={() => undefined} onDone={() => undefined} />
    </Providers>,
  );
  await user.click(await screen.findByText("Persona física"));
  const curp = screen.getByTestId("merchant-curp");
  const rfc = screen.getByTestId("merchant-rfc");
  // Pasted, as read from the customer's documents.
  await user.click(curp);
  await user.paste(CURP);
  await user.click(rfc);
  await user.paste(RFC);
  await user.tab();
  await waitFor(() => {
    expect(crossAsked).toEqual([{ check: "rfcCurp", rfc: RFC, curp: CURP }]);
  });
  return { curp, rfc };
}

describe("Registering a persona física: RFC and CURP checked together", () => {
  it("shows the name-letter warning on the RFC instead of Correcto", async () => {
    const { curp, rfc } = await typeThePair([
      { code: "rfc.curp_name_particle", severity: "warning", field: "rfc", params: {} },
    ]);
    await waitFor(() => {
      expect(hintOf(rfc)).toContain("Las letras del RFC y de la CURP difieren");
    });
    expect(hintOf(rfc)).not.toContain("Correcto");
    expect(rfc).not.toHaveAttribute("aria-invalid", "true");
    // The CURP on its own is fine and says so.
    expect(hintOf(curp)).toContain("Correcto");
  });

  it("shows a mismatch as an error on the RFC", async () => {
    const { rfc } = await typeThePair([
      { code: "rfc.curp_name_mismatch", severity: "error", field: "rfc", params: {} },
    ]);
    await waitFor(() => {
      expect(rfc).toHaveAttribute("aria-invalid", "true");
    });
    expect(screen.getByText(/parecen de personas distintas/)).toBeInTheDocument();
  });

  it("says Correcto when the pair agrees", async () => {
    const { rfc } = await typeThePair([]);
    await waitFor(() => {
      expect(hintOf(rfc)).toContain("Correcto");
    });
  });
});
