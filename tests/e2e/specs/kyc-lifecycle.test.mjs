// The KYC lifecycle in the real window: CryptoPocket settles one customer as `valid` and
// another as `fail` (the double's admin route, as its own back office would), and with nobody
// pressing "Actualizar" the list row, the open customer's timeline and a desktop notification
// follow, each once; the offline lines (CryptoPocket's list, UnDosTres) come with a sandbox
// outage and go by themselves after it; and Clientes y KYC in English at 1024×700 is driven by
// the keyboard alone. The background refresh runs every 2 s here; notifications are recorded to
// a file (MOSTRADOR_NOTIFICATIONS_FILE) since Xvfb has no desktop to show them.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";

import { $, invoke, notified, replaceText, setFaults, text, trackingHome } from "../lib/app.mjs";
import { screenshot, useDriver, withApp } from "../lib/driver.mjs";
import { cutElements, resizeWindow } from "../lib/layout.mjs";

const { home, env, notifications } = trackingHome("mostrador-lifecycle-");
const exports = path.join(home, "exports");
useDriver({ env: { ...env, MOSTRADOR_SAVE_DIALOG_DIR: exports } });

/**
 * The notifications recorded so far that `key` (`cryptopocket/<id>`) settled (a case past the
 * target age is notified too, as `overdue`).
 */
const settledNotices = (key) =>
  notifications().filter((notice) => notice.kind !== "overdue" && notice.customers.includes(key));

/** The cached CryptoPocket customer whose id number is `idNumber`. */
async function customerWith(browser, idNumber) {
  const page = await invoke(browser, "search_customers", {
    query: { text: idNumber, provider: "cryptopocket" },
  });
  assert.equal(page.items?.length, 1, JSON.stringify(page));
  return page.items[0];
}

/**
 * What CryptoPocket's back office does: settles a customer's KYC at the embedded double, through
 * its admin route on the address Ajustes → Sandbox reads.
 */
async function settleAtCryptoPocket(browser, id, status) {
  const { cryptopocketUrl } = await invoke(browser, "sandbox_status");
  const answer = await fetch(`${cryptopocketUrl}/__sandbox/cryptopocket/customers/${id}/kyc`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ kyc_status: status }),
  });
  assert.equal(answer.status, 204, `the double refused to settle customer ${id}`);
}

/** The status badge of the listed row of customer `id` ("" while it is not listed). */
const rowStatus = (browser, id) =>
  browser.execute((rowId) => {
    const row = document.getElementById(`customer-row-cryptopocket-${rowId}`);
    return row?.querySelector('[data-testid="kyc-status"]')?.textContent ?? "";
  }, id);

/** The open customer's timeline entries, newest first. */
const timeline = (browser) =>
  browser.execute(() =>
    [...document.querySelectorAll('[data-testid^="timeline-"]')].map((item) => item.textContent),
  );

/**
 * Opens customer `id`'s page from its row. The background refresh reads the list again every
 * 2 s here, so a click can meet a row being replaced: it is tried again until the page shows.
 */
async function openPage(browser, id) {
  const page = await $(browser, "customer-timeline");
  await browser.waitUntil(
    async () => {
      if (await page.isDisplayed()) return true;
      const row = await browser.$(`[id="customer-row-cryptopocket-${id}"]`);
      if (await row.isExisting()) await row.click().catch(() => undefined);
      return page.isDisplayed();
    },
    {
      timeout: 20_000,
      interval: 500,
      timeoutMsg: `customer ${id}'s page did not open`,
    },
  );
}

/** Waits for `check` to hold, saying `what` when it never does. */
const eventually = (browser, check, what) =>
  browser.waitUntil(check, {
    timeout: 20_000,
    interval: 250,
    timeoutMsg: what,
  });

