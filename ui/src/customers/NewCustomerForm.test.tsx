import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import type { AccountForm_Deserialize as AccountForm, Draft, FieldContext } from "../bindings";
import { Providers } from "../app/Providers";
import { createI18n } from "../i18n";
import { customerWriteDone } from "../test/fixtures";
import { NewCustomerForm } from "./NewCustomerForm";

// The IPC is mocked (jsdom has no Tauri backend); the end-to-end suite drives the real one.
type Answers = Record<string, (args: Record<string, unknown>) => unknown>;

/** No drafts kept, and every save answered as stored. */
const noDrafts: Answers = {
  list_drafts: () => [],
  save_draft: (args) => stored(args),
};

const stored = (args: Record<string, unknown>): Draft => ({
  id: args.id as string,
  kind: args.kind as string,
  title: args.title as string,
  body: args.body as string,
  createdAt: 1,
  updatedAt: 1,
});

async function renderForm(answers: Answers) {
  mockIPC((cmd, args) => {
    const answer = { ...noDrafts, ...answers }[cmd];
    if (!answer) throw new Error(`unexpected command ${cmd}`);
    return answer(args as Record<string, unknown>);
  });
  const i18n = await createI18n("es-MX");
  return render(
    <Providers i18n={i18n}>
      <NewCustomerForm onClose={() => undefined} onDone={() => undefined} />
    </Providers>,
  );
}

const valid = (args: Record<string, unknown>) => ({
  value: args.value,
  issues: [],
  detail: null,
});

describe("New customer form", () => {
  it("offers only the chosen country's identification types, checked with that context", async () => {
    const user = userEvent.setup();
    const contexts: FieldContext[] = [];
    await renderForm({
      identification_types: (args) =>
        args.country === "CHL" ? [{ value: "RUT", label: "RUT" }] : [],
      validate_field: (args) => {
        contexts.push(args.context as FieldContext);
        return valid(args);
      },
    });
    const drawer = await screen.findByRole("dialog");
    expect(within(drawer).getByTestId("customer-idType")).toBeDisabled();
    await user.click(within(drawer).getByTestId("customer-country"));
    await user.click(await screen.findByText("Chile"));
    const idType = within(drawer).getByTestId("customer-idType");
    await waitFor(() => {
      expect(idType).not.toBeDisabled();
    });
    await user.click(idType);
    await user.click(await screen.findByText("RUT"));
    expect(idType).toHaveValue("RUT");
    // Only Chile's type was offered: Mexico's are not in the list.
    expect(screen.queryByText("CURP")).not.toBeInTheDocument();
    // Checked at the keystroke, with the country and the type.
    await user.type(within(drawer).getByTestId("customer-idNumber"), "1");
    await waitFor(() => {
      expect(contexts).toContainEqual({ country: "CHL", idType: "RUT" });
    });
  });

  it("hides a person's fields for a business and puts a refusal on its field", async () => {
    const user = userEvent.setup();
    const sent: AccountForm[] = [];
    await renderForm({
      validate_field: valid,
      create_undostres_account: (args) => {
        sent.push(args.form as AccountForm);
        return { status: "refused", issues: [{ field: "rfc", code: "rfc.length" }] };
      },
    });
    const drawer = await screen.findByRole("dialog");
    await user.click(within(drawer).getByText("Cuenta UnDosTres"));
    expect(within(drawer).getByTestId("account-curp")).toBeInTheDocument();
    await user.click(within(drawer).getByText("Empresa"));
    expect(within(drawer).queryByTestId("account-curp")).not.toBeInTheDocument();
    expect(within(drawer).queryByTestId("account-middleName")).not.toBeInTheDocument();
    await user.type(within(drawer).getByTestId("account-rfc"), "ABC");
    await user.click(within(drawer).getByRole("button", { name: "Registrar" }));
    await waitFor(() => {
      expect(sent).toHaveLength(1);
    });
    expect(sent[0]?.accountType).toBe("business");
    // The refusal is on the RFC field, the one the account gets wrong.
    await waitFor(() => {
      expect(within(drawer).getByTestId("account-rfc")).toHaveAttribute("aria-invalid", "true");
    });
    expect(within(drawer).getByTestId("account-email")).not.toHaveAttribute("aria-invalid", "true");
  });

  it("keeps what is typed as a draft without the password, resumes it and forgets it once registered", async () => {
    const user = userEvent.setup();
    const saved: Draft[] = [];
    const discarded: string[] = [];
    const first = await renderForm({
      validate_field: valid,
      save_draft: (args) => {
        const draft = stored(args);
        saved.push(draft);
        return draft;
      },
    });
    let drawer = await screen.findByRole("dialog");
    await user.click(within(drawer).getByText("Empresa (CryptoPocket)"));
    await user.type(within(drawer).getByTestId("customer-companyName"), "Panadería Lupita");
    await user.click(within(drawer).getByText("Persona (CryptoPocket)"));
    await user.type(within(drawer).getByTestId("customer-firstName"), "Camila");
    await user.type(within(drawer).getByTestId("customer-password"), "s3creta-Larga");
    await waitFor(() => {
      expect(saved.some((d) => d.kind === "customer.person" && d.body.includes("Camila"))).toBe(
        true,
      );
    });
    expect(saved.some((d) => d.kind === "customer.company" && d.title === "Panadería Lupita")).toBe(
      true,
    );
    expect(within(drawer).getByTestId("customer-draft-status")).toHaveTextContent(
      "Borrador guardado",
    );
    // The password is in no draft: the form object never holds it.
    for (const draft of saved) expect(draft.body).not.toContain("s3creta");
    first.unmount();

    // Opened again (after a restart, the drafts come from the database): both forms are back,
    // on the form typed in last.
    const newest = (kind: string) => saved.filter((d) => d.kind === kind).at(-1);
    await renderForm({
      validate_field: valid,
      list_drafts: (args) => {
        const draft = newest(args.kind as string);
        return draft ? [{ ...draft, updatedAt: draft.kind === "customer.person" ? 20 : 10 }] : [];
      },
      discard_draft: (args) => {
        discarded.push(args.id as string);
        return true;
      },
      create_cryptopocket_company: () => customerWriteDone("createCompany", "kyb@lupita.mx", "900"),
    });
    drawer = await screen.findByRole("dialog");
    expect(within(drawer).getByTestId("customer-firstName")).toHaveValue("Camila");
    expect(within(drawer).getByTestId("customer-password")).toHaveValue("");
    await user.click(within(drawer).getByText("Empresa (CryptoPocket)"));
    expect(within(drawer).getByTestId("customer-companyName")).toHaveValue("Panadería Lupita");
    await user.type(within(drawer).getByTestId("customer-email"), "kyb@lupita.mx");
    await user.click(within(drawer).getByRole("button", { name: "Registrar" }));
    // Registered: the company's draft goes, the person's stays.
    await waitFor(() => {
      expect(discarded).toEqual([newest("customer.company")?.id]);
    });
  }, 20_000);
});
