import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

import type { SyncState } from "../bindings";
import { isOffline } from "../components/offline";
import { ProviderAlert } from "../components/ProviderAlert";

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
  if (code == null || !isOffline(code)) return null;
  return (
    <ProviderAlert
      offline
      title={
        <Text size="sm" fw={600}>
          {common("sync.offlineTitle", { provider: "UnDosTres" })}
        </Text>
      }
      hint={t("sync.undostresOfflineHint")}
      code={code}
      testId="undostres-offline"
    />
  );
}
