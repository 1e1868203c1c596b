import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";

import { $, invoke, text } from "../lib/app.mjs";
import { screenshot, useDriver, withApp } from "../lib/driver.mjs";

// The backend speaks first: a write or a sync that the page did not start reaches the window
// as an event, and the list shows it at once. Nothing in the page polls, so without the event
// the list would stay as it was. The background refresh runs every 3 s here.
const home = mkdtempSync(path.join(tmpdir(), "mostrador-events-"));
useDriver({
  env: {
    XDG_DATA_HOME: path.join(home, "data"),
    XDG_CONFIG_HOME: path.join(home, "config"),
    MOSTRADOR_REFRESH_SECS: "3",
  },
});

const MERCHANT = "61234";

async function rowTexts(browser) {
  const texts = [];
  for (const row of await browser.$$('[data-testid="link-row"]')) texts.push(await text(row));
  return texts;
}

async function waitForRow(browser, description, present, timeoutMsg) {
  await browser.waitUntil(
    async () => (await rowTexts(browser)).some((row) => row.includes(description)) === present,
    { timeout: 15_000, interval: 250, timeoutMsg },
  );
}

test("a write and a sync the page did not start update the visible list by themselves", async () => {
  await withApp("events", async (browser) => {
    await (await $(browser, "link-row")).waitForDisplayed({ timeout: 30_000 });

    // A write sent straight through IPC, as another part of the app would: its settling is
    // announced and the list reads it.
    const outcome = await invoke(browser, "submit_link_write", {
      idempotencyKey: "events-e2e-1",
      request: {
        op: "create",
        merchantId: MERCHANT,
        link: {
          slug: "evento-e2e",
          amount: "321",
          description: "Llegó por un evento",
          expiresAt: "",
          linkType: 2,
          installments: [],
          fixedTerm: false,
        },
      },
    });
    assert.equal(outcome.write?.state, "done", JSON.stringify(outcome));
    await waitForRow(browser, "Llegó por un evento", true, "the settled write did not reach the list");
    await screenshot("events-write-settled");

    // The double forgets it (back to its seed data); the app's background refresh finds out
    // and its finished sync drops the row from the screen, with no click and no poll.
    await invoke(browser, "sandbox_reset");
    await waitForRow(browser, "Llegó por un evento", false, "the finished sync did not reach the list");
    await screenshot("events-sync-finished");
  });
});
