// Clientes y KYC in the real window: the seeded customers of both providers, oldest pending
// first; filters by provider, status and age; a search by id number with the sandbox offline;
// a customer's page with its timeline; a tag and a note that survive a restart; a company's KYB
// link near expiry; the screen at 1024×700 and the minimum size; empty and error states; a
// document uploaded from the page and the links issued, in the timeline without reopening it;
// what is typed in a registration form kept as a draft across a restart.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { crc32, deflateSync } from "node:zlib";

import { $, recordingBrowser, replaceText, setFaults, text } from "../lib/app.mjs";
import { screenshot, useDriver, withApp } from "../lib/driver.mjs";
import { cutElements, resizeWindow, WINDOW_SIZES } from "../lib/layout.mjs";

// A home of its own: the tag and the note must be found again after a restart.
const home = mkdtempSync(path.join(tmpdir(), "mostrador-customers-"));
// What the app opens in the browser (WhatsApp, e-mail) is written down, not opened.
const { stub: browserStub, opened } = recordingBrowser(home);
useDriver({
  env: {
    XDG_DATA_HOME: path.join(home, "data"),
    XDG_CONFIG_HOME: path.join(home, "config"),
    BROWSER: browserStub,
  },
});

const PENDING = ["Sin iniciar", "En revisión", "Pendiente"];

/** A real 1×1 PNG, written for the upload (the page reads it through its file input). */
function writePng(file) {
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const pixels = deflateSync(Buffer.from([0, 0xe6, 0x00, 0x7e]));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  writeFileSync(
    file,
    Buffer.concat([
      signature,
      chunk("IHDR", header),
      chunk("IDAT", pixels),
      chunk("IEND", Buffer.alloc(0)),
    ]),
  );
  return file;
}

async function openCustomers(browser) {
  await (await $(browser, "nav-customers")).click();
  await (await $(browser, "customer-row")).waitForDisplayed({ timeout: 30_000 });
}

/** What the listed rows show: name, provider, status, age text and whether past the target. */
async function listed(browser) {
  return browser.execute(() =>
    [...document.querySelectorAll('[data-testid="customer-row"]')].map((row) => ({
      name: row.querySelector("p")?.textContent ?? "",
      provider: row.querySelector('[data-testid="provider-badge"]')?.textContent ?? "",
      status: row.querySelector('[data-testid="kyc-status"]')?.textContent ?? "",
      age: row.querySelector('[data-testid="pending-age"]')?.textContent ?? "",
      over: row.hasAttribute("data-over-target"),
    })),
  );
}

/** Waits until the listed rows satisfy `check` (the list reads again after each filter). */
async function waitForRows(browser, check, message) {
  let rows = [];
  await browser.waitUntil(
    async () => {
      rows = await listed(browser);
      return rows.length > 0 && check(rows);
    },
    { timeout: 10_000, timeoutMsg: message },
  );
  return rows;
}

const search = (browser, words) => replaceText(browser, "customers-search", words);

/** Picks `label` in the Mantine select with test id `testId` (the open dropdown's option). */
async function choose(browser, testId, label) {
  await (await $(browser, testId)).click();
  let option;
  await browser.waitUntil(
    async () => {
      // Other selects (the toolbar's country) keep hidden options with the same text.
      for (const candidate of await browser.$$(`[role="option"]*=${label}`)) {
        if (await candidate.isDisplayed()) option = candidate;
      }
      return option !== undefined;
    },
    { timeout: 5_000, timeoutMsg: `no "${label}" option` },
  );
  await option.click();
}

/** Opens the one customer a search for `words` finds. */
async function openFound(browser, words, name) {
  await search(browser, words);
  await waitForRows(browser, (rows) => rows.length === 1 && rows[0].name === name, `no ${name}`);
  await (await $(browser, "customer-row")).click();
  const drawer = await $(browser, "customer-detail");
  await drawer.waitForDisplayed({ timeout: 10_000 });
  await (await $(browser, "customer-timeline")).waitForDisplayed({ timeout: 10_000 });
  return drawer;
}

