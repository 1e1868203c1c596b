import type { TFunction } from "i18next";

import type { SyncState } from "../bindings";
import { formatRelative } from "./time";

/**
 * "Actualizado hace 5 min": the age of the last successful sync. After a failed attempt it is
 * never "ahora" (the data is not fresh, only the failure is): under a minute it says "hace menos
 * de 1 min". A sync stamped a moment after the screen's clock last ticked counts as now.
 */
export function syncAge(
  sync: SyncState | null | undefined,
  now: number,
  t: TFunction,
  locale: string,
  provider: string,
): string {
  const syncedAt = sync?.syncedAt ?? null;
  if (syncedAt === null) return t("sync.never", { provider });
  const then = Math.min(syncedAt, now);
  if (sync?.lastErrorCode != null && now - then < 60) return t("sync.updatedMoments");
  return t("sync.updated", { age: formatRelative(then, now, locale) });
}
