// Benchmark, not a test (issue 18 §1–§3): the app's own figures with 100,000 cached links, in
// the real window under Xvfb, each against its budget. Run by `scripts/bench.sh app` through
// `tests/e2e/run.sh bench bench/app-figures.mjs` with MOSTRADOR_APP set to the release binary.
//
// - Start-up: process start to "links-first-rows", a performance mark the links table sets once
//   the first frame showing rows has been painted (a task queued from that frame's
//   requestAnimationFrame callback runs after the paint). The process start is the kernel's
//   (/proc/<pid>/stat, 10 ms ticks), the mark's time performance.timeOrigin + startTime; the two
//   clocks are tied by /proc/uptime read against Date.now() (about 1 ms). Error: the start is
//   0–10 ms early and the mark at most one frame (17 ms) late. Baseline: the same merchant with
//   one page of links (an empty list paints no rows to time), runs interleaved, median.
// - The window: after the start-up runs, scrolls the 100,000 links from top to bottom one view
//   per frame, counting row elements; frame intervals from requestAnimationFrame; a frame is
//   dropped when an interval spans more than one median frame. Then searches: each keystroke
//   sets the box's value and fires its input event in the page; the repaint is timed as above
//   from the page's search_links call (after the box's 120 ms debounce) and from the keystroke.
// - Footprint: resident memory (/proc/<pid>/status VmRSS) of the app's process and of the WebKit
//   processes under it, right after the scroll; the size of the binary.
// Prints `BUDGET <name> <measured> <budget> <ok|MISSED>` lines at the end.
import { readdirSync, readFileSync, readlinkSync, mkdtempSync, statSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";

import { application, launchApp, startDriver } from "../lib/driver.mjs";
import { databaseIn, seedLinks } from "../lib/seed.mjs";

const LINKS = Number(process.env.BENCH_LINKS ?? 100_000);
const BASELINE_LINKS = 100;
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 5);
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 20);
// Sorts before the Sandbox merchants, so the Ligas screen opens on it.
const MERCHANT = ["bench", "0 Banco de pruebas"];
const DEBOUNCE_MS = 120;
const CLK_TCK = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim());
const binary = path.resolve(application);
const budgets = [];

function budget(name, measured, limit, unit) {
  const ok = measured <= limit;
  budgets.push(`BUDGET ${name} ${measured}${unit} ${limit}${unit} ${ok ? "ok" : "MISSED"}`);
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const median = (values) => percentile(values, 50);

/** A home whose database holds MERCHANT with `count` links (first launch migrates it). */
async function home(label, count) {
  const dir = mkdtempSync(path.join(tmpdir(), `mostrador-bench-${label}-`));
  const env = {
    XDG_DATA_HOME: path.join(dir, "data"),
    XDG_CONFIG_HOME: path.join(dir, "config"),
  };
  await withDriver(env, async () => (await launchApp()).deleteSession());
  const started = Date.now();
  seedLinks(databaseIn(env.XDG_DATA_HOME), ...MERCHANT, count);
  console.log(`${label}: seeded ${count} links in ${Date.now() - started} ms`);
  return env;
}

async function withDriver(env, body) {
  const stop = await startDriver({ env });
  try {
    return await body();
  } finally {
    await stop();
  }
}

/** The running app launched with `env` (its binary and its data home). */
function appProcess(env) {
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      if (readlinkSync(`/proc/${pid}/exe`) !== binary) continue;
      const environ = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
      if (environ.includes(`XDG_DATA_HOME=${env.XDG_DATA_HOME}`)) return Number(pid);
    } catch {
      // Gone, or not ours to read.
    }
  }
  throw new Error(`no ${binary} running with XDG_DATA_HOME=${env.XDG_DATA_HOME}`);
}

/** /proc/<pid>/stat fields after the command name (field 3 is index 0). */
const statFields = (pid) => {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
};

/** Date.now() minus the time since boot, to about 1 ms. */
function bootEpochMs() {
  let best = Infinity;
  for (let i = 0; i < 200; i++) {
    const uptime = Number(readFileSync("/proc/uptime", "utf8").split(" ")[0]) * 1000;
    best = Math.min(best, Date.now() - uptime);
  }
  return best;
}

const processStartMs = (pid) => bootEpochMs() + (Number(statFields(pid)[19]) / CLK_TCK) * 1000;

