import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { Providers } from "../app/Providers";
import { createI18n } from "../i18n";
import { ProfileForm } from "./ProfileForm";

// IPC mocked: jsdom has no backend. The rejections are the shapes `create_profile` sends.
async function renderForm(reject: { code: string; message: string; field?: string }) {
  const sent: unknown[] = [];
  mockIPC((cmd, args) => {
    if (cmd !== "create_profile") return null;
    sent.push(args);
    // Tauri rejects with the command's serialised error, a plain object, not an Error.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    return Promise.reject(reject);
  });
  const closed = vi.fn();
  render(
    <Providers i18n={await createI18n("es-MX")}>
      <ProfileForm profile={null} onClose={closed} />
    </Providers>,
  );
  return { sent, closed };
}

describe("ProfileForm", () => {
  it("puts a refused URL's message on the URL field and keeps the dialog open", async () => {
    const user = userEvent.setup();
    const { sent, closed } = await renderForm({
      code: "profile.url_invalid",
      message: "invalid profile field billpocketBaseUrl",
      field: "billpocketBaseUrl",
    });
    await user.type(screen.getByTestId("profile-name"), "Lupita");
    await user.type(screen.getByTestId("profile-billpocketBaseUrl"), "http://api.mx");
    await user.click(screen.getByTestId("profile-save"));
    const url = screen.getByTestId("profile-billpocketBaseUrl");
    expect(await screen.findByText(/empiece con https:\/\//)).toBeInTheDocument();
    expect(url).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("profile-name")).not.toHaveAttribute("aria-invalid", "true");
    expect(sent).toEqual([
      {
        input: {
          name: "Lupita",
          environment: "test",
          billpocketBaseUrl: "http://api.mx",
          cryptopocketBaseUrl: "",
          undostresBaseUrl: "",
        },
      },
    ]);
    expect(closed).not.toHaveBeenCalled();
  });

  it("says a duplicate name is taken, on the name field", async () => {
    const user = userEvent.setup();
    await renderForm({ code: "store.conflict", message: "UNIQUE", field: "name" });
    await user.type(screen.getByTestId("profile-name"), "Lupita");
    await user.click(screen.getByTestId("profile-save"));
    expect(await screen.findByText("Ya tienes un perfil con ese nombre.")).toBeInTheDocument();
  });

  it("shows an error without a field as a notice with its code", async () => {
    const user = userEvent.setup();
    await renderForm({ code: "store.busy", message: "database is locked" });
    await user.type(screen.getByTestId("profile-name"), "Lupita");
    await user.click(screen.getByTestId("profile-save"));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("La base de datos local está ocupada");
    expect(alert).toHaveTextContent("store.busy");
  });
});
