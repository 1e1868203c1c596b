import {
  Button,
  Drawer,
  Group,
  PasswordInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import type {
  AccountForm_Deserialize as AccountForm,
  CompanyForm_Deserialize as CompanyForm,
  Country,
  CustomerWriteAnswer_Serialize as CustomerWriteAnswer,
  ErrorCode,
  FieldIssue,
  FieldKind,
  IdType,
  OutboxState,
  PersonForm_Deserialize as PersonForm,
  Provider,
} from "../bindings";
import { useErrorMessage } from "../components/useErrorMessage";
import { codeMessage } from "../forms/codeMessage";
import { useDiscardGuard } from "../forms/useDiscardGuard";
import { ValidatedField } from "../forms/ValidatedField";
import { CommandError } from "../ipc";
import { newWriteKey } from "../links/linkForm";
import { COUNTRIES } from "./kyc";
import { useCreateAccount, useCreateCompany, useCreatePerson, useIdTypes } from "./queries";

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

/**
 * Registering a customer: a CryptoPocket person (country first, then only that country's
 * identification types, the number checked at each keystroke), a CryptoPocket company, or an
 * UnDosTres account (a business hides the CURP and the extra names). One submit per form
 * opening reaches the provider; a refused field is said on that field.
 */
export function NewCustomerForm({
  onClose,
  onDone,
}: {
  onClose: () => void;
  onDone: (created: Created | null) => void;
}) {
  const { t, i18n } = useTranslation("customers");
  const errorMessage = useErrorMessage();
  const [kind, setKind] = useState<FormKind>("person");
  const [person, setPerson] = useState<PersonForm>(EMPTY_PERSON);
  const [password, setPassword] = useState("");
  const [company, setCompany] = useState<CompanyForm>(EMPTY_COMPANY);
  const [account, setAccount] = useState<AccountForm>(EMPTY_ACCOUNT);
  const [issues, setIssues] = useState<Issues>({});
  const key = useRef(newWriteKey());
  const dirty =
    password !== "" ||
    JSON.stringify([person, company, account]) !==
      JSON.stringify([EMPTY_PERSON, EMPTY_COMPANY, EMPTY_ACCOUNT]);
  const guard = useDiscardGuard(dirty, onClose, {
    title: t("form.closeGuard.title"),
    body: t("form.closeGuard.body"),
    confirm: t("form.closeGuard.confirm"),
  });

  function refused(list: FieldIssue[]) {
    key.current = newWriteKey();
    const exists = (k: string) => i18n.exists(k);
    const next: Issues = {};
    for (const issue of list) next[issue.field] ??= codeMessage(t, exists, issue.code);
    setIssues(next);
  }
  function failed(error: Error) {
    key.current = newWriteKey();
    const { text } = errorMessage(error);
    if (error instanceof CommandError && error.field) setIssues({ [error.field]: text });
    else notifications.show({ color: "red", message: text });
  }
  /** Says how the write ended; a created customer's page opens. */
  function settled(state: OutboxState, created: Created | null, code: ErrorCode | null) {
    if (state === "done") {
      notifications.show({ color: "green", message: t("form.created") });
      onDone(created);
    } else if (state === "pending") {
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
    onSuccess: (answer: CustomerWriteAnswer) => {
      if (answer.status === "refused") {
        refused(answer.issues);
        return;
      }
      const { write, customer } = answer.outcome;
      settled(
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
    onSuccess: (answer) => {
      if (answer.status === "refused") {
        refused(answer.issues);
        return;
      }
      const { write, account: view } = answer.outcome;
      notifications.show({ message: t("form.creditLineShown", { amount: write.creditLine }) });
      settled(
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
        form: person,
        password: password === "" ? null : password,
      });
    else if (kind === "company") createCompany.mutate({ key: key.current, form: company });
    else createAccount.mutate({ key: key.current, form: account });
  }

  const label = (name: string, optional = false) =>
    // Field names are the forms' own; their labels live in `form.fields`.
    `${t(`form.fields.${name}` as "form.fields.email")}${optional ? ` ${t("form.optional")}` : ""}`;
  const clear = (name: string) => {
    setIssues((current) => ({ ...current, [name]: undefined }));
  };

  return (
    <Drawer
      opened
      onClose={guard.requestClose}
      position="right"
      size="xl"
      title={t("form.title")}
      data-testid="customer-form"
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <SegmentedControl
            data={(["person", "company", "account"] as const).map((value) => ({
              value,
              label: t(`form.kind.${value}`),
            }))}
            value={kind}
            onChange={(value) => {
              setKind(value);
              setIssues({});
            }}
            data-testid="customer-form-kind"
          />
          {kind === "person" && (
            <PersonFields
              form={person}
              onChange={(patch) => {
                setPerson((current) => ({ ...current, ...patch }));
                for (const name of Object.keys(patch)) clear(name);
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
                value={company.email ?? ""}
                error={issues.email}
                testId="customer-email"
                autoFocus
                onValueChange={(email) => {
                  setCompany((current) => ({ ...current, email }));
                  clear("email");
                }}
              />
              <TextInput
                label={label("companyName")}
                value={company.companyName ?? ""}
                error={issues.companyName}
                data-testid="customer-companyName"
                onChange={(event) => {
                  const companyName = event.currentTarget.value;
                  setCompany((current) => ({ ...current, companyName }));
                  clear("companyName");
                }}
              />
            </SimpleGrid>
          )}
          {kind === "account" && (
            <AccountFields
              form={account}
              onChange={(patch) => {
                setAccount((current) => ({ ...current, ...patch }));
                for (const name of Object.keys(patch)) clear(name);
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
      </form>
      {guard.dialog}
    </Drawer>
  );
}

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