async function timeline(browser) {
  return browser.execute(() =>
    [...document.querySelectorAll('[data-testid^="timeline-"]')].map((item) => item.textContent),
  );
}

test("both providers listed oldest pending first, filtered by provider, status and age", async () => {
  await withApp("customers-list", async (browser) => {
    await openCustomers(browser);
    const rows = await listed(browser);
    await screenshot("customers-list-1280");
    assert.ok(
      rows.some((row) => row.provider === "CryptoPocket"),
      "CryptoPocket customers",
    );
    // Oldest pending first: the pending cases lead, and the first is past the 2-day target.
    assert.ok(PENDING.includes(rows[0].status), `first row ${JSON.stringify(rows[0])}`);
    assert.match(rows[0].age, /^Pendiente hace \d+ (días|meses)/);
    assert.equal(rows[0].over, true);
    assert.match(await text(await $(browser, "customers-age")), /^Actualiza(do|ndo)/);

    // Provider: only UnDosTres accounts.
    const providers = await $(browser, "customers-provider-filter");
    await (await providers.$("label*=UnDosTres")).click();
    await waitForRows(
      browser,
      (found) => found.every((row) => row.provider === "UnDosTres"),
      "the provider filter left other providers",
    );
    await screenshot("customers-filter-undostres");
    await (await providers.$("label*=Todos")).click();

    // Status: only the rejected ones.
    await choose(browser, "customers-status-filter", "Rechazados");
    await waitForRows(
      browser,
      (found) => found.every((row) => ["Rechazado", "Suspendida"].includes(row.status)),
      "the status filter left other statuses",
    );
    await screenshot("customers-filter-rejected");
    await (await $(browser, "customers-filters-clear")).click();

    // Age: pending for more than 7 days, then past the target too.
    await choose(browser, "customers-age-filter", "más de 7 días");
    const old = await waitForRows(
      browser,
      (found) => found.every((row) => PENDING.includes(row.status) && row.over),
      "the age filter left settled or recent cases",
    );
    assert.ok(old.length < rows.length);
    await (await $(browser, "customers-filters-clear")).click();
    // The chip's input is hidden; its label is what a person clicks.
    await (await browser.$("label*=Pasaron la meta (2 días)")).click();
    await waitForRows(
      browser,
      (found) => found.every((row) => row.over),
      "the target filter left cases within the target",
    );
    await (await $(browser, "customers-filters-clear")).click();

    // A filter nobody matches: the designed empty state, not an empty table.
    await search(browser, "zzzz-nadie");
    await (await $(browser, "empty-state")).waitForDisplayed({ timeout: 10_000 });
    assert.match(await text(await $(browser, "empty-state")), /Ningún cliente coincide/);
    await screenshot("customers-empty-filtered");
  });
});

