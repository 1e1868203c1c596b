import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";

import { screenshot, useDriver, withApp } from "../lib/driver.mjs";

// Identifiers as an agent types or pastes them into the persona física registration form, with
// the real validators behind it (issue 12 point 4, issue 14 point 5).
const home = mkdtempSync(path.join(tmpdir(), "mostrador-ids-"));
useDriver({
  env: { XDG_DATA_HOME: path.join(home, "data"), XDG_CONFIG_HOME: path.join(home, "config") },
});

const $ = (browser, testId) => browser.$(`[data-testid="${testId}"]`);

async function openFisica(browser) {
  await (await $(browser, "nav-merchants")).click();
  await (await $(browser, "merchant-register")).click();
  await (await $(browser, "merchant-form")).waitForDisplayed({ timeout: 10_000 });
  // The segmented control's label sits under its sliding indicator while the drawer opens;
  // the last match is the drawer's (portalled after the screen's own person filter).
  await browser.waitUntil(
    () =>
      browser.execute(() => {
        const target = [...document.querySelectorAll("label")]
          .filter((label) => label.textContent === "Persona física")
          .at(-1);
        target?.click();
        return target !== undefined;
      }),
    { timeout: 10_000, timeoutMsg: "no persona física choice" },
  );
  await (await $(browser, "merchant-curp")).waitForDisplayed({ timeout: 10_000 });
}

async function type(browser, field, value) {
  const input = await $(browser, `merchant-${field}`);
  await input.click();
  await browser.keys(["Control", "a"]);
  await browser.keys("Backspace");
  await input.addValue(value);
  await browser.keys("Tab");
}

/** What shows under a field: its hint (description) or its error. */
async function below(browser, field) {
  return browser.execute((testId) => {
    const input = document.querySelector(`[data-testid="${testId}"]`);
    const ids = (input?.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
    return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
  }, `merchant-${field}`);
}

async function waitBelow(browser, field, pattern) {
  let last = "";
  await browser.waitUntil(
    async () => {
      last = await below(browser, field);
      return pattern.test(last);
    },
    { timeout: 15_000, timeoutMsg: `${field} never showed ${pattern}; it showed "${last}"` },
  );
  return last;
}

test("an RFC and a CURP of different people are not passed as Correcto", async () => {
  await withApp("ids-rfc-curp", async (browser) => {
    await openFisica(browser);
    // Pasted from a PDF: en dashes and a no-break space are read as separators.
    await type(browser, "curp", "LONF\u2013920714\u2013MDFPXR02");
    await browser.waitUntil(
      async () => (await (await $(browser, "merchant-curp")).getValue()) === "LONF920714MDFPXR02",
      { timeout: 10_000, timeoutMsg: "the pasted CURP was not normalised" },
    );
    assert.match(await below(browser, "curp"), /Correcto/);

    // Issue 12's pair: same birth date, other second-surname letter. A particle kept by one
    // registry ("MC …") is the only rule that explains it, so it warns.
    await type(browser, "rfc", "LOMF920714\u00a0K38");
    const warning = await waitBelow(browser, "rfc", /Las letras del RFC y de la CURP difieren/);
    assert.doesNotMatch(warning, /Correcto/);
    assert.match(warning, /partícula/);
    await screenshot("ids-rfc-curp-warning");

    // A letter no rule explains: another person, refused on the field.
    await type(browser, "rfc", "LOPF920714K38");
    await waitBelow(browser, "rfc", /parecen de personas distintas/);
    assert.equal(await (await $(browser, "merchant-rfc")).getAttribute("aria-invalid"), "true");
    await screenshot("ids-rfc-curp-mismatch");

    // The same person's RFC: Correcto again.
    await type(browser, "rfc", "LONF920714K38");
    assert.doesNotMatch(await waitBelow(browser, "rfc", /Correcto/), /difieren|distintas/);
  });
});
