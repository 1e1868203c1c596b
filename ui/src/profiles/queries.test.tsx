import { useQuery } from "@tanstack/react-query";
import { invoke } from "@tauri-apps/api/core";
import { mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";

import { Providers } from "../app/Providers";
import { createI18n } from "../i18n";
import { useProfiles, useSwitchProfile } from "./queries";

/** A list that belongs to the active profile, beside the switch between profiles. */
function Probe() {
  const links = useQuery({
    queryKey: ["links", "61234"],
    queryFn: () => invoke<string>("links_of_active"),
  });
  const profiles = useProfiles();
  const use = useSwitchProfile("otro");
  return (
    <>
      <output data-testid="links">{links.data ?? "cargando"}</output>
      <output data-testid="profiles">{profiles.data?.length ?? "…"}</output>
      <button
        onClick={() => {
          use.mutate();
        }}
      >
        usar
      </button>
    </>
  );
}

describe("useSwitchProfile", () => {
  it("drops the old profile's answers instead of showing them while the new ones load", async () => {
    let active = "sandbox";
    let releaseNew: (value: string) => void = () => {};
    mockIPC((cmd) => {
      if (cmd === "switch_profile") {
        active = "otro";
        return null;
      }
      if (cmd === "list_profiles") return [];
      if (cmd === "app_info") return null;
      if (cmd === "links_of_active") {
        if (active === "sandbox") return "ligas del sandbox";
        return new Promise<string>((resolve) => (releaseNew = resolve));
      }
      return null;
    });
    render(
      <Providers i18n={await createI18n("es-MX")}>
        <Probe />
      </Providers>,
    );
    expect(await screen.findByText("ligas del sandbox")).toBeInTheDocument();
    expect(screen.getByTestId("profiles")).toHaveTextContent("0");

    fireEvent.click(screen.getByText("usar"));
    await waitFor(() => {
      expect(screen.getByTestId("links")).toHaveTextContent("cargando");
    });
    // The profiles list is the same from every profile: kept, not reset to loading.
    expect(screen.getByTestId("profiles")).toHaveTextContent("0");

    releaseNew("ligas de otro");
    expect(await screen.findByText("ligas de otro")).toBeInTheDocument();
  });
});