test("a customer's page: its timeline, a tag and a note, and a company's KYB link near expiry", async () => {
  await withApp("customers-page", async (browser) => {
    await openCustomers(browser);
    const drawer = await openFound(browser, "LOSC780715MNLPNR00", "Sofía López");
    assert.match(await text(drawer), /En revisión/);
    assert.match(await text(drawer), /CURP LOSC780715MNLPNR00/);
    const before = await timeline(browser);
    assert.ok(
      before.some((entry) => entry.startsWith("Alta en CryptoPocket")),
      before.join("|"),
    );
    assert.ok(before.some((entry) => entry.startsWith("Visto por primera vez: En revisión")));

    await (await $(browser, "customer-tag-input")).setValue("llamar el lunes");
    await browser.keys("Enter");
    await (await $(browser, "customer-tag")).waitForDisplayed({ timeout: 10_000 });
    await (await $(browser, "customer-note-input")).setValue("Pidió la liga otra vez por WhatsApp");
    await (await $(browser, "customer-note-add")).click();
    await browser.waitUntil(
      async () =>
        (await timeline(browser)).some((entry) => entry.includes("Pidió la liga otra vez")),
      { timeout: 10_000, timeoutMsg: "the note is not in the timeline" },
    );
    const after = await timeline(browser);
    assert.match(after[0], /^Nota.*Pidió la liga otra vez por WhatsApp/, "newest first");
    assert.match(after[1], /^Etiqueta agregada: llamar el lunes/);

    // An empty note is refused on its field, in Spanish, and nothing is added.
    await (await $(browser, "customer-note-add")).click();
    await (
      await browser.$("p*=Escribe la nota antes de guardarla")
    ).waitForDisplayed({
      timeout: 10_000,
    });
    assert.equal((await timeline(browser)).length, after.length);
    await screenshot("customers-page-tag-note");

    // No stored link: an enhanced one is asked for, then sent by WhatsApp as a reminder.
    await (await $(browser, "customer-enhanced-link")).click();
    await (await $(browser, "detail-url")).waitForDisplayed({ timeout: 20_000 });
    assert.match(await text(await $(browser, "share-message")), /^Hola Sofía, te recuerdo/);
    await (await $(browser, "share-whatsapp")).click();
    await browser.waitUntil(
      async () =>
        (await timeline(browser)).some((entry) =>
          entry.startsWith("Recordatorio enviado por WhatsApp"),
        ),
      {
        timeout: 10_000,
        timeoutMsg: "the WhatsApp reminder is not in the timeline",
      },
    );
    await screenshot("customers-page-reminder");
    const link = await text(await $(browser, "detail-url"));
    const sent = existsSync(opened) ? readFileSync(opened, "utf8") : "";
    assert.match(sent, /^https:\/\/wa\.me\/\?text=Hola%20Sof/);
    assert.ok(sent.includes(encodeURIComponent(link)), "the WhatsApp message carries the link");
    // The link issued is on the timeline with the link itself, without reopening the page.
    const issued = (await timeline(browser)).find((entry) =>
      entry.startsWith("Liga de verificación reforzada emitida"),
    );
    assert.ok(issued?.includes(link), `enhanced link in the timeline: ${issued}`);

    // A document: a file of a type CryptoPocket does not take is refused on its field before
    // anything is sent; a PNG goes, with its name and size while it uploads.
    const upload = await $(browser, "customer-upload");
    await upload.scrollIntoView();
    const fileInput = await $(browser, "customer-document-file");
    const textFile = path.join(home, "notas.txt");
    writeFileSync(textFile, "no es un documento");
    await fileInput.addValue(textFile);
    const fileStatus = await $(browser, "customer-document-file-status");
    await browser.waitUntil(
      async () => (await text(fileStatus)).startsWith("Este tipo de archivo no se acepta"),
      {
        timeout: 10_000,
        timeoutMsg: "a text file was not refused on its field",
      },
    );
    await screenshot("customers-upload-refused");
    await choose(browser, "customer-document-type", "Estado de cuenta bancario");
    await fileInput.addValue(writePng(path.join(home, "estado-de-cuenta.png")));
    await browser.waitUntil(
      async () => (await text(fileStatus)).startsWith("estado-de-cuenta.png · "),
      {
        timeout: 10_000,
        timeoutMsg: "the chosen PNG is not named with its size",
      },
    );
    const entriesBefore = (await timeline(browser)).length;
    await (await $(browser, "customer-document-upload")).click();
    const outcome = await $(browser, "customer-upload-outcome");
    await outcome.waitForDisplayed({ timeout: 30_000 });
    assert.equal(
      await text(outcome),
      "Estado de cuenta bancario: documento subido a CryptoPocket.",
    );
    await browser.waitUntil(async () => (await timeline(browser)).length === entriesBefore + 1, {
      timeout: 10_000,
      timeoutMsg: "the upload is not in the timeline",
    });
    assert.match((await timeline(browser))[0], /^Documento subido: Estado de cuenta bancario/);
    await screenshot("customers-page-upload");

    await browser.keys("Escape");
    await drawer.waitForDisplayed({ reverse: true, timeout: 10_000 });
    // The focus is back on the list, on the row it came from.
    assert.equal(
      await browser.execute(() => document.activeElement?.dataset.testid),
      "customers-table",
    );

    // A company created 87 days ago: its KYB link expires in 3 days.
    const company = await openFound(
      browser,
      "kyb tortilleriasanmiguel",
      "Tortillería San Miguel S.A. de C.V.",
    );
    const warning = await $(browser, "customer-link-expiring");
    await warning.waitForDisplayed({ timeout: 10_000 });
    assert.match(await text(warning), /La liga vence (en \d+ días|pasado mañana|mañana)/);
    assert.match(await text(company), /Liga KYB de la empresa/);
    await screenshot("customers-company-near-expiry");
  });
});

