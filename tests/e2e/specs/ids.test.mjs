import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";

import { $, personType } from "../lib/app.mjs";
import { screenshot, useDriver, withApp } from "../lib/driver.mjs";

// Identifiers as an agent types or pastes them into the persona física registration form, with
// the real validators behind it (issue 12 point 4, issue 14 point 5).
const home = mkdtempSync(path.join(tmpdir(), "mostrador-ids-"));
useDriver({
  env: { XDG_DATA_HOME: path.join(home, "data"), XDG_CONFIG_HOME: path.join(home, "config") },
});

async function openFisica(browser) {
  await (await $(browser, "nav-merchants")).click();
  await (await $(browser, "merchant-register")).click();
  await (await $(browser, "merchant-form")).waitForDisplayed({ timeout: 10_000 });
  await personType(browser, "Persona física");
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

test("an RFC or a CURP that is not the person's is refused on its field", async () => {
  await withApp("ids-rfc-curp", async (browser) => {
    await openFisica(browser);
    // Pasted from a PDF: en dashes and a no-break space are read as separators.
    await type(browser, "curp", "LONF\u2013920714\u2013MDFPXR02");
    await browser.waitUntil(
      async () => (await (await $(browser, "merchant-curp")).getValue()) === "LONF920714MDFPXR02",
      { timeout: 10_000, timeoutMsg: "the pasted CURP was not normalised" },
    );
    assert.match(await below(browser, "curp"), /Correcto/);

    // Issue 12's pair before any name is typed: same birth date, another second-surname
    // letter. Only the names could say whether a rule explains it, so it is refused.
    await type(browser, "rfc", "LOMF920714\u00a0K38");
    const keysOnly = await waitBelow(browser, "rfc", /parecen de personas distintas/);
    assert.doesNotMatch(keysOnly, /Correcto/);
    assert.equal(await (await $(browser, "merchant-rfc")).getAttribute("aria-invalid"), "true");

    // With her names each key is compared with what its registry derives from them: the CURP
    // is FERNANDA LÓPEZ NÚÑEZ's, the RFC is not, and the error says so on the RFC.
    await type(browser, "firstName", "Fernanda");
    await type(browser, "paternalSurname", "López");
    await type(browser, "maternalSurname", "Núñez");
    await waitBelow(browser, "rfc", /El RFC no corresponde al nombre y apellidos/);
    assert.equal(await (await $(browser, "merchant-rfc")).getAttribute("aria-invalid"), "true");
    assert.match(await below(browser, "curp"), /Correcto/);
    await screenshot("ids-rfc-curp-names-mismatch");

    // A second surname that is not the CURP's: now the CURP is refused too, on its field.
    await type(browser, "maternalSurname", "Parra");
    await waitBelow(browser, "curp", /La CURP no corresponde al nombre y apellidos/);
    assert.equal(await (await $(browser, "merchant-curp")).getAttribute("aria-invalid"), "true");
    await screenshot("ids-rfc-curp-names-curp-mismatch");
    await type(browser, "maternalSurname", "Núñez");
    assert.match(await waitBelow(browser, "curp", /Correcto/), /Correcto/);

    // The same person's RFC: Correcto again.
    await type(browser, "rfc", "LONF920714K38");
    assert.doesNotMatch(
      await waitBelow(browser, "rfc", /Correcto/),
      /difieren|distintas|no corresponde/,
    );
  });
});
