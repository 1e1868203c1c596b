import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { Providers } from "../app/Providers";
import { createI18n } from "../i18n";
import { sandboxMerchant as merchant } from "../test/fixtures";
import { MainLinkCard } from "./MainLinkCard";

describe("Main link card", () => {
  it("explains a refused slug with the validator's message, not the generic one", async () => {
    const user = userEvent.setup();
    // The command refuses the slug with the validator's code (commands/links.rs).
    mockIPC((cmd) => {
      if (cmd === "submit_link_write")
        return Promise.reject(
          Object.assign(new Error("url_path.characters"), {
            code: "url_path.characters",
            field: "mainLink",
          }),
        );
      return null;
    });
    render(
      <Providers i18n={await createI18n("es-MX")}>
        <MainLinkCard merchant={merchant} />
      </Providers>,
    );
    await user.click(screen.getByTestId("main-link-edit"));
    await user.clear(screen.getByTestId("main-link-input"));
    await user.type(screen.getByTestId("main-link-input"), "la esquiña{Enter}");
    expect(
      await screen.findByText(/Usa solo letras sin acentos, dígitos, guiones y guiones bajos/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Algo salió mal/)).not.toBeInTheDocument();
  });
});