test("CryptoPocket settles one customer valid and another fail: list, timeline and notification follow", async () => {
  await withApp("kyc-lifecycle", async (browser) => {
    await (await $(browser, "nav-customers")).click();
    await (await $(browser, "customer-row")).waitForDisplayed({ timeout: 30_000 });

    // Juan Ramírez and Lucía Fernández have not opened their forms yet; the background refresh
    // checks them (the double then answers "in review" for two minutes, longer than this test).
    const juan = await customerWith(browser, "RAMJ020228HJCMRNA7");
    const lucia = await customerWith(browser, "20123456");
    const juanKey = `cryptopocket/${juan.id}`;
    const luciaKey = `cryptopocket/${lucia.id}`;

    // Juan's page stays open while CryptoPocket approves him.
    await replaceText(browser, "customers-search", "RAMJ020228HJCMRNA7");
    await eventually(
      browser,
      async () => ["Sin iniciar", "En revisión"].includes(await rowStatus(browser, juan.id)),
      "Juan is not listed as pending",
    );
    await openPage(browser, juan.id);
    const before = await timeline(browser);
    assert.ok(!before.some((entry) => entry.includes("Verificado")), before.join(" | "));
    await screenshot("kyc-lifecycle-before");

    await settleAtCryptoPocket(browser, juan.id, "valid");
    await eventually(
      browser,
      async () => (await timeline(browser))[0]?.match(/→ Verificado/) != null,
      "Juan's timeline did not show the approval by itself",
    );
    await eventually(
      browser,
      async () => (await rowStatus(browser, juan.id)) === "Verificado",
      "Juan's row did not show the approval by itself",
    );
    assert.match(await text(await $(browser, "customer-detail")), /Verificado/);
    await eventually(
      browser,
      async () => settledNotices(juanKey).length > 0,
      "no notification for Juan",
    );
    const [approved] = settledNotices(juanKey);
    assert.equal(approved.kind, "valid");
    assert.equal(approved.title, "Verificación aprobada");
    assert.equal(approved.body, "Juan Ramírez completó su verificación.");
    await (await $(browser, "customer-timeline")).scrollIntoView();
    await screenshot("kyc-lifecycle-valid");

    // Back on the list: CryptoPocket rejects Lucía while her row is on screen.
    await browser.keys("Escape");
    await (await $(browser, "customer-detail")).waitForDisplayed({ reverse: true });
    await replaceText(browser, "customers-search", "20123456");
    await eventually(
      browser,
      async () => ["Sin iniciar", "En revisión"].includes(await rowStatus(browser, lucia.id)),
      "Lucía is not listed as pending",
    );
    await settleAtCryptoPocket(browser, lucia.id, "fail");
    await eventually(
      browser,
      async () => (await rowStatus(browser, lucia.id)) === "Rechazado",
      "Lucía's row did not show the rejection by itself",
    );
    await eventually(
      browser,
      async () => settledNotices(luciaKey).length > 0,
      "no notification for Lucía",
    );
    const [rejected] = settledNotices(luciaKey);
    assert.equal(rejected.kind, "fail");
    assert.equal(rejected.title, "Verificación rechazada");
    assert.equal(rejected.body, "La verificación de Lucía Fernández no fue aprobada.");
    await screenshot("kyc-lifecycle-fail");

    // Her page tells when it was seen.
    await openPage(browser, lucia.id);
    const entries = await timeline(browser);
    assert.match(entries[0], /→ Rechazado/, entries.join(" | "));
    await (await $(browser, "customer-timeline")).scrollIntoView();
    await screenshot("kyc-lifecycle-fail-timeline");

    // Two more refreshes later each was told once: a settled case is not tracked again.
    await browser.pause(4_500);
    assert.equal(settledNotices(juanKey).length, 1);
    assert.equal(settledNotices(luciaKey).length, 1);
  });
});