test("the tag and the note are still there after a restart, and the search works offline", async () => {
  await withApp("customers-restart", async (browser) => {
    // The sandbox goes down before the screen opens: its sync fails, the cache stays searchable.
    await setFaults(browser, { outage: { durationMs: null } });
    await (await $(browser, "nav-customers")).click();
    const banner = await $(browser, "customers-offline");
    await banner.waitForDisplayed({ timeout: 30_000 });
    assert.match(await text(banner), /Sin conexión con CryptoPocket/);
    await openFound(browser, "LOSC780715MNLPNR00", "Sofía López");
    const entries = await timeline(browser);
    assert.ok(entries.some((entry) => entry.includes("Pidió la liga otra vez por WhatsApp")));
    assert.ok(entries.some((entry) => entry.startsWith("Etiqueta agregada: llamar el lunes")));
    assert.equal(await text(await $(browser, "customer-tag")), "llamar el lunes");
    await screenshot("customers-restart-offline");
    await (await $(browser, "customer-timeline")).scrollIntoView();
    await screenshot("customers-restart-timeline");
    await setFaults(browser, {});
  });
});

/** Opens the registration form on `kind` ("Persona", "Empresa", "Cuenta UnDosTres"). */
async function openForm(browser, kind) {
  await (await $(browser, "customers-new")).click();
  const form = await $(browser, "customer-form");
  await form.waitForDisplayed({ timeout: 10_000 });
  await (await (await $(browser, "customer-form-kind")).$(`label*=${kind}`)).click();
  return form;
}

/** Replaces what the input with test id `testId` holds (a controlled input: select, delete, type). */
const typeInto = replaceText;

for (const [country, idType, number, name] of [
  ["México", "CURP", "PEGJ800101HDFRRN03", "Jorge"],
  ["Argentina", "DNI", "30123456", "Martina"],
]) {
  test(`a person from ${country} with a ${idType} is registered`, async () => {
    await withApp(`customers-register-${idType}`, async (browser) => {
      await openCustomers(browser);
      const form = await openForm(browser, "Persona");
      await choose(browser, "customer-country", country);
      await choose(browser, "customer-idType", idType);
      await typeInto(browser, "customer-idNumber", number);
      await browser.waitUntil(async () => (await text(form)).includes("Correcto"), {
        timeout: 10_000,
        timeoutMsg: `the ${idType} was not accepted`,
      });
      await typeInto(browser, "customer-firstName", name);
      await typeInto(browser, "customer-lastName", "Prueba");
      await typeInto(
        browser,
        "customer-email",
        `${name.toLowerCase()}.${idType.toLowerCase()}@example.mx`,
      );
      await (await $(browser, "customer-submit")).click();
      await (await $(browser, "customer-detail")).waitForDisplayed({ timeout: 30_000 });
      assert.match(await text(await $(browser, "customer-name")), new RegExp(`${name} Prueba`));
      assert.match(
        await text(await $(browser, "customer-detail")),
        new RegExp(`${idType} ${number}`),
      );
    });
  });
}