/** The epoch time of the page's mark `name`, waiting for it. */
function markTime(browser, name) {
  return browser.executeAsync((mark, done) => {
    const look = () => {
      const entry = performance.getEntriesByName(mark)[0];
      if (entry) done(performance.timeOrigin + entry.startTime);
      else setTimeout(look, 20);
    };
    look();
  }, name);
}

async function startupRun(env) {
  return withDriver(env, async () => {
    const browser = await launchApp();
    try {
      await browser.setTimeout({ script: 60_000 });
      const painted = await markTime(browser, "links-first-rows");
      return painted - processStartMs(appProcess(env));
    } finally {
      await browser.deleteSession();
    }
  });
}

/** Resident kB of the app and of the WebKit processes below it. */
function footprint(appPid) {
  const rss = (pid) =>
    Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  const parents = new Map();
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      parents.set(Number(pid), Number(statFields(pid)[1]));
    } catch {
      // Exited meanwhile.
    }
  }
  const below = (pid) => {
    for (let up = parents.get(pid); up; up = parents.get(up)) if (up === appPid) return true;
    return false;
  };
  const webkit = [...parents.keys()]
    .filter((pid) => below(pid))
    .map((pid) => ({
      pid,
      name: readFileSync(`/proc/${pid}/comm`, "utf8").trim(),
    }))
    .filter(({ name }) => name.startsWith("WebKit"))
    .map((process) => ({ ...process, kb: rss(process.pid) }));
  return { app: rss(appPid), webkit };
}

