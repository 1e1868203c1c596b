import { useTranslation } from "react-i18next";

import type { SyncState } from "../bindings";
import { SyncBar } from "./SyncBar";
import { useSyncRetry } from "./syncRetry";

/**
 * A list screen's sync line (Ligas, Clientes y KYC): how many rows are listed and how old they
 * are, "Actualizar", and the offline or refused banner. While the last attempt to reach the
 * provider failed it syncs again with a growing delay, so the screen notices by itself when the
 * provider is back. The count is the namespace's `table.shown`; test ids start with the
 * namespace (`links-sync`, `customers-offline`, …).
 */
export function ListSyncBar({
  state,
  sync,
  now,
  rows,
  more,
  provider,
  offlineHint,
  namespace,
  onRefresh,
}: {
  state: SyncState | null | undefined;
  /** The screen's sync query: `refetch` syncs again. */
  sync: { isFetching: boolean; refetch: () => unknown };
  now: number;
  /** Rows listed so far, and whether more pages follow ("36+ ligas"). */
  rows: number;
  more: boolean;
  /** The provider's name, as the user knows it ("Billpocket"). */
  provider: string;
  /** What still works while offline. */
  offlineHint: string;
  namespace: "links" | "customers";
  /** What "Actualizar" does when it is more than syncing the list again (the retries while
   * offline still only sync). */
  onRefresh?: () => void;
}) {
  const { t } = useTranslation(namespace);
  const syncAgain = () => void sync.refetch();
  useSyncRetry(state?.lastErrorCode == null ? null : state.attemptedAt, syncAgain);
  return (
    <SyncBar
      sync={state}
      syncing={sync.isFetching}
      now={now}
      count={rows > 0 ? t("table.shown", { count: rows, more: more ? "+" : "" }) : null}
      onSync={onRefresh ?? syncAgain}
      provider={provider}
      offlineHint={offlineHint}
      testIdPrefix={namespace}
    />
  );
}
