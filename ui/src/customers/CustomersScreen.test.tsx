import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import type { Customer, CustomerQuery, CustomerRecord, RecordChange } from "../bindings";
import { Providers } from "../app/Providers";
import { nowSeconds } from "../format/time";
import { createI18n } from "../i18n";
import { customerRow, failure } from "../test/fixtures";
import { CustomersScreen } from "./CustomersScreen";

// The IPC is mocked (jsdom has no Tauri backend); the end-to-end suite drives the real one.
const DAY = 86_400;

function rows(): Customer[] {
  const now = nowSeconds();
  return [
    // An hour past the day, so the screen's clock (read a moment earlier) still says 3 days.
    customerRow({ id: "188", createdAt: now - 3 * DAY - 3_600 }),
    customerRow({
      provider: "undostres",
      id: "42",
      firstName: "Ramón",
      lastName: "Ortega",
      email: "ramon@example.mx",
      idType: "RFC",
      idNumber: "OERR800101AB1",
      country: "MEX",
      kycStatus: "valid",
      kycLevel: 2,
      kycUrl: null,
      createdAt: now - 10 * DAY,
    }),
  ];
}

async function renderScreen(answers: Record<string, (args: Record<string, unknown>) => unknown>) {
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: args as Record<string, unknown> });
    const answer = answers[cmd];
    if (!answer) throw new Error(`unexpected command ${cmd}`);
    return answer(args as Record<string, unknown>);
  });
  const i18n = await createI18n("es-MX");
  render(
    <Providers i18n={i18n}>
      <CustomersScreen />
    </Providers>,
  );
  return calls;
}

const synced = {
  customers_sync_state: () => ({
    cryptopocket: {
      resource: "customers/cryptopocket",
      syncedAt: nowSeconds() - 120,
      attemptedAt: nowSeconds() - 120,
      lastErrorCode: null,
    },
    undostres: null,
  }),
  sync_customers: () => ({ fetched: 2, written: 0, syncedAt: nowSeconds() }),
  customer_writes: () => [],
  undostres_writes: () => [],
};

