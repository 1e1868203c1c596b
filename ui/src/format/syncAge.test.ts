import type { ErrorCode, SyncState } from "../bindings";
import { createI18n } from "../i18n";
import { syncAge } from "./syncAge";

const NOW = 1_800_000_000;

function state(syncedAt: number | null, lastErrorCode: ErrorCode | null): SyncState {
  return { resource: "links/61234", syncedAt, attemptedAt: NOW, lastErrorCode };
}

describe("syncAge", () => {
  it("tells the age of the last good sync and never says 'ahora' after a failure", async () => {
    const i18n = await createI18n("es-MX");
    const t = i18n.getFixedT("es-MX");
    const age = (sync: SyncState | null) => syncAge(sync, NOW, t, "es-MX", "Billpocket");
    expect(age(state(NOW - 10, null))).toBe("Actualizado ahora");
    expect(age(state(NOW - 10, "billpocket.network_unreachable"))).toBe(
      "Actualizado hace menos de 1 min",
    );
    // A sync stamped just after the screen's clock last ticked is not "in 5 seconds".
    expect(age(state(NOW + 5, "billpocket.timeout"))).toBe("Actualizado hace menos de 1 min");
    expect(age(state(NOW - 3 * 60, "billpocket.network_unreachable"))).toBe(
      "Actualizado hace 3 min",
    );
    expect(age(state(null, "billpocket.network_unreachable"))).toBe(
      "Aún no se ha actualizado desde Billpocket",
    );
    expect(age(null)).toBe("Aún no se ha actualizado desde Billpocket");
  });
});
