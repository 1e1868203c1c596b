import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import type { Draft, MerchantSummary } from "../bindings";
import { Providers } from "../app/Providers";
import { createI18n } from "../i18n";
import { MerchantsScreen } from "./MerchantsScreen";

// The IPC is mocked (jsdom has no Tauri backend); the end-to-end suite drives the real one.
const elena: MerchantSummary = {
  links: 36,
  merchant: {
    id: "61234",
    name: "Elena González Durán",
    email: "elena@example.mx",
    rfc: "GODE561231GR8",
    mainLink: "laesquina",
    domain: "https://test.pay.billpocket.com",
    createdAt: 0,
    updatedAt: 0,
    syncedAt: 0,
    personType: "F",
    clabe: null,
    bank: null,
    registration: null,
  },
};
const bajio: MerchantSummary = {
  links: 0,
  merchant: {
    ...elena.merchant,
    id: "61235",
    name: "Muebles del Bajío",
    rfc: "MAB9307148T4",
    personType: "M",
  },
};
const draft: Draft = {
  id: "d1",
  kind: "merchant",
  title: "Iván Castañeda",
  body: "{}",
  createdAt: 0,
  updatedAt: Math.floor(Date.now() / 1000),
};

type Backend = Partial<Record<string, () => unknown>>;

async function renderScreen(backend: Backend) {
  const answers: Backend = {
    merchants_overview: () => [elena, bajio],
    list_drafts: () => [],
    validate_field: () => null,
    ...backend,
  };
  mockIPC((cmd) => {
    const answer = answers[cmd];
    if (!answer) throw new Error(`unexpected command ${cmd}`);
    return answer();
  });
  const i18n = await createI18n("es-MX");
  render(
    <Providers i18n={i18n}>
      <MerchantsScreen onOpenLinks={() => undefined} />
    </Providers>,
  );
}

describe("Merchants screen", () => {
  it("lists merchants with their type and link count, and filters them", async () => {
    const user = userEvent.setup();
    await renderScreen({});
    const rows = await screen.findAllByTestId("merchant-row");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("Elena González Durán");
    expect(rows[0]).toHaveTextContent("Persona física");
    expect(rows[0]).toHaveTextContent("36");
    await user.type(screen.getByTestId("merchants-search"), "MAB93");
    expect(screen.getAllByTestId("merchant-row")).toHaveLength(1);
    expect(screen.getByTestId("merchant-row")).toHaveTextContent("Muebles del Bajío");
  });

  it("has a designed empty state and shows drafts to resume", async () => {
    await renderScreen({ merchants_overview: () => [], list_drafts: () => [draft] });
    expect(await screen.findByText("Aún no hay comercios")).toBeInTheDocument();
    const drafts = await screen.findByTestId("merchant-drafts");
    expect(drafts).toHaveTextContent("Borradores: 1");
    expect(within(drafts).getByText(/Iván Castañeda/)).toBeInTheDocument();
  });

  it("explains a failure to read the cache, with a retry", async () => {
    await renderScreen({
      merchants_overview: () =>
        Promise.reject(Object.assign(new Error("io"), { code: "store.io" })),
    });
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("No se pudo leer o escribir la base de datos local");
    expect(within(alert).getByRole("button", { name: "Reintentar" })).toBeInTheDocument();
  });

  it("says when a catalogue is the saved copy because Billpocket could not be reached", async () => {
    const user = userEvent.setup();
    await renderScreen({
      merchant_catalogue: () => ({
        items: [{ id: "14", name: "Jalisco" }],
        fetchedAt: 0,
        stale: true,
      }),
      save_draft: () => null,
    });
    await user.click(await screen.findByTestId("merchant-register"));
    const form = await screen.findByRole("dialog");
    await user.click(within(form).getByRole("radio", { name: "Persona física" }));
    const stale = await within(form).findAllByText("Catálogo guardado; no se pudo actualizar.");
    // Actividad and Estado read catalogues; municipios wait for a state.
    expect(stale.length).toBeGreaterThanOrEqual(2);
  });
});
