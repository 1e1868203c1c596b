import { Alert, Button, Group, Stack, Text } from "@mantine/core";
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
 * How many links are listed and how old they are, with the sync button. When the last attempt
 * to reach Billpocket failed, the same line becomes the banner: offline (the cached list stays
 * usable) or refused (credentials, provider error), each said plainly in two short lines, so the
 * list below keeps its rows.
 */
export function SyncBar({
  sync,
  syncing,
  now,
  count,
  onSync,
}: {
  sync: SyncState | null | undefined;
  syncing: boolean;
  now: number;
  /** "36 ligas", on the same line as the age. */
  count: string | null;
  onSync: () => void;
}) {
  const { t, i18n } = useTranslation("links");
  const errorMessage = useErrorMessage();
  const failure = sync?.lastErrorCode ?? null;
  const offline = isOffline(failure);
  // The age stays while later syncs run (the button spins): it is the age of what is listed.
  const age =
    syncing && sync?.syncedAt == null ? t("sync.running") : syncAge(sync, now, t, i18n.language);

  const line = (
    <Group gap={6} wrap="wrap" style={{ minWidth: 0 }}>
      {failure !== null && (
        <Text size="sm" fw={600}>
          {offline ? t("sync.offlineTitle") : t("sync.failedTitle")}
        </Text>
      )}
      <Text size="sm" c="dimmed" data-testid="links-age" aria-live="polite">
        {failure !== null ? `(${age})` : age}
      </Text>
      {count !== null && (
        <>
          <Text size="sm" c="dimmed" aria-hidden>
            ·
          </Text>
          <Text size="sm" c="dimmed" data-testid="links-count">
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
      aria-label={syncing ? t("sync.running") : undefined}
      data-testid="links-sync"
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
    <Alert
      color={offline ? "yellow" : "red"}
      variant="light"
      py={6}
      icon={<IconCloudOff size={18} aria-hidden />}
      data-testid="links-offline"
      role="status"
    >
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <Stack gap={0} style={{ minWidth: 0 }}>
          {line}
          <Text size="xs">
            {offline
              ? t("sync.offlineHint")
              : errorMessage(new CommandError({ code: failure, message: "" })).text}{" "}
            <Text span size="xs" c="dimmed">
              {t("sync.code", { code: failure })}
            </Text>
          </Text>
        </Stack>
        {button}
      </Group>
    </Alert>
  );
}
