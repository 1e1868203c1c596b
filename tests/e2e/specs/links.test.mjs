import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";

import {
  $,
  linksAtSandbox,
  notified,
  recordingBrowser,
  replaceText,
  setFaults,
  text,
} from "../lib/app.mjs";
import { screenshot, useDriver, withApp } from "../lib/driver.mjs";

// A data and config home of its own: these tests count links at the sandbox.
const home = mkdtempSync(path.join(tmpdir(), "mostrador-links-"));
const exports = path.join(home, "exports");
// What the app opens in the browser (WhatsApp, e-mail) is written down, not opened.
const { stub: browserStub, opened } = recordingBrowser(home);
// The native save dialog cannot be driven through WebDriver: the app's one test hook saves to
// this directory instead of asking (see commands/share.rs).
useDriver({
  env: {
    XDG_DATA_HOME: path.join(home, "data"),
    XDG_CONFIG_HOME: path.join(home, "config"),
    MOSTRADOR_SAVE_DIALOG_DIR: exports,
    BROWSER: browserStub,
  },
});

async function waitForRows(browser) {
  await (await $(browser, "link-row")).waitForDisplayed({ timeout: 30_000 });
}

const search = (browser, words) => replaceText(browser, "links-search", words);

async function rowsMatching(browser, description) {
  const rows = await browser.$$('[data-testid="link-row"]');
  const found = [];
  for (const row of rows) {
    if ((await text(row)).includes(description)) found.push(row);
  }
  return found;
}

async function fillNewLink(browser, { amount, description, slug }) {
  await (await $(browser, "links-new")).click();
  await (await $(browser, "link-amount")).setValue(amount);
  await (await $(browser, "link-description-input")).setValue(description);
  if (slug) await (await $(browser, "link-slug")).setValue(slug);
}

test("create a link, find it, edit, deactivate and delete it", async () => {
  await withApp("links-lifecycle", async (browser) => {
    await waitForRows(browser);
    await screenshot("links-list");
    const before = await linksAtSandbox(browser);
    await fillNewLink(browser, {
      amount: "1,250.50",
      description: "Pastel de tres leches",
      slug: "tresleches-e2e",
    });
    await screenshot("links-form");
    await (await $(browser, "link-submit")).click();
    await notified(browser, "Liga creada.");
    const url = await $(browser, "detail-url");
    await url.waitForDisplayed({ timeout: 10_000 });
    assert.match(await text(url), /\/laesquina\/tresleches-e2e$/);
    assert.equal(await linksAtSandbox(browser), before + 1);
    await screenshot("links-detail");
    await browser.keys("Escape");

    await search(browser, "tres leches");
    await browser.waitUntil(
      async () => (await rowsMatching(browser, "Pastel de tres leches")).length === 1,
      {
        timeout: 10_000,
        timeoutMsg: "search did not find the new link",
      },
    );
    const [row] = await rowsMatching(browser, "Pastel de tres leches");
    assert.match(await text(row), /\$1,250\.50/);
    await row.click();

    await (await $(browser, "detail-edit")).click();
    const amount = await $(browser, "link-amount");
    await amount.click();
    await browser.keys(["Control", "a"]);
    await browser.keys("Backspace");
    await amount.addValue("999");
    await (await $(browser, "link-submit")).click();
    await notified(browser, "Liga actualizada.");
    await browser.waitUntil(
      async () => (await text(await $(browser, "link-detail"))).includes("$999.00"),
      {
        timeout: 10_000,
        timeoutMsg: "the edit did not show",
      },
    );

    await (await $(browser, "detail-toggle")).click();
    await notified(browser, "Liga desactivada.");
    await browser.waitUntil(
      async () =>
        (await text(await (await $(browser, "link-detail")).$('[data-testid="link-state"]'))) ===
        "Inactiva",
      { timeout: 10_000, timeoutMsg: "the link did not become inactive" },
    );

    await (await $(browser, "detail-delete")).click();
    await (await $(browser, "confirm-delete")).click();
    await notified(browser, "Liga eliminada.");
    await browser.waitUntil(
      async () => (await rowsMatching(browser, "Pastel de tres leches")).length === 0,
      {
        timeout: 10_000,
        timeoutMsg: "the deleted link is still listed",
      },
    );
    assert.equal(await linksAtSandbox(browser), before);
  });
});

test("a double click and a second Enter create exactly one link", async () => {
  await withApp("links-double-submit", async (browser) => {
    await waitForRows(browser);
    const before = await linksAtSandbox(browser);
    // Slow answers keep the first submit in flight while the others arrive.
    await setFaults(browser, { latencyMs: 800 });
    await fillNewLink(browser, { amount: "80", description: "Clase de yoga doble" });
    await browser.execute(() => {
      const button = document.querySelector('[data-testid="link-submit"]');
      button.click();
      button.click();
      button.closest("form").requestSubmit();
    });
    await browser.keys("Enter");
    await notified(browser, "Liga creada.");
    await setFaults(browser, {});
    assert.equal(await linksAtSandbox(browser), before + 1, "one link at Billpocket");
    await browser.keys("Escape");
    await search(browser, "yoga doble");
    await browser.waitUntil(
      async () => (await rowsMatching(browser, "Clase de yoga doble")).length === 1,
      {
        timeout: 10_000,
        timeoutMsg: "not exactly one row",
      },
    );
  });
});

