import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";

import { $, notified, personType, text } from "../lib/app.mjs";
import { application, screenshot, useDriver, withApp } from "../lib/driver.mjs";

// A home of its own: these tests register merchants at the sandbox and keep drafts.
const home = mkdtempSync(path.join(tmpdir(), "mostrador-merchants-"));
useDriver({
  env: { XDG_DATA_HOME: path.join(home, "data"), XDG_CONFIG_HOME: path.join(home, "config") },
});


async function openRegistration(browser) {
  await (await $(browser, "nav-merchants")).click();
  await (await $(browser, "merchant-register")).click();
  await (await $(browser, "merchant-form")).waitForDisplayed({ timeout: 10_000 });
}

async function type(browser, field, value) {
  const input = await $(browser, `merchant-${field}`);
  await input.waitForDisplayed({ timeout: 10_000 });
  await input.click();
  await browser.keys(["Control", "a"]);
  await browser.keys("Backspace");
  await input.addValue(value);
}

/** Picks an option of a searchable catalogue select by typing part of its label. */
async function choose(browser, field, typed) {
  const input = await $(browser, `merchant-${field}`);
  await browser.waitUntil(async () => input.isEnabled(), { timeout: 15_000 });
  await input.click();
  await input.addValue(typed);
  const option = await browser.$(`[role="option"]*=${typed}`);
  await option.waitForDisplayed({ timeout: 10_000 });
  await option.click();
}

async function fieldError(browser, field) {
  const input = await $(browser, `merchant-${field}`);
  const id = await input.getAttribute("aria-describedby");
  const parts = (id ?? "").split(" ").filter(Boolean);
  for (const part of parts) {
    const node = await browser.$(`#${part}`);
    if (await node.isExisting()) {
      const content = await text(node);
      if (content) return content;
    }
  }
  return "";
}

async function fillFisica(browser, { email, curp, rfc }) {
  await personType(browser, "Persona física");
  await type(browser, "firstName", "Guadalupe");
  await type(browser, "paternalSurname", "Ramírez");
  await type(browser, "maternalSurname", "Soto");
  await type(browser, "curp", curp);
  await type(browser, "rfc", rfc);
  await type(browser, "email", email);
  await type(browser, "phone", "55 8765 4321");
  await choose(browser, "commercialActivity", "Abarrotes");
  await choose(browser, "state", "Ciudad de M");
  await choose(browser, "municipality", "Cuauht");
  await type(browser, "street", "Calle Durango");
  await type(browser, "exteriorNumber", "45");
  await type(browser, "neighbourhood", "Roma Norte");
  await type(browser, "postalCode", "06700");
  await type(browser, "password", "Pan-dulce-2026");
}


