import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";

import { $, notified, personType, text } from "../lib/app.mjs";
import { screenshot, useDriver, withApp } from "../lib/driver.mjs";

// A home of its own: a fresh install with only the Sandbox's cached merchants and no drafts.
const home = mkdtempSync(path.join(tmpdir(), "mostrador-merchants-connect-"));
useDriver({
  env: {
    XDG_DATA_HOME: path.join(home, "data"),
    XDG_CONFIG_HOME: path.join(home, "config"),
  },
});

// The Sandbox's second merchant, cached at start-up (see sandbox/src/billpocket/seed.rs).
const BAJIO = {
  id: "61235",
  name: "Muebles Artesanales del Bajío",
  rfc: "MAB9307148T4",
  email: "muebles.bajio@sandbox.mostrador.test",
  password: "sandbox-password-0002",
  links: "24",
};
// The window sizes every screen must work at: a laptop with a docked panel, and the minimum
// the app allows (tauri.conf.json).
const SIZES = [
  [1024, 700],
  [960, 640],
];


async function openMerchants(browser) {
  await (await $(browser, "nav-merchants")).click();
  await (await $(browser, "merchant-row")).waitForDisplayed({ timeout: 20_000 });
}

/** The row of a merchant, by its id. */
async function rowOf(browser, id) {
  const row = await browser.$(`[data-testid="merchant-row"][data-merchant-id="${id}"]`);
  await row.waitForDisplayed({ timeout: 10_000 });
  return row;
}

async function rowText(browser, id) {
  return text(await rowOf(browser, id));
}


/** Connects through the dialog; `by` is the segmented control's label. */
async function connect(browser, by, fill) {
  await (await $(browser, "merchant-connect")).click();
  await (await $(browser, "merchant-connect-dialog")).waitForDisplayed({ timeout: 10_000 });
  await (await browser.$(`label=${by}`)).click();
  await fill();
  await (await $(browser, "connect-submit")).click();
}

/** Esc once the drawer has taken focus (it does as its opening animation ends). */
async function closeDrawer(browser) {
  await browser.waitUntil(
    () =>
      browser.execute(() =>
        Boolean(
          document
            .querySelector('[data-testid="merchant-detail"]')
            ?.contains(document.activeElement),
        ),
      ),
    { timeout: 5_000, timeoutMsg: "the detail never took focus" },
  );
  await browser.keys("Escape");
  await (await $(browser, "merchant-detail")).waitForExist({ reverse: true, timeout: 10_000 });
}

test("connecting a cached merchant again keeps its name, RFC and e-mail", async () => {
  await withApp("merchants-connect-known", async (browser) => {
    await openMerchants(browser);
    const before = await rowText(browser, BAJIO.id);
    assert.match(before, new RegExp(BAJIO.name));
    assert.match(before, new RegExp(BAJIO.rfc));
    assert.match(before, new RegExp(BAJIO.email.replaceAll(".", "\\.")));

    await connect(browser, "Con correo y contraseña", async () => {
      await (await $(browser, "connect-email")).setValue(BAJIO.email);
      await (await $(browser, "connect-secret")).setValue(BAJIO.password);
    });
    await notified(browser, "ya estaba conectado");
    const detail = await $(browser, "merchant-detail");
    await detail.waitForDisplayed({ timeout: 10_000 });
    assert.match(await text(detail), new RegExp(BAJIO.rfc));
    await screenshot("merchants-connect-already-login");
    await closeDrawer(browser);
    assert.equal(await rowText(browser, BAJIO.id), before, "nothing changed after the login");

    await connect(browser, "Con su token", async () => {
      await (await $(browser, "connect-secret")).setValue(`sandbox-bp-user-token-${BAJIO.id}`);
    });
    await notified(browser, "ya estaba conectado");
    await closeDrawer(browser);
    assert.equal(await rowText(browser, BAJIO.id), before, "nothing changed after the token");
    assert.doesNotMatch(await rowText(browser, BAJIO.id), /Comercio 61235/);
  });
});

test("the links count shows before the merchant's links were ever opened", async () => {
  await withApp("merchants-link-count", async (browser) => {
    await openMerchants(browser);
    const count = await (await rowOf(browser, BAJIO.id)).$('[data-testid="merchant-links"]');
    await browser.waitUntil(async () => (await text(count)) === BAJIO.links, {
      timeout: 20_000,
      timeoutMsg: `the count stayed "${await text(count)}", not ${BAJIO.links}`,
    });
  });
});

test("the detail shows the registered estado, municipio and actividad by name; focus returns to the row", async () => {
  await withApp("merchants-detail-catalogues", async (browser) => {
    await openMerchants(browser);
    const row = await rowOf(browser, BAJIO.id);
    await (await row.$("td")).click();
    const detail = await $(browser, "merchant-detail");
    await detail.waitForDisplayed({ timeout: 10_000 });
    const fact = async (key) => text(await $(browser, `merchant-fact-${key}`));
    await browser.waitUntil(async () => (await fact("state")) === "Guanajuato", {
      timeout: 20_000,
      timeoutMsg: "no state name",
    });
    assert.doesNotMatch(await fact("municipality"), /^\d+$/, "a name, not an id");
    assert.doesNotMatch(await fact("commercialActivity"), /^\d+$/, "a name, not an id");
    await screenshot("merchants-detail-catalogues");
    await closeDrawer(browser);
    await browser.waitUntil(
      () =>
        browser.execute(
          (id) => document.activeElement?.getAttribute("data-merchant-id") === id,
          BAJIO.id,
        ),
      { timeout: 5_000, timeoutMsg: "focus did not return to the row" },
    );
  });
});

