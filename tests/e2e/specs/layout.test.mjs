// Every area at the laptop size (1024×700) and at the app's minimum size, in both languages:
// nothing cut, nothing out of reach. The Ligas and Comercios screens have their own layout specs
// (links-layout, merchants-connect), which also open their forms and drawers.
import assert from "node:assert/strict";
import { test } from "node:test";

import { screenshot, useDriver, withApp } from "../lib/driver.mjs";
import { cutElements, resizeWindow, WINDOW_SIZES } from "../lib/layout.mjs";

useDriver();

const AREAS = ["customers", "profiles", "settings"];

async function chooseLanguage(browser, label) {
  await (await browser.$('[data-testid="nav-settings"]')).click();
  await (await browser.$(`label=${label}`)).click();
}

for (const [language, label, heading] of [
  ["es-MX", "Español (México)", "Ajustes"],
  ["en", "English", "Settings"],
]) {
  test(`the shell, Clientes, Perfiles and Ajustes fit every window size (${language})`, async () => {
    await withApp(`layout-${language}`, async (browser) => {
      await chooseLanguage(browser, label);
      await (await browser.$(`h2=${heading}`)).waitForDisplayed({ timeout: 20_000 });
      for (const size of WINDOW_SIZES) {
        await resizeWindow(browser, size);
        for (const area of AREAS) {
          await (await browser.$(`[data-testid="nav-${area}"]`)).click();
          const main = await browser.$(`[data-testid="area-${area}"]`);
          await main.waitForDisplayed({ timeout: 10_000 });
          // The profile cards and the sandbox's contents load after the area shows.
          await browser.pause(500);
          await screenshot(`layout-${area}-${size.name}-${language}`);
          const cut = await cutElements(browser, "body");
          assert.deepEqual(cut, [], `${area} at ${size.name} in ${language}`);
        }
      }
      // Leave the app in Spanish for the specs after this one.
      await chooseLanguage(browser, "Español (México)");
      await (await browser.$("h2=Ajustes")).waitForDisplayed({ timeout: 20_000 });
    });
  });
}
