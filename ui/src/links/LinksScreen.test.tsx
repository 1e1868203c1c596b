import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import type { LinkRow, LinksStatus, PendingWrite } from "../bindings";
import { Providers } from "../app/Providers";
import { nowSeconds } from "../format/time";
import { createI18n } from "../i18n";
import { doneWrite, failure, linkRow, sandboxMerchant as merchant } from "../test/fixtures";
import { LinksScreen } from "./LinksScreen";

// The IPC is mocked (jsdom has no Tauri backend); the end-to-end suite drives the real one.
function row(
  id: string,
  description: string,
  amountCentavos: number,
  state: LinkRow["state"],
): LinkRow {
  return linkRow(
    {
      id,
      description,
      amountCentavos,
      secondaryLink: `slug-${id}`,
      customLinkPath: `https://test.pay.billpocket.com/laesquina/slug-${id}`,
      expiredAt: state === "expired" ? nowSeconds() - 86_400 : null,
      months: id === "a" ? [3, 6] : [],
      createdAt: nowSeconds() - 3_600,
      updatedAt: nowSeconds() - 3_600,
      syncedAt: nowSeconds(),
    },
    state,
  );
}

type Backend = Partial<Record<string, (args: Record<string, unknown>) => unknown>>;

async function renderScreen(backend: Backend) {
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  const status: LinksStatus = {
    sync: {
      resource: "links/61234",
      syncedAt: nowSeconds() - 300,
      attemptedAt: nowSeconds() - 300,
      lastErrorCode: null,
    },
    writes: [],
  };
  const answers: Backend = {
    list_merchants: () => [merchant],
    links_status: () => status,
    sync_links: () => ({
      report: { fetched: 0, removed: 0, syncedAt: nowSeconds() },
      reconciled: 0,
      sent: 0,
    }),
    search_links: () => ({ items: [], next: null, previous: null }),
    link_qr: () => ({ size: 21, modules: new Array(441).fill(false) }),
    ...backend,
  };
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: args as Record<string, unknown> });
    const answer = answers[cmd];
    if (!answer) throw new Error(`unexpected command ${cmd}`);
    return answer(args as Record<string, unknown>);
  });
  const i18n = await createI18n("es-MX");
  render(
    <Providers i18n={i18n}>
      <LinksScreen merchantId={null} onMerchantChange={() => undefined} />
    </Providers>,
  );
  return calls;
}