test("a persona física is registered, then sells through a link of its own", async () => {
  await withApp("merchants-fisica", async (browser) => {
    await openRegistration(browser);
    await fillFisica(browser, {
      email: "lupita@panaderia.mx",
      curp: "RASG850312MDFMTD08",
      rfc: "RASG850312AB1",
    });
    await screenshot("merchants-form-fisica");
    await (await $(browser, "merchant-submit")).click();
    await notified(browser, "Registro completo: Guadalupe Ramírez Soto");
    const detail = await $(browser, "merchant-detail");
    await detail.waitForDisplayed({ timeout: 10_000 });
    assert.match(await text(detail), /RASG850312MDFMTD08/);
    await screenshot("merchants-detail");

    // Switch to the new merchant and create a link as them.
    await (await $(browser, "merchant-open-links")).click();
    await (await $(browser, "main-link-edit")).waitForDisplayed({ timeout: 15_000 });
    assert.match(await text(await $(browser, "main-link")), /Sin configurar/);
    await (await $(browser, "main-link-edit")).click();
    await (await $(browser, "main-link-input")).setValue("panaderia-lupita");
    await (await $(browser, "main-link-save")).click();
    await browser.waitUntil(
      async () => (await text(await $(browser, "main-link"))).includes("/panaderia-lupita/"),
      {
        timeout: 15_000,
        timeoutMsg: "the main link was not configured",
      },
    );
    await (await $(browser, "links-new")).click();
    await (await $(browser, "link-amount")).setValue("350");
    await (await $(browser, "link-description-input")).setValue("Rosca de reyes");
    await (await $(browser, "link-submit")).click();
    await notified(browser, "Liga creada.");
    assert.match(await text(await $(browser, "detail-url")), /\/panaderia-lupita\//);
  });
});

test("a persona moral is registered with its company fields", async () => {
  await withApp("merchants-moral", async (browser) => {
    await openRegistration(browser);
    await personType(browser, "Persona moral");
    await type(browser, "legalName", "Tortillería La Esperanza");
    await type(browser, "incorporationDate", "2010-03-15");
    await type(browser, "legalRepresentative", "Martín Aguilar Becerra");
    await type(browser, "firstName", "Martín");
    await type(browser, "paternalSurname", "Aguilar");
    await type(browser, "rfc", "TES100315AB1");
    await type(browser, "email", "contacto@laesperanza.mx");
    await type(browser, "phone", "3312345678");
    await choose(browser, "commercialActivity", "Restaur");
    await choose(browser, "companyType", "S.A. de C.V.");
    await choose(browser, "state", "Jalisco");
    await choose(browser, "municipality", "Guadalajara");
    await type(browser, "street", "Av. Juárez");
    await type(browser, "exteriorNumber", "100");
    await type(browser, "neighbourhood", "Centro");
    await type(browser, "postalCode", "44100");
    await type(browser, "password", "Tortilla-2026");
    assert.equal(
      await (await $(browser, "merchant-curp")).isExisting(),
      false,
      "no CURP for a company",
    );
    await (await $(browser, "merchant-submit")).click();
    await notified(browser, "Registro completo: Tortillería La Esperanza");
    const detail = await $(browser, "merchant-detail");
    await detail.waitForDisplayed({ timeout: 10_000 });
    assert.match(await text(detail), /Martín Aguilar Becerra/);
    await browser.keys("Escape");
    await detail.waitForDisplayed({ reverse: true, timeout: 10_000 });
    const table = await $(browser, "merchants-table");
    await table.waitForDisplayed({ timeout: 10_000 });
    assert.match(await text(table), /Tortillería La Esperanza.*Persona moral/s);
  });
});

test("bad identifiers are explained in Spanish on their fields, and a duplicate on its field", async () => {
  await withApp("merchants-errors", async (browser) => {
    await openRegistration(browser);
    await personType(browser, "Persona física");
    await type(browser, "firstName", "Prueba");
    await type(browser, "curp", "RASG850312MDFMTD0");
    await type(browser, "rfc", "RASG85031");
    await choose(browser, "state", "Jalisco");
    await type(browser, "postalCode", "06700");
    await type(browser, "email", "x@y.mx"); // blur the postal code
    await browser.waitUntil(
      async () => (await fieldError(browser, "curp")).includes("18 caracteres"),
      {
        timeout: 10_000,
        timeoutMsg: "no CURP length error",
      },
    );
    assert.match(await fieldError(browser, "rfc"), /RFC/);
    assert.match(await fieldError(browser, "postalCode"), /código postal/i);
    await screenshot("merchants-field-errors");

    // Each valid on its own, but not the same person: the RFC says so as soon as both are typed.
    await type(browser, "curp", "RASG850312MDFMTD08");
    await type(browser, "rfc", "GODE561231GR8");
    await type(browser, "email", "x@y.mx");
    await browser.waitUntil(
      async () => (await fieldError(browser, "rfc")).includes("no coincide"),
      {
        timeout: 10_000,
        timeoutMsg: "no RFC/CURP consistency error",
      },
    );
    await browser.keys("Escape");
    await (await $(browser, "discard-confirm")).click(); // typed input: Esc asks first
    await (await $(browser, "merchant-submit")).waitForExist({ reverse: true, timeout: 10_000 });

    // A registration with the e-mail of an existing merchant: Billpocket's 409, on the e-mail.
    await openRegistration(browser);
    await fillFisica(browser, {
      email: "muebles.bajio@sandbox.mostrador.test",
      curp: "RASG850312MDFMTD08",
      rfc: "RASG850312AB1",
    });
    await (await $(browser, "merchant-submit")).click();
    await browser.waitUntil(
      async () => (await fieldError(browser, "email")).includes("Ya existe un comercio"),
      {
        timeout: 15_000,
        timeoutMsg: "the duplicate was not shown on the e-mail field",
      },
    );
    await screenshot("merchants-duplicate");

    // A wrong CLABE check digit, on the CLABE field of a merchant.
    await browser.keys("Escape");
    await (await $(browser, "discard-confirm")).click(); // typed input: Esc asks first
    await (await $(browser, "merchant-submit")).waitForExist({ reverse: true, timeout: 10_000 });
    // WebKitWebDriver does not click table rows; their first cell's text is clickable.
    await (await (await $(browser, "merchant-row")).$("p")).click();
    const clabe = await $(browser, "merchant-clabe-input");
    await clabe.waitForClickable({ timeout: 10_000 });
    await clabe.setValue("002010077777777772");
    await browser.keys("Tab"); // blur: the field checks itself
    await browser.waitUntil(
      async () =>
        (await text(await $(browser, "merchant-detail"))).includes(
          "dígito verificador de la CLABE",
        ),
      { timeout: 10_000, timeoutMsg: "no CLABE check-digit error" },
    );

    // The right one is set at Billpocket, then shown with its bank in the drawer and the list.
    await clabe.click();
    await browser.keys(["Control", "a"]);
    await browser.keys("Backspace");
    await clabe.addValue("002010077777777771");
    await (await $(browser, "merchant-clabe-save")).click();
    await notified(browser, "CLABE guardada (Banamex).");
    await browser.waitUntil(
      async () =>
        (await text(await $(browser, "merchant-clabe"))) === "002010077777777771 · Banamex",
      { timeout: 10_000, timeoutMsg: "the saved CLABE is not shown" },
    );
    await screenshot("merchants-clabe-saved");
    await browser.keys("Escape");
    assert.match(await text(await $(browser, "merchants-table")), /Banamex/);
  });
});

test("a half-filled registration survives the app being killed", async () => {
  await withApp("merchants-draft-before-kill", async (browser) => {
    await openRegistration(browser);
    await personType(browser, "Persona física");
    await type(browser, "firstName", "Iván");
    await type(browser, "paternalSurname", "Castañeda");
    await type(browser, "curp", "CAXI900101HDFSXV09");
    await type(browser, "password", "no-se-guarda");
    const status = await $(browser, "draft-status");
    await browser.waitUntil(async () => (await text(status)) === "Borrador guardado.", {
      timeout: 10_000,
      timeoutMsg: "the draft was not saved",
    });
    await browser.pause(600); // the last keystrokes reach the draft too
    // No goodbye: the process dies as in a crash.
    execFileSync("pkill", ["-KILL", "-f", application]);
  }).catch(() => undefined); // the session ends with the app

  await withApp("merchants-draft-after-restart", async (browser) => {
    await (await $(browser, "nav-merchants")).click();
    const drafts = await $(browser, "merchant-drafts");
    await drafts.waitForDisplayed({ timeout: 15_000 });
    assert.match(await text(drafts), /Borradores: \d/);
    let resume;
    for (const row of await browser.$$('[data-testid="merchant-draft"]')) {
      if ((await text(row)).includes("Iván Castañeda")) {
        resume = await row.$('[data-testid="merchant-draft-resume"]');
      }
    }
    assert.ok(resume, "the draft is listed under its name");
    await resume.click();
    assert.equal(await (await $(browser, "merchant-curp")).getValue(), "CAXI900101HDFSXV09");
    assert.equal(await (await $(browser, "merchant-password")).getValue(), "", "no password kept");
    await screenshot("merchants-draft-resumed");
  });
});

test("an existing merchant is connected with its token, checked with Billpocket first", async () => {
  await withApp("merchants-connect", async (browser) => {
    await (await $(browser, "nav-merchants")).click();
    await (await $(browser, "merchant-connect")).click();
    await (await browser.$("label=Con su token")).click();
    const secret = await $(browser, "connect-secret");
    await secret.setValue("sandbox-bp-user-token-99999");
    await (await $(browser, "connect-submit")).click();
    await browser.waitUntil(
      async () =>
        (await text(await $(browser, "merchant-connect-dialog"))).includes("no reconoció"),
      { timeout: 10_000, timeoutMsg: "a wrong token was not refused on its field" },
    );
    await secret.click();
    await browser.keys(["Control", "a"]);
    await browser.keys("Backspace");
    await secret.addValue("sandbox-bp-user-token-61235");
    await (await $(browser, "connect-submit")).click();
    // Sandbox merchants are cached at start-up: connecting one again changes nothing.
    await notified(browser, "ya estaba conectado");
    assert.match(await text(await $(browser, "merchant-detail")), /61235/);
  });
});
