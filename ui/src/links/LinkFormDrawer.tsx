import {
  Button,
  Chip,
  Drawer,
  Group,
  NumberInput,
  Stack,
  Switch,
  Text,
  Textarea,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { commands, type LinkForm, type Merchant, type WriteOutcome } from "../bindings";
import { ErrorNotice } from "../components/ErrorNotice";
import { useErrorMessage } from "../components/useErrorMessage";
import { ValidatedField } from "../forms/ValidatedField";
import { call, CommandError } from "../ipc";
import { INSTALLMENT_TERMS, newWriteKey } from "./linkForm";

export type FormMode =
  { kind: "create" | "clone"; form: LinkForm } | { kind: "edit"; linkId: string; form: LinkForm };

type FieldErrors = Partial<Record<keyof LinkForm, string>>;

/**
 * Create, edit or clone a link. Each opening has one idempotency key: a double click or a second
 * Enter while the first submit runs is the same write, never a second link.
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
  const { t } = useTranslation("links");
  const errorMessage = useErrorMessage();
  const client = useQueryClient();
  const [form, setForm] = useState<LinkForm>(mode.form);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const key = useRef(newWriteKey());

  const submit = useMutation({
    mutationFn: (value: LinkForm) =>
      call(
        commands.submitLinkWrite(
          key.current,
          mode.kind === "edit"
            ? { op: "update", merchantId: merchant.id, linkId: mode.linkId, link: value }
            : { op: "create", merchantId: merchant.id, link: value },
        ),
      ),
    onSuccess: (outcome) => {
      void client.invalidateQueries({ queryKey: ["links"] });
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

  function update<K extends keyof LinkForm>(field: K, value: LinkForm[K]) {
    setForm((current) => ({ ...current, [field]: value }));
    setFieldErrors((current) => ({ ...current, [field]: undefined }));
  }

  function onSubmit(event: { preventDefault: () => void }) {
    event.preventDefault();
    if (submit.isPending) return;
    submit.mutate(form);
  }

  const generalError =
    submit.error && !(submit.error instanceof CommandError && submit.error.field)
      ? submit.error
      : null;
  const prefix = `${merchant.domain ?? ""}/${merchant.mainLink ?? ""}/`;

  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="md"
      title={t(`form.title.${mode.kind}`)}
      data-testid="link-form"
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <ValidatedField
            kind="linkAmount"
            label={t("form.amount")}
            placeholder="1,250.50"
            value={form.amount}
            onValueChange={(value) => {
              update("amount", value);
            }}
            error={fieldErrors.amount}
            leftSection={<Text size="sm">$</Text>}
            testId="link-amount"
          />
          <Textarea
            label={t("form.description")}
            placeholder={t("form.descriptionPlaceholder")}
            value={form.description}
            maxLength={250}
            autosize
            minRows={2}
            error={fieldErrors.description}
            description={t("form.descriptionCount", { count: form.description.length })}
            onChange={(event) => {
              update("description", event.currentTarget.value);
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
            onValueChange={(value) => {
              update("slug", value);
            }}
            error={fieldErrors.slug}
            testId="link-slug"
          />
          <ValidatedField
            kind="expiryDate"
            optional
            type="datetime-local"
            label={t("form.expiresAt")}
            description={t("form.expiresHint")}
            value={form.expiresAt}
            onValueChange={(value) => {
              update("expiresAt", value);
            }}
            error={fieldErrors.expiresAt}
            testId="link-expires"
          />
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
            allowDecimal={false}
            value={form.linkType}
            error={fieldErrors.linkType}
            onChange={(value) => {
              update("linkType", typeof value === "number" ? value : Number(value) || 0);
            }}
          />
          {generalError && <ErrorNotice error={generalError} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("form.cancel")}
            </Button>
            <Button type="submit" loading={submit.isPending} data-testid="link-submit">
              {t(`form.submit.${mode.kind}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}
