import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { Providers } from "../app/Providers";
import type { SlotStatus } from "../bindings";
import { createI18n } from "../i18n";
import { CredentialSlots } from "./CredentialSlots";

// IPC mocked: jsdom has no keyring. The e2e suite stores a real secret in the Secret Service.
const ALL_MISSING: SlotStatus[] = [
  { slot: "billpocketApiKey", status: "notSet" },
  { slot: "billpocketXApiKey", status: "notSet" },
];

async function renderSlots(handler: (cmd: string, args: unknown) => unknown) {
  mockIPC(handler);
  render(
    <Providers i18n={await createI18n("es-MX")}>
      <CredentialSlots profileId="p1" />
    </Providers>,
  );
}

describe("CredentialSlots", () => {
  it("says there is no keyring and how to fix it", async () => {
    await renderSlots(() =>
      // Tauri rejects with the command's serialised error, a plain object, not an Error.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      Promise.reject({ code: "vault.unavailable", message: "no Secret Service" }),
    );
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("No hay un llavero del sistema disponible");
    expect(alert).toHaveTextContent("instala y abre GNOME Keyring");
  });

  it("sends the typed value once, clears the field and shows the slot as set", async () => {
    const user = userEvent.setup();
    const sent: unknown[] = [];
    await renderSlots((cmd, args) => {
      if (cmd === "credential_slots") return ALL_MISSING;
      if (cmd === "set_credential") {
        sent.push(args);
        return [{ slot: "billpocketApiKey", status: "set" }, ALL_MISSING[1]];
      }
      return null;
    });
    const row = await screen.findByTestId("slot-billpocketApiKey");
    expect(within(row).getByTestId("slot-status")).toHaveTextContent("Falta");
    const input = within(row).getByPlaceholderText("Pega la credencial");
    await user.type(input, "clave-secreta{Enter}");
    expect(await within(row).findByText("Configurada")).toBeInTheDocument();
    expect(input).toHaveValue("");
    expect(sent).toEqual([{ profileId: "p1", slot: "billpocketApiKey", value: "clave-secreta" }]);
    // Replacing never shows the old value: the field asks for a new one.
    expect(within(row).getByPlaceholderText("Pega la nueva para reemplazarla")).toBe(input);
  });
});
