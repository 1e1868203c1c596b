import assert from "node:assert/strict";
import { test } from "node:test";

import { screenshot, useDriver, withApp } from "../lib/driver.mjs";

useDriver();

const text = async (browser, selector) => (await browser.$(selector)).getText();
// Mantine buttons and badges: WebKitWebDriver's getText misses their CSS-styled labels.
const content = async (browser, selector) => (await browser.$(selector)).getProperty("textContent");

test("the shell renders in Spanish with the links, the merchants and the customers", async () => {
  await withApp("shell-spanish", async (browser) => {
    assert.equal(await browser.execute(() => document.documentElement.lang), "es-MX");
    assert.match(await text(browser, '[data-testid="nav-links"]'), /^Ligas/);
    // The Sandbox merchant's links, cached and synced, in Spanish.
    await (await browser.$('[data-testid="link-row"]')).waitForDisplayed({ timeout: 30_000 });
    assert.match(await content(browser, '[data-testid="links-new"]'), /Nueva liga/);
    assert.match(await content(browser, '[data-testid="links-age"]'), /^Actualiza(do|ndo)/);
    // Comercios lists the Sandbox's merchants; Clientes y KYC its customers of both providers.
    for (const [area, expected] of [
      ["merchants", "Elena González Durán"],
      ["customers", "Tortillería San Miguel"],
    ]) {
      await (await browser.$(`[data-testid="nav-${area}"]`)).click();
      const main = await browser.$(`[data-testid="area-${area}"]`);
      await main.waitForDisplayed();
      // textContent: WebKitWebDriver's getText leaves out the virtualised rows' text.
      await browser.waitUntil(
        async () => (await main.getProperty("textContent")).includes(expected),
        {
          timeout: 10_000,
          timeoutMsg: `${area} does not show "${expected}"`,
        },
      );
    }
  });
});

test("a fresh install opens on the built-in Sandbox profile, shown at all times", async () => {
  await withApp("sandbox-profile", async (browser) => {
    const active = await browser.$('[data-testid="active-profile"]');
    await active.waitForDisplayed({ timeout: 20_000 });
    assert.equal(await active.getProperty("textContent"), "Perfil activo: SandboxSandbox");
    await (await browser.$('[data-testid="nav-profiles"]')).click();
    const card = await browser.$('[data-testid="profile-sandbox"]');
    await card.waitForDisplayed({ timeout: 20_000 });
    const content = await card.getProperty("textContent");
    assert.match(content, /SandboxSandboxActivo/, "name, environment badge and active badge");
    assert.match(content, /Proveedores simulados en este equipo/);
  });
});

test("app_info answers through the real IPC and the CSP blocks inline scripts", async () => {
  await withApp("app-info-round-trip", async (browser) => {
    await (await browser.$('[data-testid="nav-settings"]')).click();
    const dataDir = await browser.$('[data-testid="app-data-dir"]');
    await dataDir.waitForDisplayed({ timeout: 20_000 });
    assert.match(await dataDir.getText(), /mx\.mostrador\.app$/);
    assert.match(await text(browser, '[data-testid="app-version"]'), /^\d+\.\d+\.\d+/);
    // An injected inline script must not run under the app's CSP.
    const ran = await browser.execute(() => {
      const script = document.createElement("script");
      script.textContent = "window.__inlineRan = true";
      document.body.appendChild(script);
      return Boolean(window.__inlineRan);
    });
    assert.equal(ran, false, "inline script executed: CSP is not enforced");
  });
});

test("switching to English works and is remembered after a restart", async () => {
  await withApp("switch-to-english", async (browser) => {
    await (await browser.$('[data-testid="nav-settings"]')).click();
    await (await browser.$("label=English")).click();
    const heading = await browser.$("h2=Settings");
    await heading.waitForDisplayed({ timeout: 20_000 });
    assert.match(await text(browser, '[data-testid="nav-links"]'), /^Links/);
  });
  await withApp("back-to-spanish", async (browser) => {
    assert.equal(await browser.execute(() => document.documentElement.lang), "en");
    await (await browser.$('[data-testid="link-row"]')).waitForDisplayed({ timeout: 30_000 });
    assert.match(await content(browser, '[data-testid="links-new"]'), /New link/);
    await screenshot("english-after-restart");
    // Leave the next run (and the user) where the product starts: Spanish.
    await (await browser.$('[data-testid="nav-settings"]')).click();
    await (await browser.$("label=Español (México)")).click();
    await (await browser.$("h2=Ajustes")).waitForDisplayed({ timeout: 20_000 });
  });
});