test("an answer lost after Billpocket saved the link leaves one link and a truthful list", async () => {
  await withApp("links-commit-then-drop", async (browser) => {
    await waitForRows(browser);
    const before = await linksAtSandbox(browser);
    await setFaults(browser, {
      rules: [
        {
          action: { kind: "commitThenDrop", mode: "reset" },
          trigger: { next: 1 },
          scope: { method: "POST" },
        },
      ],
    });
    await fillNewLink(browser, {
      amount: "450",
      description: "Reparación de celular perdida",
      slug: "celular-perdida",
    });
    await (await $(browser, "link-submit")).click();
    // Billpocket's list shows the link, so the write is settled as done, not sent again.
    await notified(browser, "Liga creada.");
    assert.equal(await linksAtSandbox(browser), before + 1);
    await browser.keys("Escape");
    await search(browser, "celular perdida");
    await browser.waitUntil(
      async () => (await rowsMatching(browser, "Reparación de celular perdida")).length === 1,
      {
        timeout: 10_000,
        timeoutMsg: "not exactly one row",
      },
    );
    assert.equal(
      await (await $(browser, "pending-writes")).isExisting(),
      false,
      "nothing left pending",
    );
  });
});

test("with Billpocket down the cached list stays, says its age, and a new link is queued", async () => {
  await withApp("links-offline", async (browser) => {
    await waitForRows(browser);
    const before = await linksAtSandbox(browser);
    await setFaults(browser, { outage: { durationMs: null } });
    await (await $(browser, "links-sync")).click();
    const banner = await $(browser, "links-offline");
    await banner.waitForDisplayed({ timeout: 20_000 });
    assert.match(await text(banner), /Sin conexión con Billpocket/);
    assert.match(await text(banner), /\(Actualizado (ahora|hace)/);
    assert.ok(
      (await browser.$$('[data-testid="link-row"]')).length > 10,
      "the cached list is still there",
    );

    await fillNewLink(browser, {
      amount: "320",
      description: "Caja de café en el tren",
      slug: "cafe-tren",
    });
    await (await $(browser, "link-submit")).click();
    await notified(browser, "quedó en cola");
    const pending = await $(browser, "pending-writes");
    await pending.waitForDisplayed({ timeout: 10_000 });
    // The panel starts folded to its counts, so the list keeps its room; unfold it.
    await (await $(browser, "pending-toggle")).click();
    await (await $(browser, "pending-write")).waitForDisplayed({ timeout: 10_000 });
    assert.match(await text(pending), /Caja de café en el tren/);
    assert.match(await text(pending), /En cola/);
    await screenshot("links-offline-queued");

    await setFaults(browser, {});
    await browser.pause(300); // the double reopens its port
    await (await $(browser, "links-sync")).click();
    await browser.waitUntil(async () => !(await pending.isExisting()), {
      timeout: 20_000,
      timeoutMsg: "the queued link was not sent after reconnecting",
    });
    assert.equal(await linksAtSandbox(browser), before + 1);
    assert.equal(await (await $(browser, "links-offline")).isExisting(), false);
  });
});

test("export writes the filtered rows to a CSV that Excel reads", async () => {
  await withApp("links-export", async (browser) => {
    await waitForRows(browser);
    await search(browser, "pastel");
    await browser.waitUntil(
      async () => {
        const rows = await browser.$$('[data-testid="link-row"]');
        return rows.length > 0 && (await rowsMatching(browser, "astel")).length === rows.length;
      },
      { timeout: 10_000, timeoutMsg: "the search did not filter" },
    );
    const shown = (await browser.$$('[data-testid="link-row"]')).length;
    await (await $(browser, "links-export")).click();
    await notified(browser, "exportadas");
    const [file] = readdirSync(exports);
    assert.match(file, /^ligas-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync(path.join(exports, file));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 BOM");
    const lines = bytes.subarray(3).toString("utf8").trimEnd().split("\r\n");
    assert.match(lines[0], /^Descripción,Monto \(MXN\),Estado/);
    assert.equal(lines.length - 1, shown, "one line per filtered row");
    for (const line of lines.slice(1)) assert.match(line, /astel/);
  });
});

test("a link is copied, its QR saved, and it is shared by WhatsApp and e-mail", async () => {
  await withApp("links-share", async (browser) => {
    await waitForRows(browser);
    await (await $(browser, "link-row")).click();
    const url = await text(await $(browser, "detail-url"));
    assert.match(url, /^https:\/\/test\.pay\.billpocket\.com\/laesquina\//);

    await (await $(browser, "detail-copy")).click();
    await notified(browser, "Liga copiada");
    const clipboard = execFileSync("xclip", ["-o", "-selection", "clipboard"]).toString();
    assert.equal(clipboard, url);

    await (await $(browser, "detail-save-qr")).click();
    await notified(browser, "Código QR guardado");
    const png = readdirSync(exports).find((name) => name.endsWith(".png"));
    assert.ok(png, "a PNG was saved");
    assert.deepEqual([...readFileSync(path.join(exports, png)).subarray(1, 4)], [0x50, 0x4e, 0x47]);

    await (await $(browser, "share-phone")).setValue("55 1234 5678");
    // Each click starts its own opener process: wait for one before the next, or the two
    // lines may land in either order.
    const openedLines = async (count) => {
      await browser.waitUntil(
        () => existsSync(opened) && readFileSync(opened, "utf8").trim().split("\n").length >= count,
        { timeout: 10_000, timeoutMsg: `nothing was opened after ${count - 1}` },
      );
      return readFileSync(opened, "utf8").trim().split("\n");
    };
    await (await $(browser, "share-whatsapp")).click();
    await openedLines(1);
    await (await $(browser, "share-email")).click();
    const [whatsapp, email] = await openedLines(2);
    assert.match(whatsapp, /^https:\/\/wa\.me\/525512345678\?text=Hola%2C%20te%20comparto/);
    assert.ok(whatsapp.includes(encodeURIComponent(url)), "the message carries the link");
    assert.match(email, /^mailto:\?subject=Liga%20de%20pago%20de%20/);
  });
});