/** Scrolls the list from top to bottom, one view per frame, while pages load. */
function scrollToBottom(browser, total) {
  return browser.executeAsync((wanted, done) => {
    const scroller = document.querySelector('[data-testid="links-table"]');
    const grid = document.querySelector('[role="grid"]');
    const frames = [];
    let maxRows = 0;
    let last = performance.now();
    const started = last;
    const step = () => {
      const now = performance.now();
      frames.push(now - last);
      last = now;
      maxRows = Math.max(maxRows, document.querySelectorAll('[data-testid="link-row"]').length);
      const loaded = Number(grid.getAttribute("aria-rowcount"));
      const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;
      if ((atEnd && loaded >= wanted) || now - started > 600_000) {
        done({ frames, maxRows, loaded, ms: now - started });
        return;
      }
      scroller.scrollTop += scroller.clientHeight;
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }, total);
}

/**
 * Types `words` into the search box as one input event and times, in the page, the paint of a
 * first row other than the one shown before, from the keystroke and from the search_links call.
 */
function searchRepaint(browser, words) {
  return browser.executeAsync((text, done) => {
    const internals = window.__TAURI_INTERNALS__;
    let sent = null;
    const invoke = internals.invoke;
    try {
      internals.invoke = (cmd, ...rest) => {
        if (cmd === "search_links" && sent === null) sent = performance.now();
        return invoke(cmd, ...rest);
      };
    } catch {
      // Read-only: only the keystroke time is reported.
    }
    const firstId = () => document.querySelector('[data-testid="link-row"]')?.id ?? "";
    const before = firstId();
    const box = document.querySelector('[data-testid="links-search"]');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
    const typed = performance.now();
    setValue.call(box, text);
    box.dispatchEvent(new Event("input", { bubbles: true }));
    const watch = () => {
      if (firstId() !== before && firstId() !== "") {
        setTimeout(() => {
          const painted = performance.now();
          internals.invoke = invoke;
          done({
            fromKey: painted - typed,
            fromCall: sent === null ? null : painted - sent,
          });
        }, 0);
      } else if (performance.now() - typed > 20_000) {
        internals.invoke = invoke;
        done({ error: `no new first row for "${text}"` });
      } else requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  }, words);
}

const load = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
console.log(`app: ${binary} (${statSync(binary).size} bytes); load ${load()}`);
const baseEnv = await home("baseline", BASELINE_LINKS);
const largeEnv = await home("large", LINKS);

// §1 Start-up, interleaved so that a change of load hits both.
const startup = { baseline: [], large: [] };
for (let run = 0; run < RUNS; run++) {
  startup.baseline.push(await startupRun(baseEnv));
  startup.large.push(await startupRun(largeEnv));
  console.log(
    `start-up run ${run + 1}: ${BASELINE_LINKS} links ${startup.baseline.at(-1).toFixed(0)} ms, ` +
      `${LINKS} links ${startup.large.at(-1).toFixed(0)} ms (load ${load()})`,
  );
}
const [baseMs, largeMs] = [median(startup.baseline), median(startup.large)];
console.log(
  `start-up to the first rows painted, median of ${RUNS}: ${LINKS} links ${largeMs.toFixed(0)} ms, ` +
    `baseline ${baseMs.toFixed(0)} ms (${(largeMs / baseMs).toFixed(2)}×)`,
);
budget("startup_100k_links", Math.round(largeMs), 1500, "ms");
budget("startup_vs_baseline", Number((largeMs / baseMs).toFixed(2)), 1.3, "x");

// §3 The window and §2 footprint, in one session on the large store.
await withDriver(largeEnv, async () => {
  const browser = await launchApp();
  try {
    await browser.setTimeout({ script: 700_000 });
    await markTime(browser, "links-first-rows");
    const scroll = await scrollToBottom(browser, LINKS);
    const period = median(scroll.frames);
    const dropped = scroll.frames.reduce(
      (sum, ms) => sum + Math.max(0, Math.round(ms / period) - 1),
      0,
    );
    const droppedShare = (100 * dropped) / (scroll.frames.length + dropped);
    console.log(
      `scrolled ${scroll.loaded} rows top to bottom in ${(scroll.ms / 1000).toFixed(1)} s: ` +
        `${scroll.frames.length} frames, median ${period.toFixed(1)} ms, p95 ` +
        `${percentile(scroll.frames, 95).toFixed(1)} ms, max ${Math.max(...scroll.frames).toFixed(0)} ms, ` +
        `${dropped} dropped (${droppedShare.toFixed(1)} %); at most ${scroll.maxRows} row elements`,
    );
    budget("dom_rows_100k", scroll.maxRows, 300, "");
    budget("scroll_dropped_frames", Number(droppedShare.toFixed(1)), 5, "%");

    const pid = appProcess(largeEnv);
    const memory = footprint(pid);
    const webkitKb = memory.webkit.reduce((sum, p) => sum + p.kb, 0);
    console.log(
      `resident after scrolling: app ${(memory.app / 1024).toFixed(0)} MB, ` +
        memory.webkit.map((p) => `${p.name} ${(p.kb / 1024).toFixed(0)} MB`).join(", ") +
        `; together ${((memory.app + webkitKb) / 1024).toFixed(0)} MB`,
    );
    budget("rss_app", Math.round(memory.app / 1024), 80, "MB");
    budget("rss_app_and_webkit", Math.round((memory.app + webkitKb) / 1024), 300, "MB");

    // An old link's slug (one row, never the newest match of a word) between word searches,
    // so that every keystroke changes the first row.
    const words = ["zuniga", "pastel perez", "yoga lopez", "dental garcia", "cafe nunez"];
    const keystrokes = Array.from({ length: SEARCHES }, (_, i) => [
      `b${String(1000 + i * 997).padStart(7, "0")}`,
      words[i % words.length],
    ]).flat();
    const fromKey = [];
    const fromCall = [];
    for (const text of keystrokes) {
      const timing = await searchRepaint(browser, text);
      if (timing.error) throw new Error(timing.error);
      fromKey.push(timing.fromKey);
      if (timing.fromCall !== null) fromCall.push(timing.fromCall);
      await browser.pause(300);
    }
    console.log(
      `search repaint over ${fromKey.length} keystrokes: from the keystroke p50 ` +
        `${median(fromKey).toFixed(0)} ms, p95 ${percentile(fromKey, 95).toFixed(0)} ms ` +
        `(includes the ${DEBOUNCE_MS} ms debounce); from the search call p50 ` +
        (fromCall.length
          ? `${median(fromCall).toFixed(0)} ms, p95 ${percentile(fromCall, 95).toFixed(0)} ms`
          : "n/a (invoke not wrappable)"),
    );
    const afterDebounce = fromCall.length
      ? percentile(fromCall, 95)
      : percentile(fromKey, 95) - DEBOUNCE_MS;
    budget("search_repaint_p95_after_debounce", Math.round(afterDebounce), 50, "ms");
  } finally {
    await browser.deleteSession();
  }
});

const size = statSync(binary).size / 1e6;
budget("binary_size", Number(size.toFixed(1)), 20, "MB");
console.log(`load at the end ${load()}`);
for (const line of budgets) console.log(line);