test("the offline banner comes with an outage and goes by itself when the network is back", async () => {
  await withApp("kyc-offline", async (browser) => {
    await (await $(browser, "nav-customers")).click();
    await (await $(browser, "customer-row")).waitForDisplayed({ timeout: 30_000 });
    const banner = await $(browser, "customers-offline");
    const undostres = await $(browser, "undostres-offline");
    assert.equal(await banner.isExisting(), false);
    assert.equal(await undostres.isExisting(), false);

    // The network goes: the background refresh finds CryptoPocket unreachable.
    await setFaults(browser, { outage: { durationMs: null } });
    await banner.waitForDisplayed({
      timeout: 20_000,
      timeoutMsg: "no offline banner",
    });
    assert.match(await text(banner), /Sin conexión con CryptoPocket/);
    // UnDosTres has no list: its own line comes with the first check of an account that fails.
    await undostres.waitForDisplayed({
      timeout: 20_000,
      timeoutMsg: "no UnDosTres offline line",
    });
    assert.match(await text(undostres), /Sin conexión con UnDosTres/);
    assert.ok((await browser.$$('[data-testid="customer-row"]')).length > 0, "the cache stays");
    await screenshot("kyc-offline-banner");

    // The same lines in English, while the outage lasts; then back to Spanish for what follows.
    for (const [label, heading, words] of [
      ["English", "Settings", /No connection to UnDosTres/],
      ["Español (México)", "Ajustes", /Sin conexión con UnDosTres/],
    ]) {
      await (await $(browser, "nav-settings")).click();
      await (await browser.$(`label=${label}`)).click();
      await (await browser.$(`h2=${heading}`)).waitForDisplayed({ timeout: 20_000 });
      await (await $(browser, "nav-customers")).click();
      await undostres.waitForDisplayed({ timeout: 20_000 });
      assert.match(await text(undostres), words);
      if (label === "English") await screenshot("kyc-offline-banner-en");
    }

    // It comes back: nobody presses "Actualizar"; the banner goes within a refresh or two.
    await setFaults(browser, {});
    await banner.waitForExist({
      reverse: true,
      timeout: 10_000,
      timeoutMsg: "the banner stayed after the network came back",
    });
    await undostres.waitForExist({
      reverse: true,
      timeout: 10_000,
      timeoutMsg: "the UnDosTres line stayed after the network came back",
    });
    assert.match(await text(await $(browser, "customers-age")), /^Actualiza(do|ndo)/);
    await screenshot("kyc-offline-back");
  });
});

/** What has the keyboard focus: its nearest test id, and whether it is inside the window. */
const focused = (browser) =>
  browser.execute(() => {
    const element = document.activeElement;
    const box = element.getBoundingClientRect();
    const shown = box.right <= window.innerWidth + 1 && box.bottom <= window.innerHeight + 1;
    return {
      testId: element.closest("[data-testid]")?.dataset.testid ?? element.tagName,
      inDrawer: element.closest('[role="dialog"]') !== null,
      shown,
    };
  });

/** The listed rows' provider and status badges. */
const listedRows = (browser) =>
  browser.execute(() =>
    [...document.querySelectorAll('[data-testid="customer-row"]')].map((row) => ({
      provider: row.querySelector('[data-testid="provider-badge"]')?.textContent ?? "",
      status: row.querySelector('[data-testid="kyc-status"]')?.textContent ?? "",
    })),
  );

/** Presses `keys`, then waits until the focus is on `testId`. */
async function pressUntilFocused(browser, keys, testId, most = 20) {
  for (let press = 0; press < most; press += 1) {
    if ((await focused(browser)).testId === testId) return;
    await browser.keys(keys);
  }
  assert.equal((await focused(browser)).testId, testId, `the keyboard never reached ${testId}`);
}

// Words of the Spanish screen that must not show in English.
const SPANISH = ["Clientes", "Buscar", "Actualiz", "Registrar", "Pendiente", "Todos", "Ordenar"];

