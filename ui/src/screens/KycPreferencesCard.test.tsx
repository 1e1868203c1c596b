import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import type { KycPreferences } from "../bindings";
import { Providers } from "../app/Providers";
import { createI18n } from "../i18n";
import { KycPreferencesCard } from "./KycPreferencesCard";

/** The card over a backend that keeps the preferences and checks the target like the service. */
async function renderCard() {
  let kyc: KycPreferences = { targetDays: 2, notifications: true };
  const saved: KycPreferences[] = [];
  mockIPC((cmd, args) => {
    const preferences = () => ({ locale: "es-MX", activeProfileId: null, kyc });
    if (cmd === "get_preferences") return preferences();
    if (cmd === "set_kyc_preferences") {
      const asked = (args as { kyc: KycPreferences }).kyc;
      const days = asked.targetDays ?? 2;
      if (days < 1 || days > 90)
        return Promise.reject(
          Object.assign(new Error("preferences.kyc_target_days"), {
            code: "preferences.kyc_target_days",
            field: "targetDays",
          }),
        );
      saved.push(asked);
      kyc = asked;
      return preferences();
    }
    return null;
  });
  render(
    <Providers i18n={await createI18n("es-MX")}>
      <KycPreferencesCard />
    </Providers>,
  );
  return saved;
}

describe("KYC preferences card", () => {
  it("shows the saved target and switch, and saves each change", async () => {
    const user = userEvent.setup();
    const saved = await renderCard();
    const days = await screen.findByTestId("kyc-target-days");
    expect(days).toHaveValue("2");
    const notifications = screen.getByTestId("kyc-notifications");
    expect(notifications).toBeChecked();

    await user.click(notifications);
    await waitFor(() => {
      expect(screen.getByTestId("kyc-notifications")).not.toBeChecked();
    });
    await user.clear(days);
    await user.type(days, "5");
    await user.tab();
    await waitFor(() => {
      expect(saved).toEqual([
        { targetDays: 2, notifications: false },
        { targetDays: 5, notifications: false },
      ]);
    });
  });

  it("marks a target outside 1–90 days on its field in Spanish", async () => {
    const user = userEvent.setup();
    const saved = await renderCard();
    const days = await screen.findByTestId("kyc-target-days");
    await user.clear(days);
    await user.tab();
    expect(
      await screen.findByText("El objetivo de un caso pendiente debe ser de 1 a 90 días."),
    ).toBeInTheDocument();
    expect(saved).toEqual([]);
  });
});
