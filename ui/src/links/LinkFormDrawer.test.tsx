import { mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import type { LinkForm } from "../bindings";
import { Providers } from "../app/Providers";
import { createI18n } from "../i18n";
import { doneWrite as done, failure, sandboxMerchant as merchant } from "../test/fixtures";
import { EMPTY_FORM } from "./linkForm";
import { LinkFormDrawer, type FormMode } from "./LinkFormDrawer";

// The IPC is mocked (jsdom has no Tauri backend); the end-to-end suite drives the real one.
type Call = { cmd: string; args: Record<string, unknown> };

/** The link form, its commands answered by `answers` (a valid field, a done write otherwise). */
async function renderForm(
  mode: FormMode = { kind: "create", form: EMPTY_FORM },
  answers: Partial<Record<string, (args: Record<string, unknown>) => unknown>> = {},
) {
  const calls: Call[] = [];
  const closed = vi.fn();
  mockIPC((cmd, payload) => {
    const args = payload as Record<string, unknown>;
    calls.push({ cmd, args });
    const answer = answers[cmd];
    if (answer) return answer(args);
    if (cmd === "validate_field")
      return { field: args.kind, value: args.value, issues: [], detail: null };
    if (cmd === "submit_link_write") return done;
    return null;
  });
  const i18n = await createI18n("es-MX");
  render(
    <Providers i18n={i18n}>
      <LinkFormDrawer merchant={merchant} mode={mode} onClose={closed} onDone={() => undefined} />
    </Providers>,
  );
  await screen.findByTestId("link-amount");
  const submitted = () =>
    calls
      .filter((c) => c.cmd === "submit_link_write")
      .map((c) => (c.args.request as { link: LinkForm }).link);
  return { calls, closed, submitted };
}

/** The wrapper of the field whose input has `testId`: label, description, error. */
const fieldOf = (testId: string) =>
  screen.getByTestId(testId).closest<HTMLElement>(".mantine-InputWrapper-root") ?? document.body;

describe("Link form", () => {
  it("says on the field that the amount is required, before sending anything", async () => {
    const user = userEvent.setup();
    const { submitted } = await renderForm();
    expect(screen.getByTestId("link-amount")).toBeRequired();
    await user.type(screen.getByTestId("link-description-input"), "Pastel");
    await user.click(screen.getByTestId("link-submit"));
    expect(
      within(fieldOf("link-amount")).getByText(/Este campo es obligatorio/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Algo salió mal/)).not.toBeInTheDocument();
    expect(submitted()).toEqual([]);
  });

  it("translates a validator's code the service answers on a field", async () => {
    const user = userEvent.setup();
    await renderForm(undefined, {
      submit_link_write: () => Promise.reject(failure("amount.decimals", "amount")),
    });
    await user.type(screen.getByTestId("link-amount"), "10.505{Enter}");
    expect(
      await within(fieldOf("link-amount")).findByText(/El monto admite máximo 2 decimales/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Algo salió mal/)).not.toBeInTheDocument();
  });

  it("counts the description as it is typed and never cuts a long one", async () => {
    const user = userEvent.setup();
    const { submitted } = await renderForm();
    const description = screen.getByTestId<HTMLTextAreaElement>("link-description-input");
    await user.type(description, "Pastel");
    expect(screen.getByTestId("link-description-count")).toHaveTextContent("6 de 250 caracteres");

    await user.clear(description);
    await user.click(description);
    await user.paste("a".repeat(2_000));
    expect(description.value).toHaveLength(2_000);
    expect(screen.getByTestId("link-description-count")).toHaveTextContent(
      "2000 de 250 caracteres",
    );
    expect(
      within(fieldOf("link-description-input")).getByText(
        "Sobran 1750 caracteres: la descripción puede tener hasta 250.",
      ),
    ).toBeInTheDocument();
    await user.type(screen.getByTestId("link-amount"), "99{Enter}");
    expect(submitted()).toEqual([]);

    await user.clear(description);
    await user.type(description, "Pastel");
    await user.click(screen.getByTestId("link-submit"));
    await waitFor(() => {
      expect(submitted()).toHaveLength(1);
    });
  });

  it("shows a typed $ once: the amount field has no prefix of its own", async () => {
    const user = userEvent.setup();
    await renderForm(undefined, {
      validate_field: (args) => ({ field: args.kind, value: "$500.00", issues: [], detail: null }),
    });
    const amount = screen.getByTestId<HTMLInputElement>("link-amount");
    await user.type(amount, "$500");
    await user.tab();
    await waitFor(() => {
      expect(amount.value).toBe("$500.00");
    });
    const shown = fieldOf("link-amount").textContent + amount.value;
    expect(shown.match(/\$/g)).toHaveLength(1);
  });

  it("sends a day picked without a time, which means its end", async () => {
    const user = userEvent.setup();
    const { submitted } = await renderForm();
    await user.type(screen.getByTestId("link-amount"), "350");
    fireEvent.change(screen.getByTestId("link-expires-date"), { target: { value: "2030-12-24" } });
    expect(screen.getByTestId("link-expires-hint")).toHaveTextContent(
      "Vencerá el 24 dic 2030, 23:59.",
    );
    await user.click(screen.getByTestId("link-submit"));
    await waitFor(() => {
      expect(submitted()[0]?.expiresAt).toBe("2030-12-24");
    });
  });

  it("sends the day and time when both are picked, and refuses a time alone", async () => {
    const user = userEvent.setup();
    const { submitted } = await renderForm();
    await user.type(screen.getByTestId("link-amount"), "350");
    fireEvent.change(screen.getByTestId("link-expires-time"), { target: { value: "18:30" } });
    await user.click(screen.getByTestId("link-submit"));
    expect(screen.getByTestId("link-expires-hint")).toHaveTextContent(
      "Elige también el día; la hora sola no basta.",
    );
    expect(submitted()).toEqual([]);
    fireEvent.change(screen.getByTestId("link-expires-date"), { target: { value: "2030-12-24" } });
    await user.click(screen.getByTestId("link-submit"));
    await waitFor(() => {
      expect(submitted()[0]?.expiresAt).toBe("2030-12-24T18:30");
    });
  });

  it("refuses link type 0 on its field instead of turning it into 1", async () => {
    const user = userEvent.setup();
    const { submitted } = await renderForm();
    await user.type(screen.getByTestId("link-amount"), "350");
    const type = screen.getByTestId<HTMLInputElement>("link-type");
    await user.clear(type);
    await user.type(type, "0");
    await user.tab();
    expect(type.value).toBe("0");
    await user.click(screen.getByTestId("link-submit"));
    expect(
      within(fieldOf("link-type")).getByText("El tipo de liga debe ser un número mayor que cero."),
    ).toBeInTheDocument();
    expect(submitted()).toEqual([]);
  });

  it("puts the focus on the amount when it opens", async () => {
    await renderForm();
    await waitFor(() => {
      expect(screen.getByTestId("link-amount")).toHaveFocus();
    });
  });

  it("asks before Esc discards typed input, and closes at once when nothing was typed", async () => {
    const user = userEvent.setup();
    const { closed } = await renderForm();
    await user.keyboard("{Escape}");
    expect(closed).toHaveBeenCalledTimes(1);
    closed.mockClear();

    await user.type(screen.getByTestId("link-amount"), "350");
    await user.keyboard("{Escape}");
    // Visible once the modal has faded in.
    await waitFor(() => {
      expect(screen.getByText("¿Descartar los cambios?")).toBeVisible();
    });
    expect(closed).not.toHaveBeenCalled();
    await user.click(screen.getByRole("button", { name: "Seguir editando" }));
    await waitFor(() => {
      expect(screen.queryByText("¿Descartar los cambios?")).not.toBeInTheDocument();
    });
    expect(screen.getByTestId<HTMLInputElement>("link-amount").value).toBe("350");

    await user.keyboard("{Escape}");
    await user.click(await screen.findByTestId("discard-confirm"));
    expect(closed).toHaveBeenCalledTimes(1);
  });
});