test("a person registered offline waits in the pending panel and is sent once CryptoPocket is back", async () => {
  await withApp("customers-queued", async (browser) => {
    await openCustomers(browser);
    await setFaults(browser, { outage: { durationMs: null } });
    const form = await openForm(browser, "Persona");
    await choose(browser, "customer-country", "México");
    await choose(browser, "customer-idType", "CURP");
    await typeInto(browser, "customer-idNumber", "PEGJ800101HDFRRN03");
    await browser.waitUntil(async () => (await text(form)).includes("Correcto"), {
      timeout: 10_000,
      timeoutMsg: "the CURP was not accepted",
    });
    await typeInto(browser, "customer-firstName", "Pilar");
    await typeInto(browser, "customer-lastName", "Cola");
    await typeInto(browser, "customer-email", "pilar.cola@example.mx");
    await (await $(browser, "customer-submit")).click();

    const panel = await $(browser, "pending-writes");
    await panel.waitForDisplayed({ timeout: 30_000 });
    assert.match(await text(panel), /1 registro sin confirmar/);
    await (await $(browser, "pending-toggle")).click();
    const line = await $(browser, "pending-write");
    await line.waitForDisplayed({ timeout: 10_000 });
    assert.match(await text(line), /Registrar persona · pilar\.cola@example\.mx/);
    assert.match(await text(line), /En cola: se enviará cuando CryptoPocket responda/);
    await screenshot("customers-queued-pending");

    // Back online, "Actualizar" syncs the list, which sends the queued registration.
    await setFaults(browser, {});
    await (await $(browser, "customers-sync")).click();
    await panel.waitForDisplayed({ reverse: true, timeout: 30_000 });
    await search(browser, "pilar cola");
    await waitForRows(
      browser,
      (rows) => rows.some((row) => row.name.includes("Pilar Cola")),
      "the registration sent once online is not listed",
    );
    await screenshot("customers-queued-sent");
  });
});

test("a Chilean person: a wrong RUT refused on its field before sending, then created and its link shared", async () => {
  await withApp("customers-register-person", async (browser) => {
    await openCustomers(browser);
    const form = await openForm(browser, "Persona");
    await choose(browser, "customer-country", "Chile");
    await choose(browser, "customer-idType", "RUT");
    // The check digit of 12.345.678 is 5: a 0 is refused at the keystroke, in Spanish.
    await typeInto(browser, "customer-idNumber", "12345678-0");
    await browser.waitUntil(
      async () => (await text(form)).includes("El dígito verificador del RUT no coincide"),
      {
        timeout: 10_000,
        timeoutMsg: "the wrong RUT was not refused on its field",
      },
    );
    await screenshot("customers-register-wrong-rut");
    await typeInto(browser, "customer-idNumber", "12345678-5");
    await typeInto(browser, "customer-firstName", "Catalina");
    await typeInto(browser, "customer-lastName", "Fuentes");
    await typeInto(browser, "customer-email", "catalina.fuentes@example.cl");
    await (await $(browser, "customer-submit")).click();
    // Registered: its page opens on the KYC link, with the share options.
    const drawer = await $(browser, "customer-detail");
    await drawer.waitForDisplayed({ timeout: 30_000 });
    await (await $(browser, "detail-url")).waitForDisplayed({ timeout: 10_000 });
    assert.match(await text(await $(browser, "customer-name")), /Catalina Fuentes/);
    assert.match(await text(drawer), /RUT 123456785/);
    await (await $(browser, "link-qr")).waitForDisplayed({ timeout: 10_000 });
    const kycLink = await text(await $(browser, "detail-url"));
    const issued = (await timeline(browser)).find((entry) =>
      entry.startsWith("Liga de verificación KYC emitida"),
    );
    assert.ok(issued?.includes(kycLink), `KYC link in the timeline: ${issued}`);
    await screenshot("customers-register-person-link");
    // Copying the link is a reminder sent: it is in the timeline.
    await (await $(browser, "detail-copy")).click();
    await browser.waitUntil(
      async () =>
        (await timeline(browser)).some((entry) => entry.startsWith("Recordatorio enviado")),
      { timeout: 10_000, timeoutMsg: "the reminder is not in the timeline" },
    );
  });
});

