import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";

import { $, notified, setFaults, text } from "../lib/app.mjs";
import { screenshot, useDriver, withApp } from "../lib/driver.mjs";

const home = mkdtempSync(path.join(tmpdir(), "mostrador-not-applied-"));
useDriver({
  env: {
    XDG_DATA_HOME: path.join(home, "data"),
    XDG_CONFIG_HOME: path.join(home, "config"),
  },
});

/** The first listed link that is active, with what identifies it in the list. */
async function firstActiveRow(browser) {
  for (const row of await browser.$$('[data-testid="link-row"]')) {
    if ((await text(await row.$('[data-testid="link-state"]'))) === "Activa") return row;
  }
  throw new Error("no active link listed");
}

test("a deactivation Billpocket answers without applying says so and the link stays active", async () => {
  await withApp("links-not-applied", async (browser) => {
    await (await $(browser, "link-row")).waitForDisplayed({ timeout: 30_000 });
    const row = await firstActiveRow(browser);
    const id = await row.getAttribute("id");
    await row.click();
    // Billpocket answers the next write with the link as it was (status still 1).
    await setFaults(browser, { rules: [{ action: { kind: "ignoreChanges" }, trigger: { next: 1 } }] });
    await (await $(browser, "detail-toggle")).click();
    await notified(browser, "Billpocket respondió pero no aplicó el cambio (estado).");
    await browser.keys("Escape");

    const listed = await browser.$(`[id="${id}"]`);
    await browser.waitUntil(
      async () => (await text(await listed.$('[data-testid="link-write-state"]'))) === "No aplicado",
      { timeout: 10_000, timeoutMsg: "the row does not show the write as not applied" },
    );
    assert.equal(await text(await listed.$('[data-testid="link-state"]')), "Activa");

    const panel = await $(browser, "pending-writes");
    await panel.waitForDisplayed({ timeout: 10_000 });
    const toggle = await $(browser, "pending-toggle");
    if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
    const detail = await $(browser, "pending-detail");
    await detail.waitForDisplayed({ timeout: 10_000 });
    assert.equal(
      await text(detail),
      "Billpocket respondió pero no aplicó el cambio (estado). Reinténtalo o descártalo.",
    );
    // The whole entry shows once the panel has unfolded (its opening is animated): nothing of it
    // is cut at the panel's bottom edge.
    await browser.waitUntil(
      () =>
        browser.execute(() => {
          const entry = document.querySelector('[data-testid="pending-write"]');
          const shown = document.querySelector("#pending-writes-list");
          if (!entry || !shown) return false;
          return entry.getBoundingClientRect().bottom <= shown.getBoundingClientRect().bottom + 0.5;
        }),
      { timeout: 5_000, timeoutMsg: "the not-applied entry is cut at the panel's bottom edge" },
    );
    await screenshot("links-not-applied");
  });
});
