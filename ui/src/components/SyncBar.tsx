import { Button, Group, Text } from "@mantine/core";
import { IconRefresh } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

import type { SyncState } from "../bindings";
import { syncAge } from "../format/syncAge";
import { CommandError } from "../ipc";
import { isOffline } from "./offline";
import { ProviderAlert } from "./ProviderAlert";
import { useErrorMessage } from "./useErrorMessage";

/**
 * How many rows are listed and how old they are, with the sync button. When the last attempt
 * to reach the provider failed, the same line becomes the banner: offline (the cached list stays
 * usable) or refused (credentials, provider error), each said plainly in two short lines, so the
 * list below keeps its rows. Test ids are `<testIdPrefix>-age`, `-count`, `-sync`, `-offline`.
 */
export function SyncBar({
  sync,
  syncing,
  now,
  count,
  onSync,
  provider,
  offlineHint,
  testIdPrefix,
}: {
  sync: SyncState | null | undefined;
  syncing: boolean;
  now: number;
  /** "36 ligas", on the same line as the age. */
  count: string | null;
  onSync: () => void;
  /** The provider's name, as the user knows it ("Billpocket"). */
  provider: string;
  /** What still works while offline ("Ves las ligas guardadas…"). */
  offlineHint: string;
  testIdPrefix: string;
}) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const failure = sync?.lastErrorCode ?? null;
  const offline = isOffline(failure);
  // The age stays while later syncs run (the button spins): it is the age of what is listed.
  const age =
    syncing && sync?.syncedAt == null
      ? t("sync.running", { provider })
      : syncAge(sync, now, t, i18n.language, provider);

  const line = (
    <Group gap={6} wrap="wrap" style={{ minWidth: 0 }}>
      {failure !== null && (
        <Text size="sm" fw={600}>
          {offline ? t("sync.offlineTitle", { provider }) : t("sync.failedTitle", { provider })}
        </Text>
      )}
      <Text size="sm" c="dimmed" data-testid={`${testIdPrefix}-age`} aria-live="polite">
        {failure !== null ? `(${age})` : age}
      </Text>
      {count !== null && (
        <>
          <Text size="sm" c="dimmed" aria-hidden>
            ·
          </Text>
          <Text size="sm" c="dimmed" data-testid={`${testIdPrefix}-count`}>
            {count}
          </Text>
        </>
      )}
    </Group>
  );
  const button = (
    <Button
      variant="default"
      size="xs"
      leftSection={<IconRefresh size={16} aria-hidden />}
      loading={syncing}
      onClick={onSync}
      aria-label={syncing ? t("sync.running", { provider }) : undefined}
      data-testid={`${testIdPrefix}-sync`}
    >
      {t("sync.now")}
    </Button>
  );

  if (failure === null) {
    return (
      <Group justify="space-between" gap="sm" wrap="nowrap">
        {line}
        {button}
      </Group>
    );
  }
  return (
    <ProviderAlert
      offline={offline}
      title={line}
      hint={
        offline ? offlineHint : errorMessage(new CommandError({ code: failure, message: "" })).text
      }
      code={failure}
      action={button}
      testId={`${testIdPrefix}-offline`}
    />
  );
}
