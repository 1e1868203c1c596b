import {
  Alert,
  Button,
  Group,
  PasswordInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconRefresh } from "@tabler/icons-react";
import { useCallback, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import {
  type CatalogueName,
  type Draft,
  type FieldIssue,
  type Merchant,
  type MerchantForm_Serialize as MerchantForm,
  type MxState,
  type PersonKind,
} from "../bindings";
import { ErrorNotice } from "../components/ErrorNotice";
import { issueMessages } from "../forms/codeMessage";
import { FormDrawer } from "../forms/FormDrawer";
import { useDiscardGuard } from "../forms/useDiscardGuard";
import { useDraftAutosave } from "../forms/useDraftAutosave";
import { useRfcCurpCheck } from "../forms/useRfcCurpCheck";
import { ValidatedField } from "../forms/ValidatedField";
import { newWriteKey } from "../links/linkForm";
import { useCatalogue, useDiscardDraft, useRegisterMerchant, useSaveDraft } from "./queries";
import {
  ADDRESS,
  draftTitle,
  EMPTY_REGISTRATION,
  formFromDraft,
  IDENTITY,
  type FieldSpec,
  worthDrafting,
} from "./registration";

type Issues = Partial<Record<string, string>>;

function CatalogueSelect({
  name,
  label,
  value,
  error,
  disabled,
  onChange,
  testId,
}: {
  name: CatalogueName | null;
  label: string;
  value: string;
  error?: string | undefined;
  disabled?: boolean;
  onChange: (value: string) => void;
  testId: string;
}) {
  const { t } = useTranslation("merchants");
  const { t: tCommon } = useTranslation();
  const catalogue = useCatalogue(name);
  const items = catalogue.data?.items ?? [];
  return (
    <Stack gap={4}>
      <Select
        label={label}
        searchable
        data={items.map((item) => ({ value: item.id, label: item.name }))}
        value={value === "" ? null : value}
        onChange={(next) => {
          onChange(next ?? "");
        }}
        disabled={disabled === true || catalogue.isPending}
        nothingFoundMessage={t("form.nothingFound")}
        error={error ?? (catalogue.isError ? t("form.catalogueOffline") : undefined)}
        description={catalogue.data?.stale ? t("form.catalogueStale") : undefined}
        data-testid={testId}
      />
      {catalogue.isError && (
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconRefresh size={14} aria-hidden />}
          loading={catalogue.isFetching}
          onClick={() => void catalogue.refetch()}
          style={{ alignSelf: "flex-start" }}
          data-testid={`${testId}-retry`}
        >
          {tCommon("error.retry")}
        </Button>
      )}
    </Stack>
  );
}

/**
 * Registering a merchant with Billpocket while on the phone with them: every change is saved as
 * a draft once something beyond the person type is typed (never the password), fields are checked as they are typed, and one submit per form
 * opening reaches Billpocket.
 */
