import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";

import { $, linksAtSandbox, replaceText, setFaults, text } from "../lib/app.mjs";
import { screenshot, useDriver, withApp } from "../lib/driver.mjs";

// A home of its own: this spec counts links at the sandbox.
const home = mkdtempSync(path.join(tmpdir(), "mostrador-links-offline-"));
useDriver({
  env: {
    XDG_DATA_HOME: path.join(home, "data"),
    XDG_CONFIG_HOME: path.join(home, "config"),
  },
});



const search = (browser, words) => replaceText(browser, "links-search", words);

async function createLink(browser, amount, description, slug) {
  await (await $(browser, "links-new")).click();
  await (await $(browser, "link-amount")).setValue(amount);
  await (await $(browser, "link-description-input")).setValue(description);
  await (await $(browser, "link-slug")).setValue(slug);
  await (await $(browser, "link-submit")).click();
  await (await $(browser, "link-submit")).waitForExist({ reverse: true, timeout: 10_000 });
}

/** The row showing `description`, with its badge and whether it stands for a queued create. */
async function rowOf(browser, description) {
  for (const row of await browser.$$('[data-testid="link-row"]')) {
    if ((await text(row)).includes(description)) {
      return {
        row,
        queued: (await row.getAttribute("data-queued")) !== null,
        badge: await text(await row.$('[data-testid="link-state"]')),
      };
    }
  }
  return null;
}

/** How many rows of the table are wholly in view. */
function visibleRows(browser) {
  return browser.execute(() => {
    const body = document.querySelector('[data-testid="links-table"]').getBoundingClientRect();
    return [...document.querySelectorAll('[data-testid="link-row"]')].filter((row) => {
      const r = row.getBoundingClientRect();
      return r.top >= body.top - 1 && r.bottom <= body.bottom + 1;
    }).length;
  });
}

test("an outage is noticed without Actualizar, and a link made offline is listed, found and sent by itself", async () => {
  await withApp("links-offline-auto", async (browser) => {
    await (await $(browser, "link-row")).waitForDisplayed({ timeout: 30_000 });
    const before = await linksAtSandbox(browser);
    await setFaults(browser, { outage: { durationMs: null } });

    // Create a link: the failed call alone tells the screen Billpocket is unreachable.
    await createLink(browser, "275", "Piñata de unicornio para Sofía", "pinata-sofia");
    const banner = await $(browser, "links-offline");
    await banner.waitForDisplayed({
      timeout: 20_000,
      timeoutMsg: "the outage was not noticed without pressing Actualizar",
    });
    assert.match(await text(banner), /Sin conexión con Billpocket/);
    const age = await text(await $(browser, "links-age"));
    assert.doesNotMatch(age, /ahora/, `the age after a failure: "${age}"`);
    assert.match(age, /Actualizado hace/);

    // The queued create is a row of the list, labelled as the pending panel labels it.
    await browser.waitUntil(async () => (await rowOf(browser, "Piñata de unicornio")) !== null, {
      timeout: 10_000,
      timeoutMsg: "the link created offline is not in the list",
    });
    const queued = await rowOf(browser, "Piñata de unicornio");
    assert.equal(queued.queued, true);
    assert.match(queued.badge, /En cola/);
    // A second one: the banner and two pending writes still leave the list its rows.
    await createLink(browser, "180", "Pastel de elote", "elote-sofia");
    const panel = await $(browser, "pending-writes");
    await browser.waitUntil(async () => /2 En cola/.test(await text(panel)), {
      timeout: 10_000,
      timeoutMsg: "the second queued write is not in the panel",
    });
    assert.ok(
      (await visibleRows(browser)) >= 5,
      "the banner and the pending panel leave the list at least five rows at 1280×800",
    );
    await screenshot("links-offline-queued-row");

    // Found by search, accents or not.
    await search(browser, "pinata unicornio");
    await browser.waitUntil(
      async () => (await browser.$$('[data-testid="link-row"]')).length === 1,
      {
        timeout: 10_000,
        timeoutMsg: "search did not narrow to the queued link",
      },
    );
    assert.ok(await rowOf(browser, "Piñata de unicornio"), "search did not find the queued link");
    // Opening it shows its write in the pending panel (no drawer: nothing to share yet).
    await (await rowOf(browser, "Piñata de unicornio")).row.click();
    const line = await $(browser, "pending-write");
    await line.waitForDisplayed({ timeout: 5_000 });
    assert.match(await text(line), /Crear · Piñata de unicornio para Sofía · \$275\.00/);
    assert.match(await text(line), /En cola/);
    await screenshot("links-offline-search");

    // Billpocket comes back: the screen retries by itself and the row becomes a normal one.
    await setFaults(browser, {});
    await browser.waitUntil(
      async () => {
        const row = await rowOf(browser, "Piñata de unicornio");
        return row !== null && !row.queued && /Activa/.test(row.badge);
      },
      {
        timeout: 60_000,
        interval: 500,
        timeoutMsg: "the queued link was not sent after the connection came back",
      },
    );
    assert.equal(await linksAtSandbox(browser), before + 2);
    assert.equal(await (await $(browser, "links-offline")).isExisting(), false);
    assert.equal(await (await $(browser, "pending-writes")).isExisting(), false);
    assert.ok(
      (
        await (await rowOf(browser, "Piñata de unicornio")).row.$('[data-testid="row-copy"]')
      ).isEnabled(),
      "the sent link can be copied",
    );
    await screenshot("links-offline-back");
  });
});

test("focus returns to the row after the link drawer closes", async () => {
  await withApp("links-drawer-focus", async (browser) => {
    await (await $(browser, "link-row")).waitForDisplayed({ timeout: 30_000 });
    const table = await $(browser, "links-table");
    // As a keyboard user gets there (a click would open the row under the pointer).
    await browser.execute(() => document.querySelector('[data-testid="links-table"]').focus());
    await browser.keys(["ArrowDown", "ArrowDown", "Enter"]);
    const drawer = await $(browser, "link-detail");
    await drawer.waitForDisplayed({ timeout: 10_000 });
    const expected = await table.getAttribute("aria-activedescendant");
    const focused = () =>
      browser.execute(() => {
        const el = document.activeElement;
        return [el?.dataset.testid ?? null, el?.getAttribute("aria-activedescendant") ?? null];
      });

    await browser.keys("Escape");
    await drawer.waitForExist({ reverse: true, timeout: 10_000 });
    await browser.waitUntil(async () => (await focused())[0] === "links-table", {
      timeout: 5_000,
      timeoutMsg: "Esc: the focus did not come back to the list",
    });
    assert.deepEqual(await focused(), ["links-table", expected]);

    // Again with the drawer's close button; the arrow keys carry on from the same row.
    await browser.keys("Enter");
    await drawer.waitForDisplayed({ timeout: 10_000 });
    await (await drawer.$("button.mantine-Drawer-close")).click();
    await drawer.waitForExist({ reverse: true, timeout: 10_000 });
    await browser.waitUntil(async () => (await focused())[0] === "links-table", {
      timeout: 5_000,
      timeoutMsg: "close button: the focus did not come back to the list",
    });
    assert.deepEqual(await focused(), ["links-table", expected]);
    await browser.keys("ArrowDown");
    assert.notEqual((await focused())[1], expected, "the arrows move on from the row");
  });
});
