import {
  Button,
  Chip,
  Drawer,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import type { LinkForm, Merchant, WriteOutcome } from "../bindings";
import { ErrorNotice } from "../components/ErrorNotice";
import { useErrorMessage } from "../components/useErrorMessage";
import { useDiscardGuard } from "../forms/useDiscardGuard";
import { ValidatedField } from "../forms/ValidatedField";
import { formatDateTime, nowSeconds, toLocalInput } from "../format/time";
import { CommandError } from "../ipc";
import {
  characterCount,
  DESCRIPTION_MAX,
  expiryMoment,
  formIssues,
  INSTALLMENT_TERMS,
  joinExpiry,
  newWriteKey,
  splitExpiry,
  type ExpiryParts,
  type FormIssue,
} from "./linkForm";
import { useSubmitLinkWrite } from "./queries";

export type FormMode =
  { kind: "create" | "clone"; form: LinkForm } | { kind: "edit"; linkId: string; form: LinkForm };

type FieldErrors = Partial<Record<keyof LinkForm, string>>;

/** `t` for keys only known at run time (issues from `formIssues`). */
type DynamicT = (key: string, values?: Record<string, number>) => string;

/**
 * Create, edit or clone a link. Each opening has one idempotency key: a double click or a second
 * Enter while the first submit runs is the same write, never a second link. What can be told
 * without Rust (a missing amount, a description too long) is told on the field before sending;
 * closing with typed input asks first.
 */
export function LinkFormDrawer({
  merchant,
  mode,
  onClose,
  onDone,
}: {
  merchant: Merchant;
  mode: FormMode;
  onClose: () => void;
  onDone: (outcome: WriteOutcome) => void;
}) {
  const { t, i18n } = useTranslation("links");
  const errorMessage = useErrorMessage();
  const [form, setForm] = useState<LinkForm>(mode.form);
  const [expiry, setExpiry] = useState<ExpiryParts>(() => splitExpiry(mode.form.expiresAt));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  // As typed: an emptied field stays empty (the form holds 0 for it, refused on submit).
  const [linkTypeText, setLinkTypeText] = useState<number | string>(mode.form.linkType);
  const key = useRef(newWriteKey());
  const value: LinkForm = { ...form, expiresAt: joinExpiry(expiry) };
  const dirty = JSON.stringify(value) !== JSON.stringify(mode.form);
  const guard = useDiscardGuard(dirty, onClose);
  // No past day on offer (the service refuses a past expiry anyway).
  const [today] = useState(() => toLocalInput(nowSeconds()).slice(0, 10));

  const message = (issue: FormIssue) => (t as unknown as DynamicT)(issue.key, issue.values);

  const submit = useSubmitLinkWrite({
    onSuccess: (outcome) => {
      onDone(outcome);
    },
    onError: (error) => {
      // Nothing was sent, or Billpocket refused: the next submit is a new write.
      key.current = newWriteKey();
      if (error instanceof CommandError && error.field) {
        setFieldErrors({ [error.field]: errorMessage(error).text });
      }
    },
  });

  function update<K extends keyof LinkForm>(field: K, next: LinkForm[K]) {
    setForm((current) => ({ ...current, [field]: next }));
    setFieldErrors((current) => ({ ...current, [field]: undefined }));
  }

  function updateExpiry(part: Partial<ExpiryParts>) {
    setExpiry((current) => ({ ...current, ...part }));
    setFieldErrors((current) => ({ ...current, expiresAt: undefined }));
  }

  function onSubmit(event: { preventDefault: () => void }) {
    event.preventDefault();
    if (submit.isPending) return;
    const issues = Object.entries(formIssues(value, expiry));
    if (issues.length > 0) {
      setFieldErrors(Object.fromEntries(issues.map(([field, issue]) => [field, message(issue)])));
      return;
    }
    submit.mutate({
      key: key.current,
      request:
        mode.kind === "edit"
          ? { op: "update", merchantId: merchant.id, linkId: mode.linkId, link: value }
          : { op: "create", merchantId: merchant.id, link: value },
    });
  }

  const generalError =
    submit.error && !(submit.error instanceof CommandError && submit.error.field)
      ? submit.error
      : null;
  const prefix = `${merchant.domain ?? ""}/${merchant.mainLink ?? ""}/`;
  const descriptionLength = characterCount(form.description);
  const expiresAt = expiryMoment(expiry);

  return (
    <Drawer
      opened
      onClose={guard.requestClose}
      position="right"
      size="md"
      title={t(`form.title.${mode.kind}`)}
      data-testid="link-form"
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <ValidatedField
            kind="linkAmount"
            required
            autoFocus
            label={t("form.amount")}
            placeholder="$1,250.50"
            value={form.amount}
            onValueChange={(next) => {
              update("amount", next);
            }}
            error={fieldErrors.amount}
            testId="link-amount"
          />
          <Textarea
            label={t("form.description")}
            placeholder={t("form.descriptionPlaceholder")}
            value={form.description}
            autosize
            minRows={2}
            maxRows={8}
            error={fieldErrors.description}
            description={
              <Text
                component="span"
                size="xs"
                c={descriptionLength > DESCRIPTION_MAX ? "red" : "dimmed"}
                data-testid="link-description-count"
              >
                {t("form.descriptionCount", { count: descriptionLength, max: DESCRIPTION_MAX })}
              </Text>
            }
            inputWrapperOrder={["label", "input", "description", "error"]}
            onChange={(event) => {
              const next = event.currentTarget.value;
              update("description", next);
              // Over the limit is said at once (never cut), and goes as soon as it fits.
              const extra = characterCount(next) - DESCRIPTION_MAX;
              if (extra > 0) {
                setFieldErrors((current) => ({
                  ...current,
                  description: message({
                    key: "links:form.descriptionTooLong",
                    values: { count: extra, max: DESCRIPTION_MAX },
                  }),
                }));
              }
            }}
            data-testid="link-description-input"
          />
          <ValidatedField
            kind="urlPath"
            optional
            label={t("form.slug")}
            placeholder={t("form.slugPlaceholder")}
            description={t("form.slugHint", { prefix })}
            value={form.slug}
            onValueChange={(next) => {
              update("slug", next);
            }}
            error={fieldErrors.slug}
            testId="link-slug"
          />
          <Stack gap={4}>
            <SimpleGrid cols={2} spacing="xs">
              <TextInput
                type="date"
                label={t("form.expiresAt")}
                min={today}
                value={expiry.date}
                error={fieldErrors.expiresAt ? true : undefined}
                onChange={(event) => {
                  updateExpiry({ date: event.currentTarget.value });
                }}
                data-testid="link-expires-date"
              />
              <TextInput
                type="time"
                label={t("form.expiresTime")}
                value={expiry.time}
                onChange={(event) => {
                  updateExpiry({ time: event.currentTarget.value });
                }}
                data-testid="link-expires-time"
              />
            </SimpleGrid>
            <Text
              size="xs"
              c={fieldErrors.expiresAt ? "red" : "dimmed"}
              data-testid="link-expires-hint"
            >
              {fieldErrors.expiresAt ??
                (expiresAt !== null
                  ? t("form.expiresOn", { when: formatDateTime(expiresAt, i18n.language) })
                  : t("form.expiresHint"))}
            </Text>
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="msi-label">
              {t("form.installments")}
            </Text>
            <Chip.Group
              multiple
              value={form.installments.map(String)}
              onChange={(values) => {
                update(
                  "installments",
                  values.map(Number).sort((a, b) => a - b),
                );
              }}
            >
              <Group gap="xs" role="group" aria-labelledby="msi-label">
                {INSTALLMENT_TERMS.map((months) => (
                  <Chip key={months} value={String(months)} data-testid={`msi-${String(months)}`}>
                    {t("form.months", { count: months })}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            {fieldErrors.installments && (
              <Text size="xs" c="red">
                {fieldErrors.installments}
              </Text>
            )}
          </Stack>
          <Switch
            label={t("form.fixedTerm")}
            description={t("form.fixedTermHint")}
            checked={form.fixedTerm}
            onChange={(event) => {
              update("fixedTerm", event.currentTarget.checked);
            }}
          />
          <NumberInput
            label={t("form.linkType")}
            description={t("form.linkTypeHint")}
            min={1}
            // A type below 1 is refused on the field, never quietly turned into 1.
            clampBehavior="none"
            allowDecimal={false}
            allowNegative={false}
            value={linkTypeText}
            error={fieldErrors.linkType}
            onChange={(next) => {
              setLinkTypeText(next);
              update("linkType", typeof next === "number" ? next : Number(next) || 0);
            }}
            data-testid="link-type"
          />
          {generalError && <ErrorNotice error={generalError} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={guard.requestClose}>
              {t("form.cancel")}
            </Button>
            <Button type="submit" loading={submit.isPending} data-testid="link-submit">
              {t(`form.submit.${mode.kind}`)}
            </Button>
          </Group>
        </Stack>
      </form>
      {guard.dialog}
    </Drawer>
  );
}
