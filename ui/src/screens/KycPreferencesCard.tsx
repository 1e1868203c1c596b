import { Card, Loader, NumberInput, Stack, Switch, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { usePreferences, useSetKycPreferences } from "../app/queries";
import { ErrorNotice } from "../components/ErrorNotice";
import { useErrorMessage } from "../components/useErrorMessage";
import { CommandError } from "../ipc";

/**
 * Ajustes → KYC: the age past which a pending case is marked and notified (once), and whether
 * the desktop is told when a case settles or passes it. Each change is saved at once; the
 * target when the field is left.
 */
export function KycPreferencesCard() {
  const { t } = useTranslation();
  const preferences = usePreferences();
  const save = useSetKycPreferences();
  const message = useErrorMessage();
  const kyc = preferences.data?.kyc;
  // What is typed until it is saved; the saved target otherwise.
  const [draft, setDraft] = useState<string | number | undefined>(undefined);
  const daysError =
    save.error instanceof CommandError && save.error.field === "targetDays"
      ? message(save.error).text
      : undefined;

  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Text fw={600}>{t("settings.kyc.title")}</Text>
        <Text size="sm" c="dimmed">
          {t("settings.kyc.description")}
        </Text>
        {preferences.isPending && <Loader size="sm" aria-label={t("app.loading")} />}
        {preferences.isError && <ErrorNotice error={preferences.error} />}
        {kyc && (
          <>
            <NumberInput
              label={t("settings.kyc.targetDays")}
              description={t("settings.kyc.targetDaysHint")}
              data-testid="kyc-target-days"
              maw={360}
              min={1}
              max={90}
              // The service says what is wrong with an out-of-range target, on this field.
              clampBehavior="none"
              allowDecimal={false}
              allowNegative={false}
              value={draft ?? kyc.targetDays}
              onChange={setDraft}
              error={daysError}
              onBlur={() => {
                if (draft === undefined) return;
                const typed = typeof draft === "number" ? draft : Number.parseInt(draft, 10);
                if (typed === kyc.targetDays) {
                  setDraft(undefined);
                  return;
                }
                save.mutate(
                  { ...kyc, targetDays: Number.isNaN(typed) ? 0 : typed },
                  {
                    onSuccess: () => {
                      setDraft(undefined);
                    },
                  },
                );
              }}
            />
            <Switch
              data-testid="kyc-notifications"
              label={t("settings.kyc.notifications")}
              description={t("settings.kyc.notificationsHint")}
              checked={kyc.notifications}
              disabled={save.isPending}
              onChange={(event) => {
                save.mutate({ ...kyc, notifications: event.currentTarget.checked });
              }}
            />
          </>
        )}
        {save.isError && daysError === undefined && <ErrorNotice error={save.error} />}
      </Stack>
    </Card>
  );
}
