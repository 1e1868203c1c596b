import { Alert, Button, Group, Text } from "@mantine/core";
import { IconCloudOff, IconRefresh } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

import type { SyncState } from "../bindings";
import { useErrorMessage } from "../components/useErrorMessage";
import { CommandError } from "../ipc";
import { syncAge } from "./syncAge";

/** Errors that mean "Billpocket cannot be reached", as opposed to "Billpocket said no". */
const OFFLINE_CODES = new Set(["billpocket.network_unreachable", "billpocket.timeout"]);

function isOffline(code: string | null | undefined): boolean {
  return code != null && OFFLINE_CODES.has(code);
}

/**
 * How old the list is, the sync button, and a one-line banner when the last attempt to reach
 * Billpocket failed: offline (the cached list stays usable) or refused (credentials, provider
 * error), each said plainly. The banner stays small so the list below keeps its rows.
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
  const failure = sync?.lastErrorCode ?? null;
  const age = syncAge(sync, now, t, i18n.language);
  const offline = isOffline(failure);

  return (
    <>
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <Text size="sm" c="dimmed" data-testid="links-age" aria-live="polite">
          {/* The age stays while later syncs run (the button spins): it is what the list shows. */}
          {syncing && sync?.syncedAt == null ? t("sync.running") : age}
        </Text>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconRefresh size={16} aria-hidden />}
          loading={syncing}
          onClick={onSync}
          aria-label={syncing ? t("sync.running") : undefined}
          data-testid="links-sync"
        >
          {t("sync.now")}
        </Button>
      </Group>
      {failure !== null && (
        <Alert
          color={offline ? "yellow" : "red"}
          variant="light"
          py={6}
          icon={<IconCloudOff size={18} aria-hidden />}
          data-testid="links-offline"
          role="status"
        >
          <Text size="sm">
            <Text span fw={600} size="sm">
              {offline ? t("sync.offlineTitle") : t("sync.failedTitle")}
            </Text>
            {" · "}
            {offline
              ? t("sync.offlineBody", { age })
              : errorMessage(new CommandError({ code: failure, message: "" })).text}{" "}
            <Text span size="xs" c="dimmed">
              {t("sync.code", { code: failure })}
            </Text>
          </Text>
        </Alert>
      )}
    </>
  );
}