test("a company: its KYB link with its expiry, the password absent until revealed", async () => {
  await withApp("customers-register-company", async (browser) => {
    await openCustomers(browser);
    await openForm(browser, "Empresa");
    await typeInto(browser, "customer-email", "kyb@panaderialupita.mx");
    await typeInto(browser, "customer-companyName", "Panadería Lupita S.A. de C.V.");
    await (await $(browser, "customer-submit")).click();
    const drawer = await $(browser, "customer-detail");
    await drawer.waitForDisplayed({ timeout: 30_000 });
    await (await $(browser, "kyb-password-reveal")).waitForDisplayed({ timeout: 10_000 });
    assert.match(
      await text(await $(browser, "customer-link-expiry")),
      /^Vence el .*\(en 3 meses\)/,
    );
    assert.ok(
      (await timeline(browser)).some((entry) =>
        entry.startsWith("Liga de verificación KYB emitida"),
      ),
      "the KYB link issued is in the timeline",
    );
    const before = await browser.execute(() => document.body.textContent);
    await (await $(browser, "kyb-password-reveal")).click();
    const value = await $(browser, "kyb-password-value");
    await value.waitForDisplayed({ timeout: 10_000 });
    const password = await text(value);
    assert.ok(password.length >= 8, "a password is shown");
    assert.ok(!before.includes(password), "the password was in the page before the reveal");
    await (await $(browser, "kyb-password-copy")).click();
    await screenshot("customers-register-company");
  });
});

test("an UnDosTres business account: no CURP, a 12-character RFC, $100,000.00 shown back", async () => {
  await withApp("customers-register-account", async (browser) => {
    await openCustomers(browser);
    const form = await openForm(browser, "Cuenta UnDosTres");
    await (await (await $(browser, "account-type")).$("label*=Empresa")).click();
    assert.equal(await (await $(browser, "account-curp")).isExisting(), false);
    assert.equal(await (await $(browser, "account-middleName")).isExisting(), false);
    await typeInto(browser, "account-firstName", "Panadería");
    await typeInto(browser, "account-lastName", "Lupita");
    await typeInto(browser, "account-email", "pagos@panaderialupita.mx");
    await typeInto(browser, "account-mobile", "5512345678");
    await typeInto(browser, "account-rfc", "PLU190315AB1");
    await typeInto(browser, "account-creditLine", "100000");
    await (await $(browser, "account-mobile")).click();
    await browser.waitUntil(
      async () => (await (await $(browser, "account-creditLine")).getValue()) === "$100,000.00",
      {
        timeout: 10_000,
        timeoutMsg: "the credit line was not shown back as $100,000.00",
      },
    );
    await screenshot("customers-register-account-form");
    await (await $(browser, "customer-submit")).click();
    await (
      await browser.$("div*=Línea de crédito enviada: $100,000.00")
    ).waitForExist({
      timeout: 30_000,
    });
    const drawer = await $(browser, "customer-detail");
    await drawer.waitForDisplayed({ timeout: 30_000 });
    await (await $(browser, "account-refresh")).click();
    const line = await $(browser, "account-credit-line");
    await line.waitForDisplayed({ timeout: 20_000 });
    assert.equal(await text(line), "$100,000.00");
    await screenshot("customers-register-account");
    const id = (await text(drawer)).match(/ID en UnDosTres(\d+)/)?.[1];
    assert.ok(id, "the account's id is on its page");
    await browser.keys("Escape");
    await drawer.waitForDisplayed({ reverse: true, timeout: 10_000 });

    // Ajustes → Sandbox moves the account to level 3; refreshed, the timeline has the change.
    await (await $(browser, "nav-settings")).click();
    const account = await $(browser, "sandbox-undostres-id");
    await account.waitForDisplayed({ timeout: 20_000 });
    await account.scrollIntoView();
    await account.clearValue();
    await account.setValue(id);
    await (await (await $(browser, "sandbox-undostres-level")).$("label=3")).click();
    await (await $(browser, "sandbox-undostres-apply")).click();
    await (await $(browser, "sandbox-undostres-done")).waitForDisplayed({ timeout: 10_000 });
    await openCustomers(browser);
    await openFound(browser, "PLU190315AB1", "Panadería Lupita");
    await (await $(browser, "account-refresh")).click();
    await browser.waitUntil(
      async () => (await timeline(browser)).some((entry) => entry.startsWith("Nivel 3 (Activa)")),
      {
        timeout: 20_000,
        timeoutMsg: "the level change is not in the timeline",
      },
    );
    assert.match(await text(await $(browser, "kyc-level")), /Nivel 3/);
    await (await $(browser, "customer-timeline")).scrollIntoView();
    await screenshot("customers-account-level-timeline");
    assert.ok(form);
  });
});