describe("Links screen", () => {
  // jsdom lays nothing out; the virtualised table needs a viewport to decide which rows to draw.
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, "clientHeight", "get").mockReturnValue(640);
    vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(1000);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("shows skeleton rows while the cached list loads", async () => {
    await renderScreen({ search_links: () => new Promise(() => undefined) });
    expect(await screen.findByTestId("links-loading")).toBeInTheDocument();
  });

  it("has a designed empty state and says how old the list is", async () => {
    await renderScreen({});
    expect(await screen.findByText("Aún no tienes ligas de pago")).toBeInTheDocument();
    expect(await screen.findByText("Actualizado hace 5 min")).toBeInTheDocument();
  });

  it("explains a failure to read the cache with a retry", async () => {
    await renderScreen({
      search_links: () => Promise.reject(failure("store.io")),
    });
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("No se pudo leer o escribir la base de datos local");
    expect(within(alert).getByRole("button", { name: "Reintentar" })).toBeInTheDocument();
  });

  it("keeps showing cached links with an offline banner when Billpocket is unreachable", async () => {
    await renderScreen({
      sync_links: () => Promise.reject(failure("billpocket.network_unreachable")),
      links_status: () => ({
        sync: {
          resource: "links/61234",
          syncedAt: nowSeconds() - 2.5 * 3600,
          attemptedAt: nowSeconds(),
          lastErrorCode: "billpocket.network_unreachable",
        },
        writes: [],
      }),
      search_links: () => ({
        items: [
          row("a", "Pastel de chocolate", 125_050, "active"),
          row("b", "Clase de yoga", 80_000, "expired"),
        ],
        next: null,
        previous: null,
      }),
    });
    const banner = await screen.findByTestId("links-offline");
    expect(banner).toHaveTextContent("Sin conexión con Billpocket");
    expect(banner).toHaveTextContent("hace 2 h");
    const rows = await screen.findAllByTestId("link-row");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("Pastel de chocolate");
    expect(rows[0]).toHaveTextContent("$1,250.50");
    expect(rows[0]).toHaveTextContent("3, 6 meses");
    expect(within(rows[1] as HTMLElement).getByTestId("link-state")).toHaveTextContent("Vencida");
  });

  it("lists a create queued offline as a row and in the folded panel, named and labelled alike", async () => {
    const user = userEvent.setup();
    const queued: PendingWrite = {
      seq: 7,
      state: "pending",
      intent: {
        op: "create",
        merchantId: merchant.id,
        link: {
          slug: "pastel",
          amountCentavos: 50_000,
          description: "Pastel para el sábado",
          expiredAt: null,
          linkType: 2,
          months: [],
          isFixedTerm: false,
        },
      },
      attempts: 1,
      lastErrorCode: "billpocket.network_unreachable",
      differences: [],
      linkId: null,
      subject: "Pastel para el sábado",
      createdAt: 0,
      updatedAt: 0,
    };
    const queuedRow: LinkRow = {
      ...row("outbox-7", "Pastel para el sábado", 50_000, "active"),
      write: queued,
    };
    queuedRow.link.customLinkPath = "";
    const calls = await renderScreen({
      links_status: () => ({ sync: null, writes: [queued] }),
      search_links: () => ({
        items: [queuedRow, row("a", "Pastel de chocolate", 1, "active")],
        next: null,
        previous: null,
      }),
      discard_link_write: () => null,
    });
    const [first] = await screen.findAllByTestId("link-row");
    const badge = within(first as HTMLElement).getByTestId("link-state");
    expect(badge).toHaveTextContent("En cola");
    // No URL yet: nothing to copy.
    expect(within(first as HTMLElement).getByTestId("row-copy")).toBeDisabled();

    // Folded to one line; opening the queued row unfolds it.
    const panel = screen.getByTestId("pending-writes");
    expect(panel).toHaveTextContent("1 cambio sin confirmar");
    expect(panel).toHaveTextContent("1 En cola");
    // The folded list may stay mounted (Mantine keeps it in a hidden React <Activity>, rendered
    // in the background when React finds time), so what counts is that nothing is reachable.
    expect(within(panel).queryByRole("button", { name: "Descartar" })).not.toBeInTheDocument();
    await user.click(first as HTMLElement);
    const line = await within(panel).findByTestId("pending-write");
    expect(line).toHaveTextContent("Crear · Pastel para el sábado · $500.00");
    expect(within(line).getByText("En cola")).toBeInTheDocument();
    expect(calls.some((c) => c.cmd === "link_qr")).toBe(false);
    await user.click(within(panel).getByTestId("pending-discard"));
    expect(calls.some((c) => c.cmd === "discard_link_write" && c.args.seq === 7)).toBe(true);
  });

  it("names a pending deactivation by the link's description, not its id", async () => {
    const user = userEvent.setup();
    const write: PendingWrite = {
      seq: 9,
      state: "uncertain",
      intent: { op: "setActive", merchantId: merchant.id, linkId: "lnk_8f2a", active: false },
      attempts: 1,
      lastErrorCode: "billpocket.timeout",
      differences: [],
      linkId: "lnk_8f2a",
      subject: "Clase de yoga",
      createdAt: 0,
      updatedAt: 0,
    };
    await renderScreen({
      links_status: () => ({ sync: null, writes: [write] }),
      search_links: () => ({
        items: [{ ...row("lnk_8f2a", "Clase de yoga", 80_000, "active"), write }],
        next: null,
        previous: null,
      }),
    });
    const [first] = await screen.findAllByTestId("link-row");
    expect(within(first as HTMLElement).getByTestId("link-state")).toHaveTextContent("Verificando");
    await user.click(screen.getByTestId("pending-toggle"));
    const line = await screen.findByTestId("pending-write");
    expect(line).toHaveTextContent("Desactivar · Clase de yoga");
    expect(line).not.toHaveTextContent("lnk_8f2a");
    expect(within(line).getByText("Verificando")).toBeInTheDocument();
  });

  it("gives the keyboard focus back to the row when the drawer closes", async () => {
    const user = userEvent.setup();
    await renderScreen({
      search_links: () => ({
        items: [
          row("a", "Pastel de chocolate", 125_050, "active"),
          row("b", "Clase de yoga", 80_000, "active"),
        ],
        next: null,
        previous: null,
      }),
    });
    await screen.findAllByTestId("link-row");
    const table = screen.getByTestId("links-table");
    table.focus();
    await user.keyboard("{ArrowDown}{Enter}");
    expect(await screen.findByTestId("link-detail")).toBeInTheDocument();
    await user.keyboard("{Escape}");
    await waitFor(() => {
      expect(screen.queryByTestId("link-detail")).not.toBeInTheDocument();
    });
    await waitFor(() => {
      expect(table).toHaveFocus();
    });
    expect(table).toHaveAttribute("aria-activedescendant", "link-row-b");
  });

  it("submits a new link once per form opening, whatever the clicks", async () => {
    const user = userEvent.setup();
    let release: () => void = () => undefined;
    const calls = await renderScreen({
      validate_field: (args) => ({ field: args.kind, value: args.value, issues: [], detail: null }),
      submit_link_write: () =>
        new Promise((resolve) => {
          release = () => {
            resolve(doneWrite);
          };
        }),
    });
    await user.click(await screen.findByTestId("links-new"));
    await user.type(screen.getByTestId("link-amount"), "350");
    await user.type(screen.getByTestId("link-description-input"), "Pastel");
    const submit = screen.getByTestId("link-submit");
    await user.click(submit);
    await user.click(submit);
    await user.keyboard("{Enter}");
    const submits = calls.filter((c) => c.cmd === "submit_link_write");
    expect(submits.length).toBeGreaterThanOrEqual(1);
    expect(new Set(submits.map((c) => c.args.idempotencyKey)).size).toBe(1);
    expect(submits[0]?.args.request).toMatchObject({
      op: "create",
      merchantId: "61234",
      link: { amount: "350", description: "Pastel", installments: [] },
    });
    release();
    expect(await screen.findByText("Liga creada.")).toBeInTheDocument();
  });
});
