import assert from "node:assert/strict";
import { test } from "node:test";

import { screenshot, useDriver, withApp } from "../lib/driver.mjs";

useDriver();

const NAME = "Panadería Lupita";
const SECRET = "bp-key-de-prueba-7f3a9c";
const card = (browser) => browser.$(`[data-testid="profile-${NAME}"]`);
const activeProfile = async (browser) => {
  const header = await browser.$('[data-testid="active-profile"]');
  await header.waitForDisplayed({ timeout: 20_000 });
  return header.getProperty("textContent");
};

test("create a profile, store a credential in the keyring, switch to it, restart, delete", async () => {
  await withApp("profiles-create-switch", async (browser) => {
    await (await browser.$('[data-testid="nav-profiles"]')).click();
    await (await browser.$('[data-testid="profile-new"]')).click();
    await (await browser.$('[data-testid="profile-name"]')).setValue(NAME);
    const url = await browser.$('[data-testid="profile-billpocketBaseUrl"]');
    await url.setValue("http://api.lupita.mx");
    await (await browser.$('[data-testid="profile-save"]')).click();
    // The refusal lands on the field, in Spanish.
    const urlError = await browser.$("p*=empiece con https://");
    await urlError.waitForDisplayed({ timeout: 10_000 });

    await url.click();
    await browser.keys(["Control", "a"]);
    await browser.keys("Backspace");
    await url.addValue("https://api.lupita.mx");
    await (await browser.$('[data-testid="profile-save"]')).click();
    await (await card(browser)).waitForDisplayed({ timeout: 10_000 });

    // The credential goes to the real Secret Service; the page only learns "set".
    const slot = await (await card(browser)).$('[data-testid="slot-billpocketApiKey"]');
    const status = await slot.$('[data-testid="slot-status"]');
    assert.equal(await status.getProperty("textContent"), "Falta");
    await (await slot.$("input")).setValue(SECRET);
    await (await slot.$("button=Guardar")).click();
    await browser.waitUntil(async () => (await status.getProperty("textContent")) === "Configurada", {
      timeout: 10_000,
      timeoutMsg: "the credential was not stored",
    });
    assert.equal(await (await slot.$("input")).getValue(), "", "the field is emptied after saving");
    assert.ok(!(await browser.getPageSource()).includes(SECRET), "the secret is in the page");

    await (await (await card(browser)).$("button=Usar este perfil")).click();
    await browser.waitUntil(async () => (await activeProfile(browser)).includes(NAME), {
      timeout: 10_000,
      timeoutMsg: "the header did not switch",
    });
    await screenshot("profiles-switched");
  });

  await withApp("profiles-after-restart", async (browser) => {
    assert.match(await activeProfile(browser), /Perfil activo: Panadería LupitaPruebas/);
    await (await browser.$('[data-testid="nav-profiles"]')).click();
    const status = await (await card(browser)).$(
      '[data-testid="slot-billpocketApiKey"] [data-testid="slot-status"]',
    );
    await status.waitForExist({ timeout: 10_000 });
    await browser.waitUntil(async () => (await status.getProperty("textContent")) === "Configurada", {
      timeout: 10_000,
      timeoutMsg: "the keyring entry did not survive the restart",
    });

    await (await (await card(browser)).$("button=Eliminar")).click();
    await (await browser.$('[data-testid="profile-delete-confirm"]')).click();
    await browser.waitUntil(async () => !(await (await card(browser)).isExisting()), {
      timeout: 10_000,
      timeoutMsg: "the profile was not deleted",
    });
    assert.match(await activeProfile(browser), /Perfil activo: Sandbox/);
  });
});