test("what is typed in a registration form comes back after closing it and after a restart", async () => {
  const typed = async (browser) => ({
    email: await (await $(browser, "customer-email")).getValue(),
    company: await (await $(browser, "customer-companyName")).getValue(),
  });
  const expected = {
    email: "pagos@ferreteriaelclavo.mx",
    company: "Ferretería El Clavo",
  };
  await withApp("customers-draft-typed", async (browser) => {
    await openCustomers(browser);
    await openForm(browser, "Empresa");
    await typeInto(browser, "customer-email", expected.email);
    await typeInto(browser, "customer-companyName", expected.company);
    const status = await $(browser, "customer-draft-status");
    await browser.waitUntil(async () => (await text(status)).startsWith("Borrador guardado"), {
      timeout: 10_000,
      timeoutMsg: "the draft was not saved",
    });
    await screenshot("customers-draft-saved");
    // Closing asks first, and says the draft stays.
    await browser.keys("Escape");
    const confirm = await $(browser, "discard-confirm");
    await confirm.waitForDisplayed({ timeout: 5_000 });
    assert.match(await text(await browser.$('[role="dialog"]*=borrador')), /queda como borrador/);
    await confirm.click();
    await (await $(browser, "customer-form")).waitForDisplayed({ reverse: true, timeout: 10_000 });
    await (await $(browser, "customers-new")).click();
    await (await $(browser, "customer-form")).waitForDisplayed({ timeout: 10_000 });
    assert.deepEqual(await typed(browser), expected, "the draft after closing the form");
  });
  await withApp("customers-draft-restart", async (browser) => {
    await openCustomers(browser);
    await (await $(browser, "customers-new")).click();
    await (await $(browser, "customer-form")).waitForDisplayed({ timeout: 10_000 });
    // The form last typed in opens, with what was typed.
    assert.deepEqual(await typed(browser), expected, "the draft after a restart");
    await screenshot("customers-draft-restart");
  });
});

test("Clientes fits 1024×700 and the minimum size, with its drawer open", async () => {
  await withApp("customers-layout", async (browser) => {
    await openCustomers(browser);
    for (const size of WINDOW_SIZES) {
      await resizeWindow(browser, size);
      await browser.pause(500);
      await screenshot(`customers-layout-${size.name}`);
      assert.deepEqual(await cutElements(browser, "body"), [], `list at ${size.name}`);
      await (await $(browser, "customer-row")).click();
      await (await $(browser, "customer-timeline")).waitForDisplayed({ timeout: 10_000 });
      await browser.pause(400);
      await screenshot(`customers-layout-${size.name}-drawer`);
      assert.deepEqual(await cutElements(browser, "body"), [], `drawer at ${size.name}`);
      await browser.keys("Escape");
      await (
        await $(browser, "customer-detail")
      ).waitForDisplayed({
        reverse: true,
        timeout: 10_000,
      });
    }
  });
});