test("choosing a person type alone leaves no draft, however often", async () => {
  await withApp("merchants-no-junk-drafts", async (browser) => {
    await openMerchants(browser);
    for (let i = 0; i < 2; i += 1) {
      await (await $(browser, "merchant-register")).click();
      await (await $(browser, "merchant-form")).waitForDisplayed({ timeout: 10_000 });
      await personType(browser, "Persona física");
      // Longer than the draft's 400 ms debounce and its save.
      await browser.pause(1_200);
      await (await $(browser, "merchant-form-close")).click();
      await (await $(browser, "merchant-form")).waitForExist({ reverse: true, timeout: 10_000 });
    }
    await browser.pause(500);
    assert.equal(await (await $(browser, "merchant-drafts")).isExisting(), false, "no drafts");
  });
});

/** Every header cell can be brought into view and shows its whole label. */
async function assertHeadersVisible(browser, where) {
  const problems = await browser.execute(() => {
    const found = [];
    const width = window.innerWidth;
    for (const th of document.querySelectorAll('[data-testid="merchants-table"] th')) {
      th.scrollIntoView({ block: "nearest", inline: "nearest" });
      const box = th.getBoundingClientRect();
      if (box.width === 0 || box.left < 0 || box.right > width + 1) {
        found.push(`${th.textContent} off screen (${box.left}–${box.right} of ${width})`);
      }
      if (th.scrollWidth > th.clientWidth + 1) found.push(`${th.textContent} cut`);
    }
    // Badges cut with an ellipsis lose their label too.
    for (const label of document.querySelectorAll(
      '[data-testid="merchants-table"] .mantine-Badge-label',
    )) {
      if (label.scrollWidth > label.clientWidth + 1) found.push(`${label.textContent} cut`);
    }
    // Back to where a person starts reading, for the screenshot.
    const table = document.querySelector('[data-testid="merchants-table"]');
    for (let node = table?.parentElement; node; node = node.parentElement) node.scrollLeft = 0;
    return found;
  });
  assert.deepEqual(problems, [], where);
}

/** The drawer fits the window and its last control can be scrolled to. */
async function assertDrawerFits(browser, testId, lastControl, where) {
  const drawer = await $(browser, testId);
  await drawer.waitForDisplayed({ timeout: 10_000 });
  const problems = await browser.execute(
    (drawerId, controlId) => {
      const found = [];
      const width = window.innerWidth;
      const content = document.querySelector(`[data-testid="${drawerId}"] .mantine-Drawer-content`);
      const box = content?.getBoundingClientRect();
      if (!box || box.left < 0 || box.right > width + 1)
        found.push(`drawer ${box?.left}–${box?.right}`);
      const control = document.querySelector(`[data-testid="${controlId}"]`);
      control?.scrollIntoView({ block: "nearest", inline: "nearest" });
      const last = control?.getBoundingClientRect();
      if (!last || last.bottom > window.innerHeight + 1 || last.right > width + 1) {
        found.push(`${controlId} unreachable`);
      }
      return found;
    },
    testId,
    lastControl,
  );
  assert.deepEqual(problems, [], where);
}

async function setLanguage(browser, label, heading) {
  await (await $(browser, "nav-settings")).click();
  await (await browser.$(`label=${label}`)).click();
  await (await browser.$(`h2=${heading}`)).waitForDisplayed({ timeout: 20_000 });
}

test("Comercios at 1024×700 and at the minimum size, in Spanish and English, loses nothing", async () => {
  await withApp("merchants-sizes", async (browser) => {
    for (const [language, label, heading] of [
      ["es", "Español (México)", "Ajustes"],
      ["en", "English", "Settings"],
    ]) {
      await setLanguage(browser, label, heading);
      for (const [width, height] of SIZES) {
        await browser.setWindowSize(width, height);
        await browser.waitUntil(
          async () => (await browser.execute(() => window.innerWidth)) <= width,
          {
            timeout: 5_000,
            timeoutMsg: `the window did not shrink to ${width}`,
          },
        );
        await openMerchants(browser);
        const where = `${language} ${width}×${height}`;
        await assertHeadersVisible(browser, where);
        await screenshot(`merchants-${language}-${width}x${height}`);

        await (await (await rowOf(browser, BAJIO.id)).$("td")).click();
        await assertDrawerFits(
          browser,
          "merchant-detail",
          "merchant-clabe-save",
          `detail ${where}`,
        );
        await screenshot(`merchants-detail-${language}-${width}x${height}`);
        await closeDrawer(browser);

        await (await $(browser, "merchant-register")).click();
        await (await $(browser, "merchant-form")).waitForDisplayed({ timeout: 10_000 });
        await personType(browser, ["Persona moral", "Company"]);
        await (await $(browser, "merchant-legalName")).waitForDisplayed({ timeout: 10_000 });
        await assertDrawerFits(browser, "merchant-form", "merchant-submit", `form ${where}`);
        await screenshot(`merchants-form-${language}-${width}x${height}`);
        await (await $(browser, "merchant-form-close")).click();
        await (await $(browser, "merchant-form")).waitForExist({ reverse: true, timeout: 10_000 });
      }
      await browser.setWindowSize(1280, 800);
    }
    await setLanguage(browser, "Español (México)", "Ajustes");
  });
});
