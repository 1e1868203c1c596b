import { emit } from "@tauri-apps/api/event";
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, waitFor } from "@testing-library/react";

import type { AppEvent_Serialize as AppEvent } from "../bindings";
import { createI18n } from "../i18n";
import { useLinksStatus } from "../links/queries";
import { useMerchantDrafts, useMerchantsOverview } from "../merchants/queries";
import { customersChanged } from "../customers/queries";
import { staleQueries, useBackendEvents } from "./backendEvents";
import { Providers } from "./Providers";

// The IPC and its events are mocked (jsdom has no Tauri backend); the end-to-end suite shows
// the real event reaching the real window.
function Watched() {
  useBackendEvents();
  const first = useLinksStatus("61234");
  const second = useLinksStatus("61235");
  const overview = useMerchantsOverview();
  const drafts = useMerchantDrafts();
  const loaded = [first, second, overview, drafts].every((query) => query.isSuccess);
  return loaded ? <p>loaded</p> : null;
}

async function renderWatched() {
  const calls: string[] = [];
  mockIPC(
    (cmd, args) => {
      const merchant = (args as { merchantId?: string } | undefined)?.merchantId;
      calls.push(merchant ? `${cmd}:${merchant}` : cmd);
      if (cmd === "links_status") return { sync: null, writes: [] };
      return [];
    },
    { shouldMockEvents: true },
  );
  const i18n = await createI18n("es-MX");
  render(
    <Providers i18n={i18n}>
      <Watched />
    </Providers>,
  );
  return calls;
}

const count = (calls: string[], call: string) => calls.filter((c) => c === call).length;

async function announce(event: AppEvent) {
  await emit("backend-event", event);
}

describe("backend events", () => {
  it("a finished sync reads again that merchant's links and the counts, nothing else", async () => {
    const calls = await renderWatched();
    await screen.findByText("loaded");
    await announce({
      kind: "syncFinished",
      profileId: "sandbox",
      resource: "links/61234",
      merchantId: "61234",
      errorCode: null,
    });
    await waitFor(() => {
      expect(count(calls, "links_status:61234")).toBe(2);
    });
    await waitFor(() => {
      expect(count(calls, "merchants_overview")).toBe(2);
    });
    expect(count(calls, "links_status:61235")).toBe(1);
    expect(count(calls, "list_drafts")).toBe(1);
  });

  it("a settled write reads again the list it changed", async () => {
    const calls = await renderWatched();
    await screen.findByText("loaded");
    await announce({
      kind: "writeSettled",
      profileId: "sandbox",
      provider: "billpocket",
      merchantId: "61235",
      seq: 7,
      state: "done",
    });
    await waitFor(() => {
      expect(count(calls, "links_status:61235")).toBe(2);
    });
    expect(count(calls, "links_status:61234")).toBe(1);
  });

  it("a settled customer write reads the customers again, no merchant's links", () => {
    for (const provider of ["cryptopocket", "undostres"]) {
      const event: AppEvent = {
        kind: "writeSettled",
        profileId: "sandbox",
        provider,
        merchantId: null,
        seq: 8,
        state: "not_applied",
      };
      expect(staleQueries(event)).toEqual(customersChanged());
    }
  });
});
