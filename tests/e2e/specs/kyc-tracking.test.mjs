import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";

import { invoke, trackingHome } from "../lib/app.mjs";
import { screenshot, useDriver, withApp } from "../lib/driver.mjs";

// KYC tracking in the real app: an UnDosTres account suspended from Ajustes → Sandbox is noticed
// by the background refresh (every 2 s here) without anyone asking, and the agent is notified;
// the customers view exports as CSV; the KYC preferences are checked and kept. Notifications
// are recorded to a file (MOSTRADOR_NOTIFICATIONS_FILE) instead of reaching a desktop that
// Xvfb does not have.
const { home, env, notifications } = trackingHome("mostrador-kyc-");
const exports = path.join(home, "exports");
useDriver({ env: { ...env, MOSTRADOR_SAVE_DIALOG_DIR: exports } });

/** Replaces what a (React-controlled) input holds by typing, then leaves it. */
async function typeInto(browser, input, typed) {
  await input.click();
  await browser.keys(["Control", "a"]);
  await browser.keys([...typed]);
  await browser.keys("Tab");
}

test("an account suspended at UnDosTres is noticed in the background and notified", async () => {
  await withApp("kyc-tracking", async (browser) => {
    await (await browser.$('[data-testid="nav-settings"]')).click();
    const id = await browser.$('[data-testid="sandbox-undostres-id"]');
    await id.waitForDisplayed({ timeout: 20_000 });
    await id.scrollIntoView();

    // Arturo Hernández (1002), active at level 2, is suspended at the double.
    await id.clearValue();
    await id.setValue("1002");
    await (
      await browser.$('[data-testid="sandbox-undostres-level"]').$("label=2")
    ).click();
    await (
      await browser
        .$('[data-testid="sandbox-undostres-status"]')
        .$("label=Suspendida")
    ).click();
    await (await browser.$('[data-testid="sandbox-undostres-apply"]')).click();
    const done = await browser.$('[data-testid="sandbox-undostres-done"]');
    await done.waitForDisplayed({ timeout: 10_000 });
    assert.equal(await done.getText(), "Cuenta 1002: nivel 2, Suspendida");

    // Nobody asks: the background refresh sees it, records it and tells the agent once.
    await browser.waitUntil(
      async () =>
        notifications().some((n) => n.customers.includes("undostres/1002")),
      {
        timeout: 20_000,
        interval: 250,
        timeoutMsg: "no notification for the suspended account",
      },
    );
    const [failed] = notifications().filter((n) =>
      n.customers.includes("undostres/1002"),
    );
    assert.equal(failed.kind, "fail");
    assert.equal(failed.title, "Verificación rechazada");
    assert.equal(
      failed.body,
      "La verificación de Arturo Hernández Pérez no fue aprobada.",
    );
    const page = await invoke(browser, "search_customers", {
      query: { text: "HEPA900101B2A" },
    });
    assert.equal(page.items.length, 1, JSON.stringify(page));
    assert.equal(page.items[0].kycStatus, "fail");
    await screenshot("kyc-tracking-suspended");

    // Two more refreshes later it was still told only once: a settled case is not tracked.
    await browser.pause(4_500);
    assert.equal(
      notifications().filter((n) => n.customers.includes("undostres/1002"))
        .length,
      1,
    );
  });
});

test("the customers view exports as CSV and the KYC preferences are checked and kept", async () => {
  await withApp("kyc-export", async (browser) => {
    await (
      await browser.$('[data-testid="nav-settings"]')
    ).waitForDisplayed({ timeout: 20_000 });
    const query = { provider: "undostres", sort: "nameAscending" };
    const page = await invoke(browser, "search_customers", {
      query: { ...query, limit: 500 },
    });
    const report = await invoke(browser, "export_customers_csv", {
      query,
      lang: "es-MX",
    });
    assert.equal(report.rows, page.items.length, JSON.stringify(report));
    assert.deepEqual(
      readdirSync(exports).filter((f) => f.startsWith("clientes-")).length,
      1,
    );
    const csv = readFileSync(report.path, "utf8");
    assert.ok(csv.startsWith("\uFEFFProveedor,Tipo,Nombre"), csv.slice(0, 80));
    const lines = csv.trimEnd().split("\r\n");
    assert.equal(lines.length, page.items.length + 1);
    const ids = lines.slice(1).map((line) => line.split(",").at(-1));
    assert.deepEqual(
      ids,
      page.items.map((c) => c.id),
    );

    // Ajustes → Seguimiento de KYC: a target outside 1–90 days is refused on its field, in
    // Spanish; a good one and the notifications switch are kept.
    await (await browser.$('[data-testid="nav-settings"]')).click();
    const days = await browser.$('[data-testid="kyc-target-days"]');
    await days.waitForDisplayed({ timeout: 20_000 });
    await days.scrollIntoView();
    await typeInto(browser, days, "0");
    await browser.waitUntil(
      async () =>
        (await browser.$("body").getText()).includes(
          "El objetivo de un caso pendiente debe ser de 1 a 90 días.",
        ),
      {
        timeout: 10_000,
        timeoutMsg: "the refused target was not shown on its field",
      },
    );
    assert.deepEqual((await invoke(browser, "get_preferences")).kyc, {
      targetDays: 2,
      notifications: true,
    });
    await typeInto(browser, days, "5");
    const saved = async () => (await invoke(browser, "get_preferences")).kyc;
    await browser.waitUntil(async () => (await saved()).targetDays === 5, {
      timeout: 10_000,
      timeoutMsg: "the target was not saved",
    });
    const notifications = await browser.$('[data-testid="kyc-notifications"]');
    await browser.waitUntil(async () => await notifications.isEnabled(), {
      timeout: 10_000,
    });
    await (await browser.$("label*=Avisos en el escritorio")).click();
    await browser.waitUntil(
      async () =>
        !(await notifications.isSelected()) &&
        (await notifications.isEnabled()),
      { timeout: 10_000, timeoutMsg: "the switch did not turn off" },
    );
    assert.deepEqual(await saved(), { targetDays: 5, notifications: false });
    await screenshot("kyc-preferences");
  });
});
