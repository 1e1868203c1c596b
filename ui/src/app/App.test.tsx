import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import type { AppInfo, Preferences } from "../bindings";
import { createI18n } from "../i18n";
import { App } from "./App";
import { Providers } from "./Providers";

// The IPC is mocked here (jsdom has no Tauri backend); the end-to-end suite drives the real one.
const info: AppInfo = {
  version: "0.1.0",
  dataDir: "/tmp/mostrador-data",
  platform: "linux",
  activeProfile: { id: "sandbox", name: "Sandbox", environment: "sandbox" },
};

/** What the backend answers when a test does not say otherwise. */
function defaults(cmd: string): unknown {
  if (cmd === "app_info") return info;
  if (cmd === "list_profiles") return [];
  if (cmd === "list_merchants") return [];
  if (cmd === "search_customers") return { items: [], next: null, previous: null };
  return null;
}

async function renderApp(handler: (cmd: string, args: unknown) => unknown = defaults) {
  mockIPC(handler);
  const i18n = await createI18n("es-MX");
  render(
    <Providers i18n={i18n}>
      <App />
    </Providers>,
  );
  return i18n;
}

describe("App shell", () => {
  it("opens in Spanish on the links area, empty without merchants", async () => {
    await renderApp();
    const nav = screen.getByRole("navigation", { name: "Secciones" });
    for (const label of ["Ligas", "Comercios", "Clientes y KYC", "Perfiles", "Ajustes"]) {
      expect(within(nav).getByRole("button", { name: new RegExp(label) })).toBeInTheDocument();
    }
    expect(screen.getByRole("heading", { name: "Ligas de pago" })).toBeInTheDocument();
    expect(await screen.findByText("Aún no hay comercios en este perfil")).toBeInTheDocument();
  });

  it("shows every area's empty state and marks the current one", async () => {
    const user = userEvent.setup();
    await renderApp();
    const cases = [
      ["Comercios", "Aún no hay comercios"],
      ["Clientes y KYC", "Aún no hay clientes"],
      ["Perfiles", "Aún no hay perfiles"],
    ] as const;
    for (const [nav, empty] of cases) {
      const button = screen.getByRole("button", { name: new RegExp(nav) });
      await user.click(button);
      expect(button).toHaveAttribute("aria-current", "page");
      expect(await screen.findByText(empty)).toBeInTheDocument();
    }
  });

  it("always shows the active profile with its environment", async () => {
    await renderApp();
    const badge = await screen.findByTestId("active-profile");
    expect(badge).toHaveTextContent("Perfil activo: Sandbox");
    expect(within(badge).getByTestId("environment-badge")).toHaveTextContent("Sandbox");
  });

  it("navigates with Ctrl+number", async () => {
    const user = userEvent.setup();
    await renderApp();
    await user.keyboard("{Control>}5{/Control}");
    expect(screen.getByRole("heading", { name: "Ajustes" })).toBeInTheDocument();
  });

  it("navigates with Ctrl+number while a field has focus", async () => {
    const user = userEvent.setup();
    await renderApp();
    await user.keyboard("{Control>}4{/Control}");
    await user.click(screen.getByRole("button", { name: "Nuevo perfil" }));
    const name = await screen.findByRole("textbox", { name: "Nombre" });
    await user.click(name);
    expect(name).toHaveFocus();
    await user.keyboard("{Control>}1{/Control}");
    expect(await screen.findByRole("heading", { name: "Ligas de pago" })).toBeInTheDocument();
  });

  it("asks before leaving an area whose form holds typed input", async () => {
    const user = userEvent.setup();
    await renderApp();
    await user.keyboard("{Control>}4{/Control}");
    await user.click(screen.getByRole("button", { name: "Nuevo perfil" }));
    await user.type(await screen.findByRole("textbox", { name: "Nombre" }), "Producción");
    await user.keyboard("{Control>}1{/Control}");
    // Still on Perfiles, with the typed name, until the user agrees.
    expect(await screen.findByText("¿Descartar los cambios?")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Seguir editando" }));
    expect(screen.getByRole("textbox", { name: "Nombre" })).toHaveValue("Producción");
    expect(screen.getByRole("heading", { name: "Perfiles" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: /Ligas/ }));
    await user.click(await screen.findByRole("button", { name: "Descartar" }));
    expect(await screen.findByRole("heading", { name: "Ligas de pago" })).toBeInTheDocument();
  });

  it("shows the app info answered by the app_info command", async () => {
    const user = userEvent.setup();
    await renderApp();
    await user.click(screen.getByRole("button", { name: /Ajustes/ }));
    expect(await screen.findByTestId("app-data-dir")).toHaveTextContent("/tmp/mostrador-data");
    expect(screen.getByTestId("app-version")).toHaveTextContent("0.1.0");
  });

  it("switches to English through set_locale and keeps the choice in i18n", async () => {
    const user = userEvent.setup();
    const calls: unknown[] = [];
    const i18n = await renderApp((cmd, args) => {
      if (cmd === "set_locale") {
        calls.push(args);
        const saved: Preferences = { locale: "en" };
        return saved;
      }
      return defaults(cmd);
    });
    await user.click(screen.getByRole("button", { name: /Ajustes/ }));
    await user.click(screen.getByText("English"));
    expect(await screen.findByRole("heading", { name: "Settings" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /Links/ })).toBeInTheDocument();
    expect(calls).toEqual([{ locale: "en" }]);
    expect(i18n.language).toBe("en");
  });

  it("translates a command error by its code and shows the code for support", async () => {
    const user = userEvent.setup();
    await renderApp((cmd) => {
      // Tauri rejects with the command's serialised error, a plain object, not an Error.
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      if (cmd === "app_info") throw { code: "app.data_dir", message: "permission denied" };
      return defaults(cmd);
    });
    await user.click(screen.getByRole("button", { name: /Ajustes/ }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("No se pudo preparar la carpeta de datos de Mostrador");
    expect(alert).toHaveTextContent("Código para soporte: app.data_dir");
    expect(alert).not.toHaveTextContent("permission denied");
  });

  it("falls back to the generic message for an unknown code", async () => {
    const user = userEvent.setup();
    await renderApp((cmd) => {
      // Tauri's own rejections (ACL, unknown command) are strings.
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      if (cmd === "app_info") throw "command app_info not allowed by ACL";
      return defaults(cmd);
    });
    await user.click(screen.getByRole("button", { name: /Ajustes/ }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Mostrador no respondió a la ventana");
    expect(alert).toHaveTextContent("ipc.failed");
  });
});
