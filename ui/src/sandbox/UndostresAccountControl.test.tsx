import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { Providers } from "../app/Providers";
import { createI18n } from "../i18n";
import { UndostresAccountControl } from "./UndostresAccountControl";

async function renderControl(handler: (cmd: string, args: unknown) => unknown) {
  mockIPC(handler);
  render(
    <Providers i18n={await createI18n("es-MX")}>
      <UndostresAccountControl />
    </Providers>,
  );
}

describe("UnDosTres account control", () => {
  it("sends the account, level and status, and says what changed", async () => {
    const user = userEvent.setup();
    const calls: unknown[] = [];
    await renderControl((cmd, args) => {
      if (cmd === "sandbox_set_undostres_account") calls.push(args);
      return null;
    });
    const id = screen.getByTestId("sandbox-undostres-id");
    await user.clear(id);
    await user.type(id, "1005");
    await user.click(screen.getByText("3"));
    await user.click(screen.getByText("Suspendida"));
    await user.click(screen.getByTestId("sandbox-undostres-apply"));
    expect(await screen.findByText("Cuenta 1005: nivel 3, Suspendida")).toBeInTheDocument();
    expect(calls).toEqual([{ customerId: 1005, level: 3, suspended: true }]);
  });

  it("shows the double's refusal for an unknown account", async () => {
    const user = userEvent.setup();
    await renderControl((cmd) => {
      if (cmd === "sandbox_set_undostres_account")
        return Promise.reject(
          Object.assign(new Error("sandbox.no_account"), {
            code: "sandbox.no_account",
            field: "customerId",
          }),
        );
      return null;
    });
    await user.click(screen.getByTestId("sandbox-undostres-apply"));
    expect(await screen.findByText(/no tiene una cuenta con ese número/)).toBeInTheDocument();
  });
});
