import assert from "node:assert/strict";
import { test } from "node:test";

import { useDriver, withApp } from "../lib/driver.mjs";

useDriver();

async function checkerInput(browser, kindLabel, kind) {
  await (await browser.$('[data-testid="nav-merchants"]')).click();
  await (await browser.$(`label=${kindLabel}`)).click();
  const input = await browser.$(`[data-testid="field-${kind}"]`);
  await input.waitForDisplayed({ timeout: 10_000 });
  return input;
}

test("a wrong CLABE shows the Spanish check-digit error on blur, a right one the bank", async () => {
  await withApp("validation-clabe", async (browser) => {
    const input = await checkerInput(browser, "CLABE", "clabe");
    await input.setValue("002010077777777772");
    await (await browser.$("h2=Comercios")).click(); // blur
    const error = await browser.$("p*=dígito verificador de la CLABE");
    await error.waitForDisplayed({ timeout: 10_000 });
    assert.equal(
      await error.getText(),
      "El dígito verificador de la CLABE no coincide; revisa los 18 dígitos.",
    );
    assert.equal(await input.getAttribute("aria-invalid"), "true");
    // Fixing the value clears the error while typing, and names the bank.
    // Select all and retype, as a person would (WebDriver's clearValue bypasses React's state).
    await input.click();
    await browser.keys(["Control", "a"]);
    await browser.keys("Backspace");
    await input.addValue("002010077777777771");
    const hint = await browser.$('[data-testid="field-hint"]');
    await hint.waitForDisplayed({ timeout: 10_000 });
    assert.match(await hint.getText(), /^Banco: /);
  });
});

test("a CURP with a wrong length says how many characters were typed", async () => {
  await withApp("validation-curp", async (browser) => {
    const input = await checkerInput(browser, "CURP", "curp");
    await input.setValue("boxw310820");
    await (await browser.$("h2=Comercios")).click();
    const error = await browser.$("p*=La CURP tiene 18 caracteres");
    await error.waitForDisplayed({ timeout: 10_000 });
    assert.equal(await error.getText(), "La CURP tiene 18 caracteres y escribiste 10; revísala.");
  });
});
