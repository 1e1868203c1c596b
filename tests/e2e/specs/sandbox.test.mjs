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

test("Ajustes moves an account of the embedded UnDosTres double to another level", async () => {
  await withApp("sandbox-undostres", async (browser) => {
    await (await browser.$('[data-testid="nav-settings"]')).click();
    const id = await browser.$('[data-testid="sandbox-undostres-id"]');
    await id.waitForDisplayed({ timeout: 20_000 });
    await id.scrollIntoView();

    // The seeded suspended account (1005) goes back to active at level 3.
    await id.clearValue();
    await id.setValue("1005");
    await (await browser.$('[data-testid="sandbox-undostres-level"]').$("label=3")).click();
    await (await browser.$('[data-testid="sandbox-undostres-apply"]')).click();
    const done = await browser.$('[data-testid="sandbox-undostres-done"]');
    await done.waitForDisplayed({ timeout: 10_000 });
    assert.equal(await done.getText(), "Cuenta 1005: nivel 3, Activa");
    await screenshot("sandbox-undostres-level");

    // An account the double does not have is refused in Spanish.
    await id.clearValue();
    await id.setValue("4242");
    await (await browser.$('[data-testid="sandbox-undostres-apply"]')).click();
    await browser.waitUntil(
      async () =>
        (await browser.$("body").getText()).includes(
          "El Sandbox de UnDosTres no tiene una cuenta con ese número.",
        ),
      { timeout: 10_000, timeoutMsg: "the refusal was not shown" },
    );
  });
});
