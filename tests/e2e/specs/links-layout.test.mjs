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
test("a long list keeps only the rows in view in the DOM and a window of pages loaded", async () => {
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
    await browser.setTimeout({ script: 120_000 });
    // One view per frame until 25 pages of 100 are loaded: a table that kept every loaded row
    // would hold 2,500 elements, a query that kept every page 2,500 rows.
    const down = await browser.executeAsync((done) => {
      const scroller = document.querySelector('[data-testid="links-table"]');
      const grid = document.querySelector('[role="grid"]');
      let most = 0;
      const step = () => {
        most = Math.max(most, document.querySelectorAll('[data-testid="link-row"]').length);
        if (Number(grid.getAttribute("aria-rowcount")) >= 2_500)
          done({ most, top: scroller.scrollTop, window: grid.dataset.window });
        else {
          scroller.scrollTop += scroller.clientHeight;
          requestAnimationFrame(step);
        }
      };
      requestAnimationFrame(step);
    });
    assert.ok(down.top > 100_000, `scrolled ${down.top} px`);
    assert.ok(down.most > 0 && down.most <= 80, `${down.most} row elements in the DOM`);
    const [first, end] = down.window.split("-").map(Number);
    assert.ok(first >= 1_400 && end - first <= 1_000, `loaded window ${down.window}`);

    // Back up past the window's first row, a view per frame: the pages above are read back and
    // every row shows the link of its place (the newest is g0019999, one less per row).
    const up = await browser.executeAsync((target, done) => {
      const scroller = document.querySelector('[data-testid="links-table"]');
      const grid = document.querySelector('[role="grid"]');
      const step = () => {
        const rows = [...document.querySelectorAll('[data-testid="link-row"]')];
        const top = rows.map((row) => Number(row.getAttribute("aria-rowindex")));
        if (Math.min(...top) <= target && rows.length > 0) {
          const wrong = rows.filter((row) => {
            const slug = `g${String(20_000 - Number(row.getAttribute("aria-rowindex"))).padStart(7, "0")}`;
            return !row.textContent.includes(slug);
          });
          done({ window: grid.dataset.window, wrong: wrong.length, shown: rows.length });
        } else {
          scroller.scrollTop -= scroller.clientHeight / 2;
          requestAnimationFrame(step);
        }
      };
      requestAnimationFrame(step);
    }, first - 150);
    assert.ok(Number(up.window.split("-")[0]) < first - 150, `read back to ${up.window}`);
    await browser.waitUntil(
      async () =>
        browser.execute(() =>
          [...document.querySelectorAll('[data-testid="link-row"]')].every((row) =>
            row.textContent.includes(
              `g${String(20_000 - Number(row.getAttribute("aria-rowindex"))).padStart(7, "0")}`,
            ),
          ),
        ),
      { timeout: 10_000, timeoutMsg: `rows read back out of place: ${JSON.stringify(up)}` },
    );

    // Home jumps to the top, far above the window: the list starts again from its first page.
    await browser.execute(() => document.querySelector('[data-testid="links-table"]').focus());
    await browser.keys("Home");
    await browser.waitUntil(
      async () => (await text(await $(browser, "link-row"))).includes("g0019999"),
      { timeout: 10_000, timeoutMsg: "Home did not bring back the newest link" },
    );
    const top = await browser.execute(() => document.querySelector('[role="grid"]').dataset.window);
    assert.equal(top.split("-")[0], "0", `window after Home ${top}`);
    await screenshot("links-layout-long-list-home");
  });
});