describe("Customers screen", () => {
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, "clientHeight", "get").mockReturnValue(640);
    vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(1000);
  });

  it("lists both providers oldest pending first, marks a case past the target, and filters", async () => {
    const user = userEvent.setup();
    const calls = await renderScreen({
      ...synced,
      search_customers: () => ({ items: rows(), next: null, previous: null }),
    });
    const table = await screen.findByRole("grid", { name: "Clientes" });
    expect(within(table).getByText("Sofía López")).toBeInTheDocument();
    expect(within(table).getByText("CryptoPocket")).toBeInTheDocument();
    expect(within(table).getByText("UnDosTres")).toBeInTheDocument();
    expect(within(table).getByText("Nivel 2")).toBeInTheDocument();
    expect(within(table).getByText("Activa")).toBeInTheDocument();
    expect(within(table).getByText("Pendiente hace 3 días")).toBeInTheDocument();
    // Past the 2-day target: said with an icon's label, not only a colour.
    expect(within(table).getByLabelText("Pasó la meta")).toBeInTheDocument();
    const first = calls.find((c) => c.cmd === "search_customers")?.args.query as CustomerQuery;
    expect(first.sort).toBe("oldestPending");

    await user.click(screen.getByText("Pasaron la meta (2 días)"));
    await waitFor(() => {
      const last = calls.filter((c) => c.cmd === "search_customers").at(-1)?.args
        .query as CustomerQuery;
      expect(last.pendingSinceBefore).toBeLessThanOrEqual(nowSeconds() - 2 * DAY);
    });
    expect(screen.getByRole("button", { name: /Quitar filtros \(1\)/ })).toBeInTheDocument();
    // Both providers answered their last call: no offline line for either.
    expect(screen.queryByTestId("customers-offline")).not.toBeInTheDocument();
    expect(screen.queryByTestId("undostres-offline")).not.toBeInTheDocument();
  });

  it("says when UnDosTres was unreachable at its last call, apart from CryptoPocket's list", async () => {
    await renderScreen({
      ...synced,
      customers_sync_state: () => ({
        ...synced.customers_sync_state(),
        undostres: {
          resource: "customers/undostres",
          syncedAt: null,
          attemptedAt: nowSeconds() - 300,
          lastErrorCode: "undostres.network_unreachable",
        },
      }),
      search_customers: () => ({ items: rows(), next: null, previous: null }),
    });
    const notice = await screen.findByTestId("undostres-offline");
    expect(notice).toHaveTextContent("Sin conexión con UnDosTres");
    expect(notice).toHaveTextContent("muestran el último nivel revisado");
    expect(notice).toHaveTextContent("undostres.network_unreachable");
    // CryptoPocket's list answered: its line is the plain sync line, not a banner.
    expect(screen.queryByTestId("customers-offline")).not.toBeInTheDocument();
  });

  it("measures the pending age against the target set in Ajustes", async () => {
    await renderScreen({
      ...synced,
      search_customers: () => ({ items: rows(), next: null, previous: null }),
      get_preferences: () => ({
        locale: "es-MX",
        activeProfileId: null,
        kyc: { targetDays: 5, notifications: true },
      }),
    });
    expect(await screen.findByText("Pasaron la meta (5 días)")).toBeInTheDocument();
    const table = screen.getByRole("grid", { name: "Clientes" });
    expect(within(table).getByText("Pendiente hace 3 días")).toBeInTheDocument();
    expect(within(table).queryByLabelText("Pasó la meta")).not.toBeInTheDocument();
  });

  it("shows a customer's page: link lifetime, timeline, and a tag or note refused on its field", async () => {
    const user = userEvent.setup();
    const now = nowSeconds();
    const company = customerRow({
      id: "221",
      kind: "company",
      companyName: "Tortillería San Miguel",
      kycStatus: "unused",
      kycUrl: "https://kyb.sandbox.cryptopocket.test/221",
      createdAt: now - 85 * DAY,
    });
    let record: CustomerRecord = {
      customer: company,
      tags: [],
      timeline: [
        { kind: "created", at: company.createdAt },
        { kind: "status", at: now - DAY, from: null, to: "unused", level: null, source: "sync" },
      ],
    };
    const changes: RecordChange[] = [];
    await renderScreen({
      ...synced,
      search_customers: () => ({ items: [company], next: null, previous: null }),
      customer_record: () => record,
      change_customer_record: (args) => {
        const change = args.change as RecordChange;
        changes.push(change);
        if (change.op === "addNote" && change.text.trim() === "")
          throw failure("customer_note.empty", "note");
        if (change.op === "addTag")
          record = {
            ...record,
            tags: [change.tag],
            timeline: [...record.timeline, { kind: "tagAdded", at: now, tag: change.tag }],
          };
        return record;
      },
    });
    await user.click(await screen.findByText("Tortillería San Miguel"));
    const drawer = await screen.findByRole("dialog");
    expect(await within(drawer).findByText(/La liga vence en 5 días/)).toBeVisible();
    expect(within(drawer).getByText("Alta en CryptoPocket")).toBeInTheDocument();
    expect(within(drawer).getByText("Visto por primera vez: Sin iniciar")).toBeInTheDocument();

    await user.type(within(drawer).getByLabelText("Nueva etiqueta"), "llamar{Enter}");
    expect(await within(drawer).findByText("Etiqueta agregada: llamar")).toBeInTheDocument();
    expect(changes).toContainEqual({ op: "addTag", tag: "llamar" });

    await user.click(within(drawer).getByRole("button", { name: "Guardar nota" }));
    expect(await within(drawer).findByText("Escribe la nota antes de guardarla.")).toBeVisible();
  });
  it("exports the view, and gives the focus back to where the registration form was opened", async () => {
    const user = userEvent.setup();
    const calls = await renderScreen({
      ...synced,
      search_customers: () => ({ items: rows(), next: null, previous: null }),
      export_customers_csv: () => ({ path: "/tmp/clientes-2026-12-03.csv", rows: 2 }),
      identification_types: () => [],
    });
    await screen.findByRole("grid", { name: "Clientes" });
    await user.click(screen.getByRole("button", { name: "Exportar CSV" }));
    expect(
      await screen.findByText("2 clientes exportados a /tmp/clientes-2026-12-03.csv"),
    ).toBeInTheDocument();
    const exported = calls.find((c) => c.cmd === "export_customers_csv");
    expect((exported?.args.query as CustomerQuery).sort).toBe("oldestPending");

    const register = screen.getByRole("button", { name: "Registrar cliente" });
    await user.click(register);
    expect(await screen.findByRole("dialog")).toBeInTheDocument();
    await user.keyboard("{Escape}");
    await waitFor(() => {
      expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    });
    expect(register).toHaveFocus();
  });

  it("Actualizar syncs the list and asks again for the unsettled cases of the view", async () => {
    const user = userEvent.setup();
    const calls = await renderScreen({
      ...synced,
      search_customers: () => ({ items: rows(), next: null, previous: null }),
      refresh_customers: () => ({ checked: 1, changed: 1, failed: 0, paused: [] }),
    });
    await screen.findByRole("grid", { name: "Clientes" });
    await user.click(screen.getByText("Pasaron la meta (2 días)"));
    // The filtered view is listed (after the search box's debounce) before "Actualizar".
    await waitFor(() => {
      const last = calls.filter((c) => c.cmd === "search_customers").at(-1)?.args
        .query as CustomerQuery;
      expect(last.pendingSinceBefore).not.toBeNull();
    });
    const syncsBefore = calls.filter((c) => c.cmd === "sync_customers").length;
    const searchesBefore = calls.filter((c) => c.cmd === "search_customers").length;
    expect(calls.some((c) => c.cmd === "refresh_customers")).toBe(false);

    await user.click(screen.getByTestId("customers-sync"));
    await waitFor(() => {
      expect(calls.filter((c) => c.cmd === "refresh_customers")).toHaveLength(1);
    });
    const refreshed = calls.find((c) => c.cmd === "refresh_customers")?.args.query as CustomerQuery;
    // The view's own query: the filter the agent set travels with it.
    expect(refreshed.pendingSinceBefore).toBeLessThanOrEqual(nowSeconds() - 2 * DAY);
    expect(calls.filter((c) => c.cmd === "sync_customers").length).toBe(syncsBefore + 1);
    // Once done, the view is read again.
    await waitFor(() => {
      expect(calls.filter((c) => c.cmd === "search_customers").length).toBeGreaterThan(
        searchesBefore,
      );
    });
  });

  it("lists the registrations not yet confirmed by either provider, and retries one", async () => {
    const user = userEvent.setup();
    const calls = await renderScreen({
      ...synced,
      search_customers: () => ({ items: rows(), next: null, previous: null }),
      customer_writes: () => [
        {
          seq: 7,
          kind: "createPerson",
          subject: "ana@correo.mx",
          customerId: null,
          state: "pending",
          lastErrorCode: "cryptopocket.network_unreachable",
          differences: [],
          createdAt: nowSeconds(),
          updatedAt: nowSeconds(),
        },
      ],
      undostres_writes: () => [
        {
          seq: 9,
          state: "uncertain",
          code: "undostres.network_timeout",
          differences: [],
          accountType: 3,
          name: "Tortillería Sol",
          email: "sol@tortilleria.mx",
          rfc: "TSO991022PB6",
          creditLine: "$100,000.00",
          createdAt: nowSeconds(),
          customerId: null,
        },
      ],
      retry_undostres_write: () => ({ status: "submitted", outcome: {} }),
    });
    expect(await screen.findByText("2 registros sin confirmar")).toBeInTheDocument();
    await user.click(screen.getByTestId("pending-toggle"));
    const [queued, checking] = await screen.findAllByTestId("pending-write");
    if (!queued || !checking) throw new Error("two pending lines expected");
    expect(queued).toHaveTextContent("Registrar persona · ana@correo.mx");
    expect(queued).toHaveTextContent("En cola: se enviará cuando CryptoPocket responda.");
    expect(checking).toHaveTextContent(
      "Crear cuenta UnDosTres · Tortillería Sol · sol@tortilleria.mx",
    );
    expect(checking).toHaveTextContent("Verificando con UnDosTres si se aplicó…");

    await user.click(within(checking).getByRole("button", { name: "Verificar" }));
    await waitFor(() => {
      expect(calls.find((c) => c.cmd === "retry_undostres_write")?.args.seq).toBe(9);
    });
    expect(calls.some((c) => c.cmd === "retry_customer_write")).toBe(false);
  });
});
