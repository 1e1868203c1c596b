import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { Providers } from "../app/Providers";
import { createI18n } from "../i18n";
import { MerchantsScreen } from "./MerchantsScreen";

// The IPC is mocked (jsdom has no Tauri backend); the end-to-end suite drives the real one.
async function renderScreen() {
  mockIPC((cmd, payload) => {
    const args = payload as Record<string, unknown>;
    if (cmd === "merchants_overview" || cmd === "list_drafts") return [];
    if (cmd === "save_draft") return { ...args, createdAt: 0, updatedAt: 0 };
    if (cmd === "validate_field")
      return { field: args.kind, value: args.value, issues: [], detail: null };
    return null;
  });
  const i18n = await createI18n("es-MX");
  render(
    <Providers i18n={i18n}>
      <MerchantsScreen onOpenLinks={() => undefined} />
    </Providers>,
  );
  await screen.findByTestId("merchant-register");
}

describe("Merchant forms and the keyboard", () => {
  it("Ctrl+N opens the registration with the focus on its first field", async () => {
    const user = userEvent.setup();
    await renderScreen();
    await user.keyboard("{Control>}n{/Control}");
    const form = await screen.findByTestId("merchant-form");
    await waitFor(() => {
      expect(document.activeElement).toHaveAttribute("type", "radio");
    });
    expect(form).toContainElement(document.activeElement as HTMLElement);
  });

  it("Esc on a registration with typed input asks before closing; untouched it closes", async () => {
    const user = userEvent.setup();
    await renderScreen();
    await user.click(screen.getByTestId("merchant-register"));
    await screen.findByTestId("merchant-form");
    await user.keyboard("{Escape}");
    await waitFor(() => {
      expect(screen.queryByTestId("merchant-form")).not.toBeInTheDocument();
    });
    expect(screen.queryByText("¿Cerrar el registro?")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("merchant-register"));
    const form = await screen.findByTestId("merchant-form");
    await user.click(within(form).getByText("Persona física"));
    await user.type(await screen.findByTestId("merchant-firstName"), "Iván");
    await user.keyboard("{Escape}");
    // The draft keeps the typing, not the password: the question says so.
    expect(await screen.findByText("¿Cerrar el registro?")).toBeInTheDocument();
    expect(screen.getByText(/la contraseña no se guarda/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Seguir editando" }));
    expect(screen.getByTestId<HTMLInputElement>("merchant-firstName").value).toBe("Iván");
    await user.keyboard("{Escape}");
    await user.click(await screen.findByTestId("discard-confirm"));
    await waitFor(() => {
      expect(screen.queryByTestId("merchant-form")).not.toBeInTheDocument();
    });
  });

  it("Esc on the connect dialog with a typed e-mail asks before closing", async () => {
    const user = userEvent.setup();
    await renderScreen();
    await user.click(screen.getByTestId("merchant-connect"));
    await user.type(await screen.findByTestId("connect-email"), "lupita@example.mx");
    await user.keyboard("{Escape}");
    expect(await screen.findByText("¿Descartar los cambios?")).toBeInTheDocument();
    expect(screen.getByTestId("merchant-connect-dialog")).toBeInTheDocument();
    await user.click(screen.getByTestId("discard-confirm"));
    await waitFor(() => {
      expect(screen.queryByTestId("connect-email")).not.toBeInTheDocument();
    });
  });
});
