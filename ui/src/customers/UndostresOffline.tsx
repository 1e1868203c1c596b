import { Alert, Text } from "@mantine/core";
import { IconCloudOff } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

import type { SyncState } from "../bindings";
import { isOffline } from "../components/offline";

/**
 * UnDosTres has no list to sync, so Clientes' sync line speaks for CryptoPocket alone. When the
 * last call to UnDosTres (a check, in the background or by hand) found it unreachable, this line
 * says so: its accounts show the last level checked until a check gets an answer, which clears
 * it.
 */
export function UndostresOffline({ state }: { state: SyncState | null | undefined }) {
  const { t } = useTranslation("customers");
  const { t: common } = useTranslation();
  const code = state?.lastErrorCode;
  if (state == null || !isOffline(code)) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      py={6}
      icon={<IconCloudOff size={18} aria-hidden />}
      role="status"
      data-testid="undostres-offline"
    >
      <Text size="sm" fw={600}>
        {common("sync.offlineTitle", { provider: "UnDosTres" })}
      </Text>
      <Text size="xs">
        {t("sync.undostresOfflineHint")}{" "}
        <Text span size="xs" c="dimmed">
          {common("sync.code", { code })}
        </Text>
      </Text>
    </Alert>
  );
}
