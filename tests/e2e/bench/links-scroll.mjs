// Benchmark, not a test: how the Ligas screen behaves with 100,000 cached links, against a
// baseline of 1,000 in the same run. Seeds the app's real database (merchants of its own, so
// syncing the Sandbox merchants leaves them alone), opens the real window under Xvfb, and
// measures in the page: time to the first rows, frame times while scrolling through 900 rows
// (keyset pages load as the view nears the end), and search latency on the large merchant.
// Run with `tests/e2e/run.sh bench`; results go to stdout.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { launchApp, startDriver } from "../lib/driver.mjs";
import { databaseIn, seedLinks } from "../lib/seed.mjs";

const MERCHANTS = [
  ["mil", "Base de comparación 1k", 1_000],
  ["bench", "Banco de pruebas 100k", Number(process.env.BENCH_LINKS ?? 100_000)],
];
const home = mkdtempSync(path.join(tmpdir(), "mostrador-bench-"));
const env = {
  XDG_DATA_HOME: path.join(home, "data"),
  XDG_CONFIG_HOME: path.join(home, "config"),
};
const database = databaseIn(env.XDG_DATA_HOME);

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function scrollFrames(browser, target) {
  return browser.executeAsync((rowsWanted, done) => {
    const scroller = document.querySelector('[data-testid="links-table"]');
    const count = () =>
      Number(
        document
          .querySelector('[data-testid="links-count"]')
          ?.textContent?.match(/\d[\d,]*/)?.[0]
          ?.replace(/,/g, "") ?? 0,
      );
    const frames = [];
    let last = performance.now();
    const started = last;
    const step = () => {
      const now = performance.now();
      frames.push(now - last);
      last = now;
      scroller.scrollTop += 600;
      // Done once the view has travelled past `rowsWanted` rows of 56 px (pages load meanwhile).
      const travelled = scroller.scrollTop + scroller.clientHeight >= rowsWanted * 56;
      if (travelled || now - started > 25_000) {
        done({ frames, rows: count(), ms: now - started });
      } else requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }, target);
}

async function openMerchant(browser, name, marker) {
  const select = await browser.$('[data-testid="links-merchant"]');
  await select.click();
  const chosen = Date.now();
  await (await browser.$(`div=${name}`)).click();
  await browser.waitUntil(
    async () =>
      (await (await browser.$('[data-testid="link-row"]')).getProperty("textContent"))?.includes(
        marker,
      ),
    { timeout: 30_000 },
  );
  return Date.now() - chosen;
}

const stop = await startDriver({ env });
try {
  // First launch creates and migrates the database; then it is seeded while the app is closed.
  let browser = await launchApp();
  await browser.deleteSession();
  for (const [id, name, count] of MERCHANTS) {
    const seedStart = Date.now();
    seedLinks(database, id, name, count);
    console.log(`seeded ${count} links for "${name}" in ${Date.now() - seedStart} ms`);
  }

  browser = await launchApp();
  await browser.setTimeout({ script: 60_000 });
  await (await browser.$('[data-testid="links-merchant"]')).waitForDisplayed({ timeout: 30_000 });
  for (const [id, name, count] of MERCHANTS) {
    const firstRows = await openMerchant(browser, name, `${id[0]}0`);
    const result = await scrollFrames(browser, 900);
    console.log(
      `${count} links: first rows ${firstRows} ms after choosing (incl. WebDriver round trips); ` +
        `scrolled through ${result.rows} rows in ${Math.round(result.ms)} ms, frame interval ` +
        `p50 ${percentile(result.frames, 50).toFixed(1)} ms, p95 ${percentile(result.frames, 95).toFixed(1)} ms, ` +
        `max ${Math.max(...result.frames).toFixed(1)} ms over ${result.frames.length} frames`,
    );
  }

  // Search on the large merchant: type, then wait for the filtered first page, timed in the page.
  const searches = [
    ["zuniga", /Zúñiga/],
    ["pastel perez", /Pastel.*Pérez|Pastel.*Pérez/],
    ["b0099", /b0099/],
  ];
  const box = await browser.$('[data-testid="links-search"]');
  for (const [words, expected] of searches) {
    const started = Date.now();
    await box.setValue(words);
    await browser.waitUntil(
      async () => {
        const rows = await browser.$$('[data-testid="link-row"]');
        if (rows.length === 0) return false;
        const first = (await rows[0].getProperty("textContent")) ?? "";
        return expected.test(first);
      },
      { timeout: 20_000, interval: 20 },
    );
    console.log(
      `search "${words}" on 100k: matching first row shown after ${Date.now() - started} ms ` +
        "(typing through WebDriver, the 120 ms debounce and WebDriver polling included)",
    );
  }
  await browser.deleteSession();
} finally {
  await stop();
}