test("Customers & KYC in English at 1024×700, by keyboard alone", async () => {
  mkdirSync(path.join(env.XDG_CONFIG_HOME, "mx.mostrador.app"), {
    recursive: true,
  });
  writeFileSync(
    path.join(env.XDG_CONFIG_HOME, "mx.mostrador.app/preferences.json"),
    JSON.stringify({ locale: "en" }),
  );
  await withApp("kyc-keyboard", async (browser) => {
    await resizeWindow(browser, { width: 1024, height: 700 });
    await browser.keys(["Control", "3"]);
    await (await browser.$("h2=Customers & KYC")).waitForDisplayed({ timeout: 20_000 });
    await (await $(browser, "customer-row")).waitForDisplayed({ timeout: 30_000 });
    const main = await $(browser, "area-customers");
    for (const word of SPANISH) assert.ok(!(await text(main)).includes(word), word);
    assert.deepEqual(await cutElements(browser, "body"), [], "Customers & KYC at 1024×700");

    // Every control of the screen is on the Tab path, inside the window, the table last.
    await browser.keys("/");
    assert.equal((await focused(browser)).testId, "customers-search");
    const reached = [];
    for (let press = 0; press < 12 && reached.at(-1) !== "customers-table"; press += 1) {
      await browser.keys("Tab");
      const now = await focused(browser);
      assert.ok(now.shown, `${now.testId} is out of the window`);
      reached.push(now.testId);
    }
    assert.deepEqual(reached, [
      "customers-export",
      "customers-new",
      "customers-provider-filter",
      "customers-status-filter",
      "customers-country-filter",
      "customers-age-filter",
      "customers-over-target",
      "customers-sort",
      "customers-table",
    ]);

    // A customer's page: arrows pick a row, Enter opens it, Esc closes it onto the same row.
    await browser.keys("ArrowDown");
    const row = await browser.execute(() =>
      document
        .querySelector('[data-testid="customers-table"]')
        .getAttribute("aria-activedescendant"),
    );
    await browser.keys("Enter");
    await (await $(browser, "customer-timeline")).waitForDisplayed({ timeout: 10_000 });
    assert.ok((await focused(browser)).inDrawer, "the focus went into the page");
    assert.deepEqual(await cutElements(browser, '[data-testid="customer-detail"]'), []);
    for (const word of SPANISH) {
      assert.ok(!(await text(await $(browser, "customer-detail"))).includes(word), word);
    }
    await screenshot("kyc-keyboard-page");
    await browser.keys("Escape");
    await (await $(browser, "customer-detail")).waitForExist({ reverse: true, timeout: 10_000 });
    assert.equal((await focused(browser)).testId, "customers-table");
    assert.equal(
      await browser.execute(() =>
        document
          .querySelector('[data-testid="customers-table"]')
          .getAttribute("aria-activedescendant"),
      ),
      row,
      "back on the row it was opened from",
    );

    // Ctrl+N: the registration form, on its first field; Esc closes it back onto the table.
    await browser.keys(["Control", "n"]);
    await browser.waitUntil(async () => (await focused(browser)).testId === "customer-country", {
      timeout: 10_000,
      timeoutMsg: "Ctrl+N did not put the focus on the form's first field",
    });
    await screenshot("kyc-keyboard-new");
    await browser.keys("Escape");
    await (await $(browser, "customer-country")).waitForExist({ reverse: true, timeout: 10_000 });
    assert.equal((await focused(browser)).testId, "customers-table", "the focus came back");

    // The filters: CryptoPocket only (arrows), rejected ones (the list's options), past the
    // target (Space), then all cleared with Enter.
    await pressUntilFocused(browser, ["Shift", "Tab"], "customers-provider-filter");
    await browser.keys("ArrowRight");
    await browser.waitUntil(
      async () => (await listedRows(browser)).every((r) => r.provider === "CryptoPocket"),
      { timeout: 10_000, timeoutMsg: "the provider filter did not apply" },
    );
    await browser.keys("Tab");
    await browser.keys("ArrowDown");
    await (await browser.$('[role="option"]*=Rejected')).waitForDisplayed({ timeout: 5_000 });
    // The list opens on the chosen "All statuses"; "Rejected" is the last of six.
    for (let option = 0; option < 5; option += 1) await browser.keys("ArrowDown");
    await browser.keys("Enter");
    await browser.waitUntil(
      async () => {
        const rows = await listedRows(browser);
        return rows.length > 0 && rows.every((r) => r.status === "Rejected");
      },
      { timeout: 10_000, timeoutMsg: "the status filter did not apply" },
    );
    await screenshot("kyc-keyboard-filtered");
    assert.deepEqual(await cutElements(browser, "body"), [], "filtered at 1024×700");
    await pressUntilFocused(browser, "Tab", "customers-over-target");
    await browser.keys("Space");
    await pressUntilFocused(browser, "Tab", "customers-filters-clear");
    assert.match(await text(await $(browser, "customers-filters-clear")), /Clear filters \(3\)/);
    await browser.keys("Enter");
    await (await $(browser, "customers-filters-clear")).waitForExist({ reverse: true });
    assert.equal(
      (await focused(browser)).testId,
      "customers-provider-filter",
      "the focus stays on the filters' line",
    );

    // The view exported from the keyboard too.
    await pressUntilFocused(browser, ["Shift", "Tab"], "customers-export");
    await browser.keys("Enter");
    await browser.waitUntil(
      async () =>
        existsSync(exports) && readdirSync(exports).some((f) => f.startsWith("customers-")),
      { timeout: 10_000, timeoutMsg: "no CSV exported" },
    );
    const [file] = readdirSync(exports).filter((name) => name.startsWith("customers-"));
    await notified(browser, "customers exported to");
    const csv = readFileSync(path.join(exports, file), "utf8");
    assert.ok(csv.startsWith("\uFEFFProvider,"), csv.slice(0, 60));
    await screenshot("kyc-keyboard-exported");
  });
});
