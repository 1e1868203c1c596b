import {
  Button,
  Group,
  PasswordInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useCallback, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import type {
  AccountForm_Deserialize as AccountForm,
  CompanyForm_Deserialize as CompanyForm,
  Country,
  CustomerWriteAnswer_Serialize as CustomerWriteAnswer,
  Draft,
  ErrorCode,
  FieldIssue,
  FieldKind,
  IdType,
  OutboxState,
  PersonForm_Deserialize as PersonForm,
  Provider,
} from "../bindings";
import { useErrorMessage } from "../components/useErrorMessage";
import { issueMessages } from "../forms/codeMessage";
import { FormDrawer } from "../forms/FormDrawer";
import { useDiscardGuard } from "../forms/useDiscardGuard";
import { useDraftAutosave } from "../forms/useDraftAutosave";
import { ValidatedField } from "../forms/ValidatedField";
import { CommandError } from "../ipc";
import { newWriteKey } from "../links/linkForm";
import { COUNTRIES } from "./kyc";
import {
  useCreateAccount,
  useCreateCompany,
  useCreatePerson,
  useCustomerDrafts,
  useDiscardCustomerDraft,
  useIdTypes,
  useSaveCustomerDraft,
} from "./queries";

export type FormKind = "person" | "company" | "account";
type Issues = Partial<Record<string, string>>;

const EMPTY_PERSON: PersonForm = {};
const EMPTY_COMPANY: CompanyForm = {};
const EMPTY_ACCOUNT: AccountForm = {
  accountType: "female",
  email: "",
  firstName: "",
  lastName: "",
  mobile: "",
  rfc: "",
  kycLevel: 1,
  creditLine: "",
};

/** The person form's text fields after the identification, in order, with their validator. */
const PERSON_FIELDS: { name: keyof PersonForm; kind?: FieldKind; optional?: boolean }[] = [
  { name: "firstName", kind: "personName" },
  { name: "lastName", kind: "personName" },
  { name: "secondLastName", kind: "personName", optional: true },
  { name: "email", kind: "email" },
  { name: "phone", kind: "phoneInternational" },
  { name: "birthDate" },
  { name: "address" },
  { name: "city" },
  { name: "state" },
  { name: "postalCode" },
  { name: "profession" },
  { name: "iban", optional: true },
  { name: "callbackUrl", optional: true },
];

/** Where a created customer is, for its page to open. */
export type Created = { provider: Provider; id: string };

type Forms = { person: PersonForm; company: CompanyForm; account: AccountForm };
const EMPTY: Forms = { person: EMPTY_PERSON, company: EMPTY_COMPANY, account: EMPTY_ACCOUNT };
const KINDS = ["person", "company", "account"] as const satisfies readonly FormKind[];

/** Whether a form holds something typed (a choice left as it opened is not worth a draft). */
function worthKeeping(kind: FormKind, form: Forms[FormKind]): boolean {
  const empty = EMPTY[kind] as Record<string, unknown>;
  return Object.entries(form).some(
    ([name, value]) => typeof value === "string" && value.trim() !== "" && value !== empty[name],
  );
}

/** What a drafts list shows of a form: the name or company typed, else the e-mail. */
function draftTitle(kind: FormKind, forms: Forms): string {
  const name =
    kind === "company"
      ? (forms.company.companyName ?? "")
      : [forms[kind].firstName, forms[kind].lastName].filter(Boolean).join(" ");
  return name.trim() || (forms[kind].email ?? "");
}

/** A stored draft's form over the empty one (a draft from an older build may lack fields). */
function fromDraft<K extends FormKind>(kind: K, draft: Draft | undefined): Forms[K] {
  if (!draft) return EMPTY[kind];
  try {
    return { ...EMPTY[kind], ...(JSON.parse(draft.body) as Partial<Forms[K]>) };
  } catch {
    return EMPTY[kind];
  }
}

/**
 * Registering a customer: a CryptoPocket person (country first, then only that country's
 * identification types, the number checked at each keystroke), a CryptoPocket company, or an
 * UnDosTres account (a business hides the CURP and the extra names). One submit per form
 * opening reaches the provider; a refused field is said on that field. What is typed in each
 * form is kept as a draft (never the password) and comes back when the form opens again, after
 * a restart too, until the customer is registered.
 */
export function NewCustomerForm(props: {
  onClose: () => void;
  onDone: (created: Created | null) => void;
}) {
  const drafts = useCustomerDrafts();
  // Unreadable drafts are no reason to keep the agent from registering: the form opens empty.
  if (drafts.isPending) return null;
  return (
    <CustomerForm {...props} drafts={drafts.data ?? { person: [], company: [], account: [] }} />
  );
}

function CustomerForm({
  drafts,
  onClose,
  onDone,
}: {
  drafts: Record<FormKind, Draft[]>;
  onClose: () => void;
  onDone: (created: Created | null) => void;
}) {
  const { t, i18n } = useTranslation("customers");
  const errorMessage = useErrorMessage();
  // The newest draft of each form is resumed; the form last typed in is shown first.
  const [resumed] = useState(() => ({
    person: drafts.person[0],
    company: drafts.company[0],
    account: drafts.account[0],
  }));
  const [opened] = useState<Forms>(() => ({
    person: fromDraft("person", resumed.person),
    company: fromDraft("company", resumed.company),
    account: fromDraft("account", resumed.account),
  }));
  const [kind, setKind] = useState<FormKind>(
    () =>
      KINDS.map((k) => [k, resumed[k]?.updatedAt ?? -1] as const).reduce((newest, next) =>
        next[1] > newest[1] ? next : newest,
      )[0],
  );
  const [forms, setForms] = useState<Forms>(opened);
  const [password, setPassword] = useState("");
  const [issues, setIssues] = useState<Issues>({});
  const key = useRef(newWriteKey());
  // Chosen when the form opens, so saves that overlap can only ever write the same draft.
  const [draftIds] = useState(() => ({
    person: resumed.person?.id ?? crypto.randomUUID(),
    company: resumed.company?.id ?? crypto.randomUUID(),
    account: resumed.account?.id ?? crypto.randomUUID(),
  }));
  const [saved, setSaved] = useState<Partial<Record<FormKind, boolean>>>(() => ({
    person: resumed.person !== undefined,
    company: resumed.company !== undefined,
    account: resumed.account !== undefined,
  }));
  const { mutate: saveDraft } = useSaveCustomerDraft({
    onSuccess: (_draft, { form }) => {
      setSaved((current) => ({ ...current, [form]: true }));
    },
  });
  const { mutateAsync: discardDraft } = useDiscardCustomerDraft();
  // Once a customer is registered (or queued), a save still waiting must not bring back its
  // draft.
  const finished = useRef(false);
  const save = useCallback(
    (current: Forms) => {
      if (finished.current) return;
      for (const form of KINDS)
        if (current[form] !== opened[form] && worthKeeping(form, current[form]))
          saveDraft({
            id: draftIds[form],
            form,
            title: draftTitle(form, current),
            body: current[form],
          });
    },
    [draftIds, opened, saveDraft],
  );
  useDraftAutosave(forms, alwaysWorth, save);

  const dirty = password !== "" || JSON.stringify(forms) !== JSON.stringify(opened);
  const guard = useDiscardGuard(dirty, onClose, {
    title: t("form.closeGuard.title"),
    body: t("form.closeGuard.body"),
    confirm: t("form.closeGuard.confirm"),
  });

  function refused(list: FieldIssue[]) {
    key.current = newWriteKey();
    setIssues(issueMessages(t, (k) => i18n.exists(k), list));
  }
  function failed(error: Error) {
    key.current = newWriteKey();
    const { text } = errorMessage(error);
    if (error instanceof CommandError && error.field) setIssues({ [error.field]: text });
    else notifications.show({ color: "red", message: text });
  }
  /** The registered (or queued) form's draft has served its purpose. */
  async function forget(form: FormKind) {
    finished.current = true;
    // Also when no save was answered yet: one may still be on its way.
    await discardDraft(draftIds[form]);
  }
  /** Says how the write ended; a created customer's page opens. */
  async function settled(state: OutboxState, created: Created | null, code: ErrorCode | null) {
    if (state === "done") {
      await forget(kind);
      notifications.show({ color: "green", message: t("form.created") });
      onDone(created);
    } else if (state === "pending") {
      // Queued: the outbox keeps the request and sends it; a draft would register it twice.
      await forget(kind);
      notifications.show({ color: "yellow", message: t("form.queued") });
      onDone(null);
    } else if (state === "failed" && code !== null) {
      failed(new CommandError({ code, message: "" }));
    } else {
      notifications.show({ color: "orange", message: t("form.uncertain") });
      onDone(null);
    }
  }

  /** What CryptoPocket answered a person or a company. */
  const cryptopocketAnswer = {
    onSuccess: async (answer: CustomerWriteAnswer) => {
      if (answer.status === "refused") {
        refused(answer.issues);
        return;
      }
      const { write, customer } = answer.outcome;
      await settled(
        write.state,
        customer && { provider: "cryptopocket", id: customer.id },
        write.lastErrorCode,
      );
    },
    onError: failed,
  };
  const createPerson = useCreatePerson(cryptopocketAnswer);
  const createCompany = useCreateCompany(cryptopocketAnswer);
  const createAccount = useCreateAccount({
    onSuccess: async (answer) => {
      if (answer.status === "refused") {
        refused(answer.issues);
        return;
      }
      const { write, account: view } = answer.outcome;
      notifications.show({ message: t("form.creditLineShown", { amount: write.creditLine }) });
      await settled(
        write.state,
        view && { provider: "undostres", id: view.account.customer.id },
        write.code,
      );
    },
    onError: failed,
  });
  const pending = createPerson.isPending || createCompany.isPending || createAccount.isPending;

  function submit() {
    if (pending) return;
    setIssues({});
    if (kind === "person")
      createPerson.mutate({
        key: key.current,
        form: forms.person,
        password: password === "" ? null : password,
      });
    else if (kind === "company") createCompany.mutate({ key: key.current, form: forms.company });
    else createAccount.mutate({ key: key.current, form: forms.account });
  }

  const label = (name: string, optional = false) =>
    // Field names are the forms' own; their labels live in `form.fields`.
    `${t(`form.fields.${name}` as "form.fields.email")}${optional ? ` ${t("form.optional")}` : ""}`;
  const clear = (name: string) => {
    setIssues((current) => ({ ...current, [name]: undefined }));
  };
  function change<K extends FormKind>(form: K, patch: Partial<Forms[K]>) {
    setForms((current) => ({ ...current, [form]: { ...current[form], ...patch } }));
    for (const name of Object.keys(patch)) clear(name);
  }

  return (
    <FormDrawer title={t("form.title")} testId="customer-form" guard={guard} onSubmit={submit}>
      <Stack gap="md">
        <SegmentedControl
          data={KINDS.map((value) => ({ value, label: t(`form.kind.${value}`) }))}
          value={kind}
          onChange={(value) => {
            setKind(value);
            setIssues({});
          }}
          data-testid="customer-form-kind"
        />
        <Text size="xs" c="dimmed" aria-live="polite" data-testid="customer-draft-status">
          {saved[kind] === true ? t("form.draftSaved") : t("form.draftHint")}
        </Text>
        {kind === "person" && (
          <PersonFields
            form={forms.person}
            onChange={(patch) => {
              change("person", patch);
            }}
            issues={issues}
            label={label}
            password={password}
            onPassword={setPassword}
          />
        )}
        {kind === "company" && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <ValidatedField
              kind="email"
              label={label("email")}
              value={forms.company.email ?? ""}
              error={issues.email}
              testId="customer-email"
              autoFocus
              onValueChange={(email) => {
                change("company", { email });
              }}
            />
            <TextInput
              label={label("companyName")}
              value={forms.company.companyName ?? ""}
              error={issues.companyName}
              data-testid="customer-companyName"
              onChange={(event) => {
                change("company", { companyName: event.currentTarget.value });
              }}
            />
          </SimpleGrid>
        )}
        {kind === "account" && (
          <AccountFields
            form={forms.account}
            onChange={(patch) => {
              change("account", patch);
            }}
            issues={issues}
            label={label}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={guard.requestClose}>
            {t("form.cancel")}
          </Button>
          <Button type="submit" loading={pending} data-testid="customer-submit">
            {t("form.submit")}
          </Button>
        </Group>
      </Stack>
    </FormDrawer>
  );
}

/** The autosave's own test is per form (`worthKeeping`, inside `save`). */
const alwaysWorth = () => true;

type Label = (name: string, optional?: boolean) => string;

function PersonFields({
  form,
  onChange,
  issues,
  label,
  password,
  onPassword,
}: {
  form: PersonForm;
  onChange: (patch: Partial<PersonForm>) => void;
  issues: Issues;
  label: Label;
  password: string;
  onPassword: (password: string) => void;
}) {
  const { t } = useTranslation("customers");
  const country = (form.country ?? null) as Country | null;
  const idTypes = useIdTypes(country);
  const idType = (form.idType ?? null) as IdType | null;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Select
          label={label("country")}
          data={COUNTRIES.map((code) => ({ value: code, label: t(`countries.${code}`) }))}
          value={country}
          error={issues.country}
          data-autofocus
          onChange={(value) => {
            // Another country takes other identification types: the chosen one goes.
            onChange({ country: value ?? "", idType: "", idNumber: "" });
          }}
          data-testid="customer-country"
        />
        <Select
          label={label("idType")}
          placeholder={country === null ? t("form.chooseCountry") : undefined}
          disabled={country === null}
          data={(idTypes.data ?? []).map((choice) => ({
            value: choice.value,
            label:
              choice.label === choice.value ? choice.value : `${choice.label} (${choice.value})`,
          }))}
          value={idType}
          error={issues.idType}
          onChange={(value) => {
            onChange({ idType: value ?? "", idNumber: "" });
          }}
          data-testid="customer-idType"
        />
        <ValidatedField
          kind="identificationNumber"
          label={label("idNumber")}
          context={{ country, idType }}
          value={form.idNumber ?? ""}
          error={issues.idNumber}
          eager
          testId="customer-idNumber"
          onValueChange={(idNumber) => {
            onChange({ idNumber });
          }}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {PERSON_FIELDS.map(({ name, kind, optional }) =>
          kind ? (
            <ValidatedField
              key={name}
              kind={kind}
              label={label(name, optional)}
              optional={optional}
              value={form[name] ?? ""}
              error={issues[name]}
              testId={`customer-${name}`}
              onValueChange={(value) => {
                onChange({ [name]: value });
              }}
            />
          ) : (
            <TextInput
              key={name}
              label={label(name, optional)}
              type={name === "birthDate" ? "date" : undefined}
              value={form[name] ?? ""}
              error={issues[name]}
              data-testid={`customer-${name}`}
              onChange={(event) => {
                onChange({ [name]: event.currentTarget.value });
              }}
            />
          ),
        )}
        <PasswordInput
          label={label("password", true)}
          value={password}
          error={issues.password}
          autoComplete="new-password"
          onChange={(event) => {
            onPassword(event.currentTarget.value);
          }}
          data-testid="customer-password"
        />
      </SimpleGrid>
    </Stack>
  );
}

function AccountFields({
  form,
  onChange,
  issues,
  label,
}: {
  form: AccountForm;
  onChange: (patch: Partial<AccountForm>) => void;
  issues: Issues;
  label: Label;
}) {
  const { t } = useTranslation("customers");
  const business = form.accountType === "business";
  const text = (name: "firstName" | "middleName" | "lastName" | "secondLastName" | "email") => (
    <ValidatedField
      key={name}
      kind={name === "email" ? "email" : "personName"}
      label={label(name, name === "middleName" || name === "secondLastName")}
      optional={name === "middleName" || name === "secondLastName"}
      value={form[name] ?? ""}
      error={issues[name]}
      testId={`account-${name}`}
      onValueChange={(value) => {
        onChange({ [name]: value });
      }}
    />
  );
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={label("accountType")}
        data={(["female", "male", "business"] as const).map((value) => ({
          value,
          label: t(`form.gender.${value}`),
        }))}
        value={form.accountType}
        onChange={(value) => {
          const accountType = value;
          // A business has no CURP nor extra names: what was typed for a person goes.
          onChange(
            accountType === "business"
              ? { accountType, curp: "", middleName: "", secondLastName: "", rfc: "" }
              : { accountType },
          );
        }}
        data-testid="account-type"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {text("firstName")}
        {!business && text("middleName")}
        {text("lastName")}
        {!business && text("secondLastName")}
        {text("email")}
        <ValidatedField
          kind="phoneMx"
          label={label("mobile")}
          value={form.mobile}
          error={issues.mobile}
          testId="account-mobile"
          onValueChange={(mobile) => {
            onChange({ mobile });
          }}
        />
        <ValidatedField
          key={business ? "rfc-moral" : "rfc-fisica"}
          kind="rfc"
          label={label("rfc")}
          context={{ personType: business ? "moral" : "fisica" }}
          value={form.rfc}
          error={issues.rfc}
          testId="account-rfc"
          onValueChange={(rfc) => {
            onChange({ rfc });
          }}
        />
        {!business && (
          <ValidatedField
            kind="curp"
            label={label("curp", true)}
            optional
            value={form.curp ?? ""}
            error={issues.curp}
            testId="account-curp"
            onValueChange={(curp) => {
              onChange({ curp });
            }}
          />
        )}
        <Select
          label={label("kycLevel")}
          data={["1", "2", "3"]}
          value={String(form.kycLevel)}
          allowDeselect={false}
          error={issues.kycLevel}
          onChange={(value) => {
            onChange({ kycLevel: Number(value ?? "1") });
          }}
          data-testid="account-kycLevel"
        />
        <ValidatedField
          kind="creditLine"
          label={label("creditLine")}
          value={form.creditLine}
          error={issues.creditLine}
          testId="account-creditLine"
          onValueChange={(creditLine) => {
            onChange({ creditLine });
          }}
        />
      </SimpleGrid>
    </Stack>
  );
}
