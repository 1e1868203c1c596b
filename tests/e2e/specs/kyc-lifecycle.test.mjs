// The KYC lifecycle in the real window: CryptoPocket settles one customer as `valid` and
// another as `fail` (the double's admin route, as its own back office would), and with nobody
// pressing "Actualizar" the list row, the open customer's timeline and a desktop notification
// follow, each once. The background refresh runs every 2 s here; notifications are recorded to
// a file (MOSTRADOR_NOTIFICATIONS_FILE) since Xvfb has no desktop to show them.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";

import { $, invoke, replaceText, text } from "../lib/app.mjs";
import { screenshot, useDriver, withApp } from "../lib/driver.mjs";

const home = mkdtempSync(path.join(tmpdir(), "mostrador-lifecycle-"));
const notificationsFile = path.join(home, "notifications.jsonl");
useDriver({
  env: {
    XDG_DATA_HOME: path.join(home, "data"),
    XDG_CONFIG_HOME: path.join(home, "config"),
    MOSTRADOR_REFRESH_SECS: "2",
    MOSTRADOR_NOTIFICATIONS_FILE: notificationsFile,
  },
});

/** The notifications recorded so far about `key` (`cryptopocket/<id>`). */
function notificationsAbout(key) {
  if (!existsSync(notificationsFile)) return [];
  return readFileSync(notificationsFile, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line))
    .filter((notification) => notification.customers.includes(key));
}

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

/** Waits for `check` to hold, saying `what` when it never does. */
const eventually = (browser, check, what) =>
  browser.waitUntil(check, { timeout: 20_000, interval: 250, timeoutMsg: what });

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
    await (await browser.$(`[id="customer-row-cryptopocket-${juan.id}"]`)).click();
    await (await $(browser, "customer-timeline")).waitForDisplayed({ timeout: 10_000 });
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
      async () => notificationsAbout(juanKey).length > 0,
      "no notification for Juan",
    );
    const [approved] = notificationsAbout(juanKey);
    assert.equal(approved.kind, "valid");
    assert.equal(approved.title, "Verificación aprobada");
    assert.equal(approved.body, "Juan Ramírez completó su verificación.");
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
      async () => notificationsAbout(luciaKey).length > 0,
      "no notification for Lucía",
    );
    const [rejected] = notificationsAbout(luciaKey);
    assert.equal(rejected.kind, "fail");
    assert.equal(rejected.title, "Verificación rechazada");
    assert.equal(rejected.body, "La verificación de Lucía Fernández no fue aprobada.");
    await screenshot("kyc-lifecycle-fail");

    // Her page tells when it was seen.
    await (await browser.$(`[id="customer-row-cryptopocket-${lucia.id}"]`)).click();
    await (await $(browser, "customer-timeline")).waitForDisplayed({ timeout: 10_000 });
    const entries = await timeline(browser);
    assert.match(entries[0], /→ Rechazado/, entries.join(" | "));
    await screenshot("kyc-lifecycle-fail-timeline");

    // Two more refreshes later each was told once: a settled case is not tracked again.
    await browser.pause(4_500);
    assert.equal(notificationsAbout(juanKey).length, 1);
    assert.equal(notificationsAbout(luciaKey).length, 1);
  });
});
