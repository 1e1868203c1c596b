import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import type { LinkRow } from "../bindings";
import { Providers } from "../app/Providers";
import { createI18n } from "../i18n";
import { linkRow, sandboxMerchant as merchant } from "../test/fixtures";
import { LinkDetail } from "./LinkDetail";

// The IPC is mocked (jsdom has no Tauri backend); the end-to-end suite drives the real one.
type Call = { cmd: string; args: Record<string, unknown> };

/** Renders the drawer for `row`; `show` re-renders it as the list would after a refetch. */
async function renderDetail(
  row: LinkRow,
  answers: Partial<Record<string, (args: Record<string, unknown>) => unknown>> = {},
) {
  const calls: Call[] = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: args as Record<string, unknown> });
    const answer = answers[cmd];
    if (answer) return answer(args as Record<string, unknown>);
    if (cmd === "link_qr") return { size: 21, modules: new Array(441).fill(false) };
    return null;
  });
  const i18n = await createI18n("es-MX");
  const element = (shown: LinkRow) => (
    <Providers i18n={i18n}>
      <LinkDetail
        row={shown}
        merchant={merchant}
        now={0}
        busy={false}
        onClose={() => undefined}
        onEdit={() => undefined}
        onClone={() => undefined}
        onSetActive={() => undefined}
        onDelete={() => Promise.resolve()}
      />
    </Providers>
  );
  const { rerender } = render(element(row));
  return {
    calls,
    show: (next: LinkRow) => {
      rerender(element(next));
    },
  };
}

const message = () => screen.getByTestId<HTMLTextAreaElement>("share-message");
const sent = (calls: Call[], kind: string) =>
  calls
    .filter((c) => c.cmd === "open_share")
    .map((c) => c.args.target as Record<string, unknown>)
    .filter((target) => target.kind === kind);

describe("Link detail", () => {
  it("rebuilds the message, WhatsApp and e-mail texts when the link changes", async () => {
    const user = userEvent.setup();
    const { calls, show } = await renderDetail(linkRow());
    expect(message().value).toContain("$1,234.50");

    show(linkRow({ amountCentavos: 150_000 }));
    expect(message().value).toBe(
      "Hola, te comparto la liga de pago de La Esquina por $1,500.00 (Pastel de boda): " +
        "https://test.pay.billpocket.com/laesquina/boda",
    );
    expect(screen.queryByTestId("share-message-stale")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("share-whatsapp"));
    await user.click(screen.getByTestId("share-email"));
    const [whatsapp] = sent(calls, "whatsapp");
    const [email] = sent(calls, "email");
    expect(whatsapp?.message).toContain("$1,500.00");
    expect(email?.body).toContain("$1,500.00");
    expect(email?.subject).toBe("Liga de pago de La Esquina por $1,500.00");
  });

  it("keeps a message edited by hand and says when the link no longer matches it", async () => {
    const user = userEvent.setup();
    const { calls, show } = await renderDetail(linkRow());
    await user.clear(message());
    await user.type(message(), "Hola Juan, tu pastel: $1,234.50");
    expect(screen.queryByTestId("share-message-stale")).not.toBeInTheDocument();

    show(linkRow({ amountCentavos: 150_000 }));
    expect(message().value).toBe("Hola Juan, tu pastel: $1,234.50");
    expect(screen.getByTestId("share-message-stale")).toHaveTextContent(
      "Cambiaste el mensaje a mano y la liga cambió después",
    );
    await user.click(screen.getByTestId("share-whatsapp"));
    expect(sent(calls, "whatsapp")[0]?.message).toBe("Hola Juan, tu pastel: $1,234.50");

    await user.click(screen.getByTestId("share-message-reset"));
    expect(message().value).toContain("$1,500.00");
    expect(screen.queryByTestId("share-message-stale")).not.toBeInTheDocument();
  });

  it("leaves out the parentheses when the link has no description", async () => {
    await renderDetail(linkRow({ description: "  " }));
    expect(message().value).toBe(
      "Hola, te comparto la liga de pago de La Esquina por $1,234.50: " +
        "https://test.pay.billpocket.com/laesquina/boda",
    );
    expect(message().value).not.toContain("()");
  });

  it.each([
    ["inactive", "Esta liga está inactiva", "Liga copiada, pero está inactiva"],
    ["expired", "Esta liga ya venció", "Liga copiada, pero ya venció"],
  ] as const)(
    "warns, without forbidding, before sharing an %s link",
    async (state, warning, toast) => {
      const user = userEvent.setup();
      const { calls } = await renderDetail(linkRow({}, state));
      expect(screen.getByTestId("detail-not-payable")).toHaveTextContent(warning);
      await user.click(screen.getByTestId("detail-copy"));
      expect(await screen.findByText(new RegExp(toast))).toBeInTheDocument();
      expect(calls.some((c) => c.cmd === "copy_text")).toBe(true);
    },
  );

  it("says nothing of the kind for an active link", async () => {
    const user = userEvent.setup();
    await renderDetail(linkRow());
    expect(screen.queryByTestId("detail-not-payable")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("detail-copy"));
    expect(await screen.findByText("Liga copiada al portapapeles.")).toBeInTheDocument();
  });

  it("shows a WhatsApp number it cannot use on the phone field", async () => {
    const user = userEvent.setup();
    await renderDetail(linkRow(), {
      open_share: () =>
        Promise.reject(
          Object.assign(new Error("share.phone"), { code: "share.phone", field: "phone" }),
        ),
    });
    const phone = screen.getByTestId("share-phone");
    await user.type(phone, "1234");
    await user.click(screen.getByTestId("share-whatsapp"));
    expect(
      await screen.findByText(/Escribe un celular de México a 10 dígitos/),
    ).toBeInTheDocument();
    expect(phone).toHaveAttribute("aria-invalid", "true");
    await user.type(phone, "5");
    expect(phone).not.toHaveAttribute("aria-invalid", "true");
  });
});
