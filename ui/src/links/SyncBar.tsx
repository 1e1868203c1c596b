import { Alert, Button, Group, Text } from "@mantine/core";
import { IconCloudOff, IconRefresh } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

import type { SyncState } from "../bindings";
import { useErrorMessage } from "../components/useErrorMessage";
import { CommandError } from "../ipc";
import { formatRelative } from "../format/time";

/** Errors that mean "Billpocket cannot be reached", as opposed to "Billpocket said no". */
const OFFLINE_CODES = new Set(["billpocket.network_unreachable", "billpocket.timeout"]);

function isOffline(code: string | null | undefined): boolean {
  return code != null && OFFLINE_CODES.has(code);
}

/**
 * How old the list is, the sync button, and the banner when the last sync failed: offline (the
 * cached list stays usable) or refused (credentials, provider error), each said plainly.
 */
export function SyncBar({
  sync,
  syncing,
  now,
  onSync,
}: {
  sync: SyncState | null | undefined;
  syncing: boolean;
  now: number;
  onSync: () => void;
}) {
  const { t, i18n } = useTranslation("links");
  const errorMessage = useErrorMessage();
  const syncedAt = sync?.syncedAt ?? null;
  const failure = sync?.lastErrorCode ?? null;
  const age =
    syncedAt === null
      ? t("sync.never")
      : t("sync.updated", { age: formatRelative(syncedAt, now, i18n.language) });

  return (
    <>
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed" data-testid="links-age" aria-live="polite">
          {syncing ? t("sync.running") : age}
        </Text>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconRefresh size={16} aria-hidden />}
          loading={syncing}
          onClick={onSync}
          data-testid="links-sync"
        >
          {t("sync.now")}
        </Button>
      </Group>
      {failure !== null && !syncing && (
        <Alert
          color={isOffline(failure) ? "yellow" : "red"}
          variant="light"
          icon={<IconCloudOff aria-hidden />}
          title={isOffline(failure) ? t("sync.offlineTitle") : t("sync.failedTitle")}
          data-testid="links-offline"
          role="status"
        >
          <Text size="sm">
            {isOffline(failure)
              ? t("sync.offlineBody", { age })
              : errorMessage(new CommandError({ code: failure, message: "" })).text}
          </Text>
          <Text size="xs" c="dimmed">
            {t("sync.code", { code: failure })}
          </Text>
        </Alert>
      )}
    </>
  );
}
