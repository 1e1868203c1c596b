import { emit } from "@tauri-apps/api/event";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import type { Draft, MerchantSummary } from "../bindings";
import { useBackendEvents } from "../app/backendEvents";
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

type Backend = Partial<Record<string, (args: Record<string, unknown>) => unknown>>;

async function renderScreen(backend: Backend) {
  const answers: Backend = {
    merchants_overview: () => [elena, bajio],
    list_drafts: () => [],
    validate_field: () => null,
    ...backend,
  };
  mockIPC(
    (cmd, args) => {
      const answer = answers[cmd];
      if (!answer) throw new Error(`unexpected command ${cmd}`);
      return answer((args ?? {}) as Record<string, unknown>);
    },
    { shouldMockEvents: true },
  );
  const i18n = await createI18n("es-MX");
  render(
    <Providers i18n={i18n}>
      <ListeningScreen />
    </Providers>,
  );
}

/** The screen as the app shows it: with the backend's events heard. */
function ListeningScreen() {
  useBackendEvents();
  return <MerchantsScreen onOpenLinks={() => undefined} />;
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

  it("says a count is not synced yet, syncs it at once and then shows it", async () => {
    let synced = false;
    const syncedFor: unknown[] = [];
    await renderScreen({
      merchants_overview: () => [elena, { ...bajio, links: synced ? 24 : null }],
      sync_links: async ({ merchantId }) => {
        syncedFor.push(merchantId);
        synced = true;
        // As the backend does: the finished sync is announced.
        await emit("backend-event", {
          kind: "syncFinished",
          profileId: "sandbox",
          resource: `links/${String(merchantId)}`,
          merchantId,
          errorCode: null,
        });
        return { report: { fetched: 24, removed: 0, syncedAt: 0 }, reconciled: 0, sent: 0 };
      },
    });
    const counts = () => screen.getAllByTestId("merchant-links").map((cell) => cell.textContent);
    await screen.findAllByTestId("merchant-row");
    await waitFor(() => {
      expect(counts()).toEqual(["36", "24"]);
    });
    expect(syncedFor).toEqual(["61235"]);
  });

  it("keeps showing 'not synced', never 0, when the first sync fails", async () => {
    await renderScreen({
      merchants_overview: () => [{ ...bajio, links: null }],
      sync_links: () =>
        Promise.reject(Object.assign(new Error("off"), { code: "billpocket.network_unreachable" })),
    });
    const cell = await screen.findByTestId("merchant-links");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(cell).toHaveTextContent("sin sincronizar");
  });

  it("puts focus back on the row after closing the merchant's detail", async () => {
    const user = userEvent.setup();
    await renderScreen({});
    const [, row] = await screen.findAllByTestId("merchant-row");
    row?.focus();
    await user.keyboard("{Enter}");
    const detail = await screen.findByRole("dialog");
    expect(detail).toHaveTextContent("Muebles del Bajío");
    await user.keyboard("{Escape}");
    await waitFor(() => {
      expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    });
    await waitFor(() => {
      expect(row).toHaveFocus();
    });
  });

  it("shows the registered estado, municipio and actividad by their catalogue names", async () => {
    const user = userEvent.setup();
    const registered: MerchantSummary = {
      links: 3,
      merchant: {
        ...elena.merchant,
        registration: JSON.stringify({
          personType: "fisica",
          state: "09",
          municipality: "015",
          commercialActivity: "01",
          street: "Calle Durango",
          exteriorNumber: "45",
        }),
      },
    };
    const catalogues: Record<string, { id: string; name: string }[]> = {
      states: [{ id: "09", name: "Ciudad de México" }],
      municipalities: [{ id: "015", name: "Cuauhtémoc" }],
      commercialActivities: [{ id: "01", name: "Abarrotes" }],
    };
    await renderScreen({
      merchants_overview: () => [registered],
      merchant_catalogue: ({ name }) => ({
        items: catalogues[(name as { kind: string }).kind] ?? [],
        fetchedAt: 0,
        stale: false,
      }),
    });
    await user.click(await screen.findByTestId("merchant-row"));
    const detail = await screen.findByRole("dialog");
    expect(await within(detail).findByText("Ciudad de México")).toBeInTheDocument();
    expect(await within(detail).findByText("Cuauhtémoc")).toBeInTheDocument();
    expect(await within(detail).findByText("Abarrotes")).toBeInTheDocument();
    expect(within(detail).getByText("Estado")).toBeInTheDocument();
    expect(within(detail).getByText("Municipio o alcaldía")).toBeInTheDocument();
    expect(within(detail).getByText("Actividad comercial")).toBeInTheDocument();
    expect(within(detail).getByText("Calle Durango 45")).toBeInTheDocument();
  });

  it("says a merchant was already connected when the connect changed nothing", async () => {
    const user = userEvent.setup();
    await renderScreen({
      connect_merchant: () => ({ merchant: bajio.merchant, alreadyConnected: true }),
    });
    await user.click(await screen.findByTestId("merchant-connect"));
    await user.type(screen.getByTestId("connect-email"), "muebles@example.mx");
    await user.type(screen.getByTestId("connect-secret"), "secreta");
    await user.click(screen.getByTestId("connect-submit"));
    expect(
      await screen.findByText(
        "Este comercio ya estaba conectado: Muebles del Bajío. No cambió nada.",
      ),
    ).toBeInTheDocument();
    // The detail opens with focus inside it, so Esc closes it.
    const detail = await screen.findByTestId("merchant-detail");
    await user.keyboard("{Escape}");
    await waitFor(() => {
      expect(detail).not.toBeInTheDocument();
    });
  });

  it("saves no draft for a person type alone, and one once something is typed", async () => {
    const user = userEvent.setup();
    const saved: string[] = [];
    await renderScreen({
      merchant_catalogue: () => ({ items: [], fetchedAt: 0, stale: false }),
      save_draft: ({ body }) => {
        saved.push(String(body));
        return { ...draft, body: String(body) };
      },
    });
    await user.click(await screen.findByTestId("merchant-register"));
    const form = await screen.findByRole("dialog");
    await user.click(within(form).getByRole("radio", { name: "Persona moral" }));
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(saved).toEqual([]);
    await user.type(within(form).getByTestId("merchant-legalName"), "M");
    await waitFor(() => {
      expect(saved).toHaveLength(1);
    });
    expect(saved.map((body) => JSON.parse(body) as unknown)).toMatchObject([
      { personType: "moral", legalName: "M" },
    ]);
  });

  it("offers a retry when a catalogue cannot be loaded", async () => {
    const user = userEvent.setup();
    let calls = 0;
    await renderScreen({
      merchant_catalogue: () => {
        calls += 1;
        return calls <= 2
          ? Promise.reject(
              Object.assign(new Error("off"), { code: "billpocket.network_unreachable" }),
            )
          : { items: [{ id: "01", name: "Abarrotes" }], fetchedAt: 0, stale: false };
      },
    });
    await user.click(await screen.findByTestId("merchant-register"));
    const form = await screen.findByRole("dialog");
    await user.click(within(form).getByRole("radio", { name: "Persona física" }));
    const retry = await within(form).findByTestId("merchant-commercialActivity-retry", undefined, {
      timeout: 5000,
    });
    await user.click(retry);
    await waitFor(() => {
      expect(
        within(form).queryByTestId("merchant-commercialActivity-retry"),
      ).not.toBeInTheDocument();
    });
  });

  it("discards drafts older than 30 days after asking", async () => {
    const user = userEvent.setup();
    const old: Draft = {
      ...draft,
      id: "old",
      title: "Vieja",
      updatedAt: draft.updatedAt - 40 * 86_400,
    };
    let drafts = [draft, old];
    const asked: unknown[] = [];
    await renderScreen({
      list_drafts: () => drafts,
      discard_old_drafts: (args) => {
        asked.push(args);
        drafts = [draft];
        return 1;
      },
    });
    await user.click(await screen.findByTestId("merchant-drafts-discard-old"));
    expect(await screen.findByText("¿Descartar 1 borrador?")).toBeInTheDocument();
    await user.click(screen.getByTestId("merchant-drafts-discard-old-confirm"));
    await waitFor(() => {
      expect(screen.getAllByTestId("merchant-draft")).toHaveLength(1);
    });
    expect(asked).toEqual([{ kind: "merchant", olderThanDays: 30 }]);
    expect(screen.queryByTestId("merchant-drafts-discard-old")).not.toBeInTheDocument();
  });
});
