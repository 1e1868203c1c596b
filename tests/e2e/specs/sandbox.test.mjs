import assert from "node:assert/strict";
import { test } from "node:test";

import { screenshot, useDriver, withApp } from "../lib/driver.mjs";

useDriver();

test("the embedded Billpocket sandbox is seeded, takes faults from Ajustes and resets", async () => {
  await withApp("sandbox-settings", async (browser) => {
    await (await browser.$('[data-testid="nav-settings"]')).click();
    const counts = await browser.$('[data-testid="sandbox-counts"]');
    await counts.waitForDisplayed({ timeout: 20_000 });
    assert.match(await counts.getText(), /^2 comercios · \d+ ligas$/);
    const badge = await browser.$('[data-testid="sandbox-faults"]');
    // Badges are upper-cased by CSS; WebKitWebDriver's getText returns nothing for them.
    const badgeText = () => badge.getProperty("textContent");
    assert.equal(await badgeText(), "Sin fallas");

    // A provider outage, applied from the settings, is reported back by the running double.
    await (await browser.$("label=Simular caída del proveedor")).click();
    await (await browser.$('[data-testid="sandbox-apply"]')).click();
    await browser.waitUntil(async () => (await badgeText()) === "Fallas activas", {
      timeout: 10_000,
      timeoutMsg: "the fault plan was not applied",
    });
    await screenshot("sandbox-faults-on");

    // Reset asks first, then clears the faults and reseeds.
    await (await browser.$("button=Restablecer datos de prueba")).click();
    const confirm = await browser.$('[data-testid="sandbox-reset-confirm"]');
    await confirm.waitForDisplayed({ timeout: 10_000 });
    await confirm.click();
    await browser.waitUntil(async () => (await badgeText()) === "Sin fallas", {
      timeout: 10_000,
      timeoutMsg: "reset did not clear the faults",
    });
    assert.match(await counts.getText(), /^2 comercios · \d+ ligas$/);
  });
});
