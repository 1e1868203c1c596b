import assert from "node:assert/strict";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";

import { $, text } from "../lib/app.mjs";
import { launchApp, screenshot, useDriver, withApp } from "../lib/driver.mjs";
import { cutElements, resizeWindow, WINDOW_SIZES } from "../lib/layout.mjs";
import { databaseIn, seedLinks } from "../lib/seed.mjs";

// A home of its own: switching the language here must not leak into other specs.
const home = mkdtempSync(path.join(tmpdir(), "mostrador-links-layout-"));
const env = {
  XDG_DATA_HOME: path.join(home, "data"),
  XDG_CONFIG_HOME: path.join(home, "config"),
};
useDriver({ env });

/** The columns that never give way (linkColumns.ts); the others may leave, never be cut. */
const ESSENTIAL = ["description", "amount", "status", "expires"];

/**
 * What the page shows of the links screen: every column header's rectangle and whether its
 * text is cut, the first row's cells and the viewport.
 */
function layout(browser) {
  return browser.execute(() => {
    const rect = (el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    };
    const table = document.querySelector('[role="grid"]');
    const headers = [...document.querySelectorAll('[role="columnheader"]')].map((el) => ({
      key: el.dataset.testid.replace("column-", ""),
      text: el.textContent,
      rect: rect(el),
      cut: el.scrollWidth > el.clientWidth + 1,
    }));
    const row = document.querySelector('[data-testid="link-row"]');
    const cells = row ? [...row.querySelectorAll('[role="gridcell"]')].map(rect) : [];
    // What sits above the list keeps its height: nothing squashed to make room for the table.
    const squashed = [...document.querySelector('[data-testid="links-screen"]').children]
      .filter((el) => el !== table && el.scrollHeight > el.clientHeight + 1)
      .map((el) => el.dataset.testid ?? el.className);
    const body = document.querySelector('[data-testid="links-table"]');
    return {
      squashed,
      bodyHeight: body.getBoundingClientRect().height,
      viewport: { width: window.innerWidth, height: window.innerHeight },
      table: rect(table),
      headers,
      cells,
    };
  });
}

function checkLayout(seen, label) {
  const { viewport, table, headers, cells } = seen;
  const keys = headers.map((h) => h.key);
  for (const key of ESSENTIAL) assert.ok(keys.includes(key), `${label}: no ${key} column`);
  for (const header of headers) {
    assert.ok(
      header.rect.left >= table.left - 1 && header.rect.right <= table.right + 1,
      `${label}: header ${header.key} sticks out of the table (${JSON.stringify(header.rect)})`,
    );
    assert.ok(header.rect.right <= viewport.width, `${label}: header ${header.key} off screen`);
    assert.equal(header.cut, false, `${label}: header "${header.text}" is cut`);
  }
  assert.equal(cells.length, headers.length, `${label}: a row has one cell per column`);
  for (const cell of cells) {
    assert.ok(cell.right <= table.right + 1, `${label}: a cell is cut by the table's edge`);
  }
  assert.ok(table.right <= viewport.width, `${label}: the table is wider than the window`);
  assert.deepEqual(seen.squashed, [], `${label}: squashed above the list`);
  assert.ok(
    seen.bodyHeight >= 4 * 56,
    `${label}: fewer than four list rows (${seen.bodyHeight}px)`,
  );
}

async function checkSizes(browser, lang) {
  await (await $(browser, "link-row")).waitForDisplayed({ timeout: 30_000 });
  for (const size of WINDOW_SIZES) {
    await resizeWindow(browser, size);
    // The table re-measures itself (ResizeObserver) and lays its columns out again.
    await browser.pause(400);
    const seen = await layout(browser);
    const label = `${lang} ${size.name}`;
    console.log(label, seen.headers.map((h) => h.text).join(" | "));
    await screenshot(`links-layout-${lang}-${size.name}`);
    checkLayout(seen, label);
    // The search box, its placeholder, the toolbar and the shell: nothing cut or out of reach.
    assert.deepEqual(await cutElements(browser), [], label);
    // The link's drawer and the new-link form, at the same size.
    for (const [open, drawer] of [
      ["link-row", "link-detail"],
      ["links-new", "link-form"],
    ]) {
      await (await $(browser, open)).click();
      const shown = await $(browser, drawer);
      await shown.waitForDisplayed({ timeout: 10_000 });
      await browser.pause(500); // the drawer slides in, then takes the focus
      await screenshot(`links-layout-${drawer}-${lang}-${size.name}`);
      const cut = await cutElements(browser, `[data-testid="${drawer}"]`);
      assert.deepEqual(cut, [], `${drawer} ${label}`);
      await browser.keys("Escape");
      await shown.waitForExist({ reverse: true, timeout: 10_000 });
    }
  }
}

test("the links table and toolbar fit at 1024×700 and at the minimum size, in Spanish", async () => {
  await withApp("links-layout-es", async (browser) => {
    await checkSizes(browser, "es");
  });
});

test("the links table and toolbar fit at 1024×700 and at the minimum size, in English", async () => {
  await withApp("links-layout-en", async (browser) => {
    await (await $(browser, "nav-settings")).click();
    await (await browser.$("label=English")).click();
    await (await browser.$("h2=Settings")).waitForDisplayed({ timeout: 20_000 });
    await (await $(browser, "nav-links")).click();
    await checkSizes(browser, "en");
  });
});

// Last: its merchant sorts first, so the Ligas screen opens on it from now on.
test("a long list keeps only the rows in view in the DOM while pages load", async () => {
  const database = databaseIn(env.XDG_DATA_HOME);
  // Run alone, the app has not created its database yet.
  if (!existsSync(database)) await (await launchApp()).deleteSession();
  seedLinks(database, "grande", "0 Lista grande", 20_000);
  await withApp("links-layout-long-list", async (browser) => {
    await browser.waitUntil(
      async () => (await text(await $(browser, "link-row"))).includes("g0019999"),
      {
        timeout: 30_000,
        timeoutMsg: "the long list's newest link is not shown first",
      },
    );
    await browser.setTimeout({ script: 90_000 });
    // One view per frame until three pages of 100 are loaded: a table that kept every loaded
    // row would hold 300 elements.
    const seen = await browser.executeAsync((done) => {
      const scroller = document.querySelector('[data-testid="links-table"]');
      const grid = document.querySelector('[role="grid"]');
      let most = 0;
      const step = () => {
        most = Math.max(most, document.querySelectorAll('[data-testid="link-row"]').length);
        if (Number(grid.getAttribute("aria-rowcount")) >= 300)
          done({ most, top: scroller.scrollTop });
        else {
          scroller.scrollTop += scroller.clientHeight;
          requestAnimationFrame(step);
        }
      };
      requestAnimationFrame(step);
    });
    assert.ok(seen.top > 5_000, `scrolled ${seen.top} px`);
    assert.ok(seen.most > 0 && seen.most <= 80, `${seen.most} row elements in the DOM`);
  });
});