export function RegisterForm({
  draft,
  onClose,
  onDone,
}: {
  draft: Draft | null;
  onClose: () => void;
  onDone: (merchant: Merchant | null) => void;
}) {
  const { t, i18n } = useTranslation("merchants");
  const [form, setForm] = useState<MerchantForm>(() =>
    draft ? formFromDraft(draft.body) : EMPTY_REGISTRATION,
  );
  const [opened] = useState(form);
  const [password, setPassword] = useState("");
  const [issues, setIssues] = useState<Issues>({});
  // Chosen when the form opens, so saves that overlap can only ever write the same draft.
  const [draftId] = useState<string>(() => draft?.id ?? crypto.randomUUID());
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const key = useRef(newWriteKey());
  const person: PersonKind | null = form.personType;
  const rfcCurp = useRfcCurpCheck(form, person === "fisica");

  // Every change worth keeping is a draft: closing the app or a crash loses at most the last
  // 400 ms.
  const save = useSaveDraft({
    onSuccess: (stored) => {
      setSavedAt(stored.updatedAt);
    },
  });
  const { mutate: saveDraft } = save;
  const saveForm = useCallback(
    (typed: MerchantForm) => {
      saveDraft({ id: draftId, title: draftTitle(typed), form: typed });
    },
    [saveDraft, draftId],
  );
  useDraftAutosave(form, worthDrafting, saveForm);
  const { mutateAsync: discardDraft } = useDiscardDraft();

  const submit = useRegisterMerchant({
    onSuccess: async (answer) => {
      if (answer.status === "refused") {
        key.current = newWriteKey();
        setIssues(toIssues(answer.issues));
        return;
      }
      // Registered: its draft (resumed, or saved while typing) has served its purpose.
      if (answer.outcome.state === "done" && (draft !== null || savedAt !== null)) {
        await discardDraft(draftId);
      }
      onDone(answer.outcome.merchant ?? null);
    },
    onError: () => {
      key.current = newWriteKey();
    },
  });

  function toIssues(list: FieldIssue[]): Issues {
    return issueMessages(t, (k) => i18n.exists(k), list);
  }

  function set<K extends keyof MerchantForm>(field: K, value: MerchantForm[K]) {
    setForm((current) => ({ ...current, [field]: value }));
    setIssues((current) => ({ ...current, [field]: undefined }));
  }

  function field(spec: FieldSpec) {
    if (spec.only && spec.only !== person) return null;
    const label = t(`fields.${spec.name}`) + (spec.optional ? ` ${t("form.optional")}` : "");
    const cross = rfcCurp(spec.name);
    const common = {
      label,
      value: form[spec.name],
      error: issues[spec.name] ?? cross.error ?? undefined,
      warning: cross.warning,
      testId: `merchant-${spec.name}`,
    };
    return spec.kind ? (
      <ValidatedField
        key={spec.name}
        {...common}
        kind={spec.kind}
        optional={spec.optional}
        type={spec.type}
        context={{
          personType: person,
          state: form.state === "" ? null : (form.state as MxState),
        }}
        onValueChange={(value) => {
          set(spec.name, value);
        }}
      />
    ) : (
      <TextInput
        key={spec.name}
        label={common.label}
        type={spec.type}
        value={common.value}
        error={common.error}
        data-testid={common.testId}
        onChange={(event) => {
          set(spec.name, event.currentTarget.value);
        }}
      />
    );
  }

  // The draft keeps what was typed, never the password: the question says so.
  // A person type alone is not worth a question, as it is not worth a draft.
  const guard = useDiscardGuard(
    password !== "" || (JSON.stringify(form) !== JSON.stringify(opened) && worthDrafting(form)),
    onClose,
    {
      title: t("form.closeGuard.title"),
      body: t("form.closeGuard.body"),
      confirm: t("form.closeGuard.confirm"),
    },
  );

  return (
    <FormDrawer
      title={t("form.title")}
      testId="merchant-form"
      guard={guard}
      onSubmit={() => {
        if (!submit.isPending) submit.mutate({ key: key.current, form, password });
      }}
    >
      <Stack gap="lg">
        <Text size="xs" c="dimmed" data-testid="draft-status" aria-live="polite">
          {savedAt ? t("form.draftSaved") : t("form.draftHint")}
        </Text>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t("fields.personType")}
          </Text>
          <SegmentedControl
            data={[
              { value: "fisica", label: t("person.fisica") },
              { value: "moral", label: t("person.moral") },
            ]}
            value={person ?? ""}
            onChange={(value) => {
              set("personType", value === "moral" ? "moral" : "fisica");
            }}
            data-testid="merchant-personType"
            // The first field takes the focus when the form opens (Ctrl+N).
            attributes={{ input: { "data-autofocus": true } }}
          />
          {issues.personType && (
            <Text size="xs" c="red">
              {issues.personType}
            </Text>
          )}
        </Stack>
        {person && (
          <>
            <Title order={4}>{t("form.identity")}</Title>
            <SimpleGrid cols={2} spacing="md">
              {IDENTITY.map(field)}
              <CatalogueSelect
                name={{ kind: "commercialActivities" }}
                label={t("fields.commercialActivity")}
                value={form.commercialActivity}
                error={issues.commercialActivity}
                onChange={(value) => {
                  set("commercialActivity", value);
                }}
                testId="merchant-commercialActivity"
              />
              {person === "moral" && (
                <CatalogueSelect
                  name={{ kind: "companyTypes" }}
                  label={t("fields.companyType")}
                  value={form.companyType}
                  error={issues.companyType}
                  onChange={(value) => {
                    set("companyType", value);
                  }}
                  testId="merchant-companyType"
                />
              )}
            </SimpleGrid>
            <Title order={4}>{t("form.address")}</Title>
            <SimpleGrid cols={2} spacing="md">
              <CatalogueSelect
                name={{ kind: "states" }}
                label={t("fields.state")}
                value={form.state}
                error={issues.state}
                onChange={(value) => {
                  setForm((current) => ({ ...current, state: value, municipality: "" }));
                }}
                testId="merchant-state"
              />
              <CatalogueSelect
                name={form.state ? { kind: "municipalities", state: form.state } : null}
                label={t("fields.municipality")}
                value={form.municipality}
                error={issues.municipality}
                disabled={form.state === ""}
                onChange={(value) => {
                  set("municipality", value);
                }}
                testId="merchant-municipality"
              />
              {ADDRESS.map(field)}
            </SimpleGrid>
            <Title order={4}>{t("form.account")}</Title>
            <PasswordInput
              label={t("fields.password")}
              description={t("form.passwordHint")}
              value={password}
              error={issues.password}
              onChange={(event) => {
                setPassword(event.currentTarget.value);
                setIssues((current) => ({ ...current, password: undefined }));
              }}
              data-testid="merchant-password"
            />
          </>
        )}
        {issues.form && <Alert color="red">{issues.form}</Alert>}
        {submit.error && <ErrorNotice error={submit.error} />}
        {submit.data?.status === "submitted" && submit.data.outcome.state !== "done" && (
          <Alert color="orange" data-testid="merchant-uncertain">
            {t("form.uncertain")}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={guard.requestClose} data-testid="merchant-form-close">
            {t("form.close")}
          </Button>
          <Button
            type="submit"
            loading={submit.isPending}
            disabled={person === null}
            data-testid="merchant-submit"
          >
            {t("form.submit")}
          </Button>
        </Group>
      </Stack>
    </FormDrawer>
  );
}
