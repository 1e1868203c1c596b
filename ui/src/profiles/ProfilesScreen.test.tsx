import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, within } from "@testing-library/react";

import type { ProfileSummary } from "../bindings";
import { Providers } from "../app/Providers";
import { createI18n } from "../i18n";
import { ProfilesScreen } from "./ProfilesScreen";

const profile = (name: string, url: string, local: boolean): ProfileSummary => ({
  id: name,
  name,
  environment: "test",
  billpocketBaseUrl: url,
  cryptopocketBaseUrl: null,
  undostresBaseUrl: null,
  createdAt: 1,
  updatedAt: 1,
  local,
});

describe("ProfilesScreen", () => {
  it("badges the profiles that point at this machine as Local", async () => {
    mockIPC((cmd) => {
      if (cmd === "list_profiles") {
        return [
          profile("Servidor local", "http://127.0.0.1:8080", true),
          profile("Kushki pruebas", "https://api.example.mx", false),
        ];
      }
      if (cmd === "credential_slots") return [];
      return null;
    });
    render(
      <Providers i18n={await createI18n("es-MX")}>
        <ProfilesScreen />
      </Providers>,
    );
    const local = await screen.findByTestId("profile-Servidor local");
    expect(within(local).getByTestId("profile-local-badge")).toHaveTextContent("Local");
    const remote = screen.getByTestId("profile-Kushki pruebas");
    expect(within(remote).queryByTestId("profile-local-badge")).not.toBeInTheDocument();
  });
});
