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
//   per frame (the worst case), counting row elements, then 1,500 rows at a wheel notch (3 rows)
//   and at 600 px per frame; frame intervals from requestAnimationFrame; an interval of n display
//   refreshes (60 Hz under Xvfb) dropped n − 1 frames; the CPU time the app's and the WebKit web
//   process used per frame (what the other processes on the cores change least). Then searches:
//   each keystroke sets the box's value and fires its input event in the page; the repaint is
//   timed as above from the keystroke, and split by the page's own marks (ui/src/app/timing.ts:
//   debounced search committed, IPC sent, IPC answered, rows committed); the budget applies
//   after the box's fixed 120 ms debounce.
// - Footprint: resident memory (/proc/<pid>/status VmRSS) of the app's process and of the WebKit
//   processes under it, right after the scroll; the size of the binary.
// Prints `BUDGET <name> <measured> <budget> <ok|MISSED>` lines at the end.
import { readdirSync, readFileSync, readlinkSync, mkdtempSync, statSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import { application, launchApp, startDriver } from "../lib/driver.mjs";
import { databaseIn, seedLinks } from "../lib/seed.mjs";

const LINKS = Number(process.env.BENCH_LINKS ?? 100_000);
const BASELINE_LINKS = 100;
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 5);
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 20);
// How far the scroll goes: to the bottom unless fewer rows are asked for (a loaded machine
// renders a few frames a second, and the bottom of 100,000 rows is 9,000 views down).
const SCROLL_ROWS = Number(process.env.BENCH_SCROLL_ROWS ?? LINKS);
// How far the realistic scrolls (a wheel notch, 600 px per frame) go.
const WHEEL_ROWS = Number(process.env.BENCH_WHEEL_ROWS ?? Math.min(SCROLL_ROWS, 1_500));
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

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const listening = (port) =>
  new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => resolve(!!socket.end()));
    socket.once("error", () => resolve(false));
  });

/**
 * Starts tauri-driver once the previous one's WebKitWebDriver has let go of its port, and
 * returns once the new one's listens (a session asked for earlier fails).
 */
async function driverFor(env) {
  for (let tries = 0; ; tries++) {
    try {
      const stop = await startDriver({ env });
      const native = Number(process.env.TAURI_DRIVER_PORT ?? 4444) + 1;
      for (let wait = 0; wait < 200 && !(await listening(native)); wait++) await pause(50);
      return stop;
    } catch (error) {
      if (tries > 100 || !/is taken/.test(String(error))) throw error;
      await pause(100);
    }
  }
}

async function withDriver(env, body) {
  const stop = await driverFor(env);
  try {
    return await body();
  } finally {
    await stop();
  }
}

/**
 * The running app launched with `env` (its binary and its data home): the newest, because the
 * app of the session before may still be exiting (on a loaded machine it lingers for seconds,
 * and measuring it gave start-ups of 14–30 s).
 */
function appProcess(env) {
  const running = [];
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      if (readlinkSync(`/proc/${pid}/exe`) !== binary) continue;
      const environ = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
      if (environ.includes(`XDG_DATA_HOME=${env.XDG_DATA_HOME}`)) {
        running.push({ pid: Number(pid), started: Number(statFields(pid)[19]) });
      }
    } catch {
      // Gone, or not ours to read.
    }
  }
  if (running.length === 0) {
    throw new Error(`no ${binary} running with XDG_DATA_HOME=${env.XDG_DATA_HOME}`);
  }
  if (running.length > 1)
    console.log(`${running.length} app processes on one store: the newest is measured`);
  return running.reduce((newest, each) => (each.started > newest.started ? each : newest)).pid;
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

/** Fails unless the list shown is the bench merchant's (slugs b0000000…). */
async function benchMerchantShown(browser) {
  const first = await browser.execute(
    () => document.querySelector('[data-testid="link-row"]')?.textContent ?? "",
  );
  if (!/b\d{7}/.test(first)) throw new Error(`the first row is not the bench merchant's: ${first}`);
}

/**
 * The epoch times of the app's `startup: <step>` log lines (and of the line that says the
 * state opened), in the order they came.
 */
function startupSteps(log) {
  const steps = [];
  for (const line of log.split("\n")) {
    const step = /^(\S+Z)\s+INFO\s+\S+ (?:startup: (.+)|(Mostrador starting))/.exec(line);
    if (step) steps.push([step[2] ?? "state opened", Date.parse(step[1])]);
  }
  return steps;
}

/**
 * One launch of the app on `env`'s store: ms from the process start to the first rows painted,
 * and the split of that time (the app's log, the page's navigation timing and mark). With
 * `memory`, the footprint once painted.
 */
async function startupRun(env, { memory } = {}) {
  const logFile = path.join(mkdtempSync(path.join(tmpdir(), "mostrador-bench-log-")), "app.log");
  return withDriver({ ...env, MOSTRADOR_LOG_FILE: logFile }, async () => {
    const browser = await launchApp();
    try {
      await browser.setTimeout({ script: 60_000 });
      const painted = await markTime(browser, "links-first-rows");
      await benchMerchantShown(browser);
      const start = processStartMs(appProcess(env));
      const page = await browser.execute(() => {
        const nav = performance.getEntriesByType("navigation")[0];
        return {
          navigation: performance.timeOrigin,
          loaded: performance.timeOrigin + nav.loadEventEnd,
          // The page's own steps (ui/src/main.tsx).
          marks: performance
            .getEntriesByType("mark")
            .filter((mark) => mark.name.startsWith("startup-"))
            .map((mark) => [mark.name, performance.timeOrigin + mark.startTime]),
        };
      });
      const split = [
        ...startupSteps(readFileSync(logFile, "utf8")),
        ["page navigation started", page.navigation],
        ["page loaded (load event)", page.loaded],
        ...page.marks,
        ["first rows painted", painted],
      ].map(([step, at]) => [step, Math.round(at - start)]);
      const footprintNow = memory && (await pause(2_000), reportFootprint(memory, env).memory);
      return { ms: painted - start, split, memory: footprintNow };
    } finally {
      await browser.deleteSession();
    }
  });
}

/**
 * Memory of one process in kB: VmRSS, and from smaps_rollup the proportional set (PSS: each
 * shared page divided among the processes mapping it), split into anonymous and file pages.
 */
function memoryOf(pid) {
  const field = (text, name) => Number(new RegExp(`^${name}:\\s+(\\d+)`, "m").exec(text)?.[1] ?? 0);
  const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
  return {
    rss: field(readFileSync(`/proc/${pid}/status`, "utf8"), "VmRSS"),
    pss: field(rollup, "Pss"),
    pssAnon: field(rollup, "Pss_Anon"),
    pssFile: field(rollup, "Pss_File"),
  };
}

/**
 * The app's mappings grouped (a library or file by its name; unnamed ones by size: thread
 * stacks and malloc arenas are 8 and 64 MB reservations) with their resident and
 * proportional kB, largest first: where the app process's memory goes.
 */
function mappingGroups(pid, top = 10) {
  const groups = new Map();
  let current;
  for (const line of readFileSync(`/proc/${pid}/smaps`, "utf8").split("\n")) {
    const mapping = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (mapping) {
      const kb = (parseInt(mapping[2], 16) - parseInt(mapping[1], 16)) / 1024;
      const name =
        path.basename(mapping[3]) ||
        (kb >= 60_000
          ? "[anon ≥ 60 MB: malloc arenas]"
          : kb >= 8_000
            ? "[anon 8–60 MB: stacks, arenas]"
            : "[anon < 8 MB]");
      current = groups.get(name) ?? { name, rss: 0, pss: 0 };
      groups.set(name, current);
      continue;
    }
    const size = /^(Rss|Pss):\s+(\d+) kB/.exec(line);
    if (size && current) current[size[1].toLowerCase()] += Number(size[2]);
  }
  return [...groups.values()].sort((a, b) => b.rss - a.rss).slice(0, top);
}

/** Memory of the app and of its WebKit processes (below it, or sharing its data home). */
function footprint(appPid, env) {
  const parents = new Map();
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      parents.set(Number(pid), Number(statFields(pid)[1]));
    } catch {
      // Exited meanwhile.
    }
  }
  const started = (pid) => Number(statFields(pid)[19]);
  const ours = (pid) => {
    // A network process of the session before may linger with the same data home.
    if (started(pid) < started(appPid)) return false;
    for (let up = parents.get(pid); up; up = parents.get(up)) if (up === appPid) return true;
    const environ = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
    return environ.includes(`XDG_DATA_HOME=${env.XDG_DATA_HOME}`);
  };
  const webkit = [...parents.keys()].flatMap((pid) => {
    try {
      if (!ours(pid)) return [];
      const name = readFileSync(`/proc/${pid}/comm`, "utf8").trim();
      return /^WebKit(Web|Network)Pr/.test(name) ? [{ pid, name, ...memoryOf(pid) }] : [];
    } catch {
      // Exited while it was read (a process of the session before, going away), or not ours.
      return [];
    }
  });
  const app = memoryOf(appPid);
  const sum = (key) => app[key] + webkit.reduce((total, p) => total + p[key], 0);
  return { app, webkit, together: { rss: sum("rss"), pss: sum("pss") } };
}

const mb = (kb) => (kb / 1024).toFixed(0);
const describe = ({ rss, pss, pssAnon, pssFile }) =>
  `RSS ${mb(rss)} / PSS ${mb(pss)} MB (anon ${mb(pssAnon)}, files ${mb(pssFile)})`;

/** Prints the footprint of the app launched with `env`, `when` saying at which point. */
function reportFootprint(when, env) {
  const pid = appProcess(env);
  const memory = footprint(pid, env);
  console.log(
    `memory ${when}: app ${describe(memory.app)}; ` +
      memory.webkit.map((p) => `${p.name} ${describe(p)}`).join("; ") +
      `; together RSS ${mb(memory.together.rss)} / PSS ${mb(memory.together.pss)} MB`,
  );
  return { pid, memory };
}

/**
 * CPU time (user + system, ms) used so far by the app's process and its WebKit web process: a
 * frame's cost that the other processes sharing the cores do not change much.
 */
function cpuMs(appPid, env) {
  const web = footprint(appPid, env).webkit.filter(({ name }) => name.startsWith("WebKitWeb"));
  const used = (pid) => {
    const fields = statFields(pid);
    return ((Number(fields[11]) + Number(fields[12])) / CLK_TCK) * 1000;
  };
  return { app: used(appPid), web: web.reduce((sum, { pid }) => sum + used(pid), 0) };
}

/** CPU ms (app, web process) used since `before`, per `count`, as text. */
function cpuPer(before, after, count) {
  const per = (key) => ((after[key] - before[key]) / count).toFixed(1);
  return `app ${per("app")} + web ${per("web")} ms`;
}

/**
 * Scrolls the list from the top through `total` rows (all: to the bottom), `stepPx` per frame
 * (`null`: one whole view, the worst case), while pages load. The page keeps the state; this
 * polls it (one long script call would outlast the HTTP client's timeout).
 */
async function scrollDown(browser, total, stepPx, cpu) {
  await browser.execute(() => {
    document.querySelector('[data-testid="links-table"]').scrollTop = 0;
  });
  await pause(500);
  const cpuBefore = cpu();
  await browser.execute(
    (wanted, stepBy) => {
      const scroller = document.querySelector('[data-testid="links-table"]');
      const grid = document.querySelector('[role="grid"]');
      const state = { frames: [], maxRows: 0, loaded: 0, ms: 0, done: false, top: 0 };
      window.__benchScroll = state;
      let last = performance.now();
      const started = last;
      const step = () => {
        const now = performance.now();
        state.frames.push(now - last);
        last = now;
        state.maxRows = Math.max(
          state.maxRows,
          document.querySelectorAll('[data-testid="link-row"]').length,
        );
        state.loaded = Number(grid.getAttribute("aria-rowcount"));
        state.top = scroller.scrollTop;
        state.ms = now - started;
        const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;
        if (state.loaded >= wanted && (atEnd || scroller.scrollTop >= wanted * 56)) {
          state.done = true;
        } else {
          scroller.scrollTop += stepBy ?? scroller.clientHeight;
          requestAnimationFrame(step);
        }
      };
      requestAnimationFrame(step);
    },
    total,
    stepPx,
  );
  const deadline = Date.now() + 1_800_000;
  for (let polls = 0; ;) {
    await pause(2_000);
    const state = await browser.execute(() => {
      const { frames, ...rest } = window.__benchScroll;
      return { ...rest, frameCount: frames.length };
    });
    if (state.done) break;
    if (Date.now() > deadline) throw new Error(`scroll stuck: ${JSON.stringify(state)}`);
    if (++polls % 15 === 0) console.log(`scrolling: ${JSON.stringify(state)}`);
  }
  const cpuAfter = cpu();
  return { ...(await browser.execute(() => window.__benchScroll)), cpuBefore, cpuAfter };
}

/**
 * Logs a scroll's frame intervals; answers the share of dropped frames (an interval of n
 * display refreshes, 60 Hz under Xvfb, dropped n − 1).
 */
function droppedFrames(label, scroll) {
  const period = 1000 / 60;
  const dropped = scroll.frames.reduce(
    (sum, ms) => sum + Math.max(0, Math.round(ms / period) - 1),
    0,
  );
  const share = (100 * dropped) / (scroll.frames.length + dropped);
  console.log(
    `${label}: scrolled ${Math.round(scroll.top / 56)} rows (${scroll.loaded} loaded) from the top in ` +
      `${(scroll.ms / 1000).toFixed(1)} s: ${scroll.frames.length} frames, median ` +
      `${median(scroll.frames).toFixed(1)} ms, p95 ${percentile(scroll.frames, 95).toFixed(1)} ms, ` +
      `max ${Math.max(...scroll.frames).toFixed(0)} ms, ${dropped} dropped (${share.toFixed(1)} %); ` +
      `at most ${scroll.maxRows} row elements; CPU per frame ` +
      `${cpuPer(scroll.cpuBefore, scroll.cpuAfter, scroll.frames.length)} (load ${load()})`,
  );
  return Number(share.toFixed(1));
}

/** The search's steps the page marks (ui/src/app/timing.ts), in order, after the keystroke. */
const SEARCH_STEPS = [
  ["debounce", "links-search-debounced"],
  ["ipc sent", "links-search-sent"],
  ["ipc answered", "links-search-answered"],
  ["react commit", "links-rows-committed"],
];

/**
 * Types `words` into the search box as one input event and times, in the page, the paint of a
 * first row other than the one shown before, and each step the page marked on the way: the
 * debounced search committed, its IPC call sent and answered, the new rows committed.
 */
function searchRepaint(browser, words) {
  return browser.executeAsync(
    (text, steps, done) => {
      const firstId = () => document.querySelector('[data-testid="link-row"]')?.id ?? "";
      const before = firstId();
      const box = document.querySelector('[data-testid="links-search"]');
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
      const typed = performance.now();
      setValue.call(box, text);
      box.dispatchEvent(new Event("input", { bubbles: true }));
      const at = (name) => {
        const entry = performance.getEntriesByName(name).at(-1);
        return entry && entry.startTime >= typed ? entry.startTime - typed : null;
      };
      const watch = () => {
        if (firstId() !== before && firstId() !== "") {
          setTimeout(() => {
            done({
              ms: performance.now() - typed,
              steps: Object.fromEntries(steps.map(([label, name]) => [label, at(name)])),
            });
          }, 0);
        } else if (performance.now() - typed > 20_000) {
          done({ error: `no new first row for "${text}"` });
        } else requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
    },
    words,
    SEARCH_STEPS,
  );
}

const load = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
console.log(`app: ${binary} (${statSync(binary).size} bytes); load ${load()}`);
const baseEnv = await home("baseline", BASELINE_LINKS);
const largeEnv = await home("large", LINKS);

// §1 Start-up, interleaved so that a change of load hits both; §2's footprint once painted,
// on the last run of each (the list's own cost: 100 links against the first page of 100,000).
const startup = { baseline: [], large: [] };
const splits = { baseline: [], large: [] };
const painted = {};
for (let run = 0; run < RUNS; run++) {
  for (const [label, env] of [
    ["baseline", baseEnv],
    ["large", largeEnv],
  ]) {
    const last = run === RUNS - 1;
    const result = await startupRun(env, {
      memory: last && `at the first rows, ${label === "large" ? LINKS : BASELINE_LINKS} links`,
    });
    startup[label].push(result.ms);
    splits[label].push(result.split);
    if (last) painted[label] = result.memory;
  }
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
// Each step's median ms from the process start, over the runs of the large store.
const stepTimes = new Map();
for (const split of splits.large)
  for (const [step, ms] of split) stepTimes.set(step, [...(stepTimes.get(step) ?? []), ms]);
console.log(
  `start-up split, ${LINKS} links, median ms from the process start: ` +
    [...stepTimes].map(([step, times]) => `${step} ${median(times)}`).join(", "),
);
budget("startup_100k_links", Math.round(largeMs), 1500, "ms");
budget("startup_vs_baseline", Number((largeMs / baseMs).toFixed(2)), 1.3, "x");

// §3 The window and §2 footprint, in one session on the large store.
await withDriver(largeEnv, async () => {
  const browser = await launchApp();
  try {
    await browser.setTimeout({ script: 60_000 });
    await markTime(browser, "links-first-rows");
    await benchMerchantShown(browser);
    const cpu = () => cpuMs(appProcess(largeEnv), largeEnv);
    const scroll = await scrollDown(browser, SCROLL_ROWS, null, cpu);
    budget("dom_rows_100k", scroll.maxRows, 300, "");
    budget("scroll_dropped_frames", droppedFrames("one view per frame", scroll), 5, "%");

    const { pid, memory } = reportFootprint(
      `after scrolling ${Math.round(scroll.top / 56)} rows`,
      largeEnv,
    );
    for (const { pid: each, name } of [{ pid, name: "the app" }, ...memory.webkit])
      console.log(
        `${name}'s largest mappings (RSS / PSS MB): ` +
          mappingGroups(each)
            .map((group) => `${group.name} ${mb(group.rss)} / ${mb(group.pss)}`)
            .join(", "),
      );
    // Whether the growth is garbage the page has not collected yet, or kept.
    await pause(10_000);
    reportFootprint("10 s later", largeEnv);
    const growth = (key) => mb(memory.together[key] - painted.baseline.together[key]);
    console.log(
      `together after scrolling minus the baseline at its first rows: RSS ${growth("rss")} MB, ` +
        `PSS ${growth("pss")} MB`,
    );
    budget("rss_app", Number(mb(memory.app.rss)), 80, "MB");
    budget("rss_app_and_webkit", Number(mb(memory.together.rss)), 300, "MB");
    budget("pss_app", Number(mb(memory.app.pss)), 80, "MB");
    budget("pss_app_and_webkit", Number(mb(memory.together.pss)), 300, "MB");

    // Realistic scrolls over the rows loaded above: a wheel notch (3 rows) and a fast 600 px
    // per frame.
    for (const [name, px] of [
      ["wheel", 3 * 56],
      ["600px", 600],
    ]) {
      const share = droppedFrames(
        `${px} px per frame`,
        await scrollDown(browser, WHEEL_ROWS, px, cpu),
      );
      budget(`scroll_dropped_frames_${name}`, share, 5, "%");
    }

    // An old link's slug (one row, never the newest match of a word) between word searches,
    // so that every keystroke changes the first row.
    const words = ["zuniga", "pastel perez", "yoga lopez", "dental garcia", "cafe nunez"];
    const keystrokes = Array.from({ length: SEARCHES }, (_, i) => [
      `b${String(1000 + i * 997).padStart(7, "0")}`,
      words[i % words.length],
    ]).flat();
    const repaints = [];
    const steps = [];
    const cpuBefore = cpu();
    for (const text of keystrokes) {
      const timing = await searchRepaint(browser, text);
      if (timing.error) throw new Error(timing.error);
      repaints.push(timing.ms);
      steps.push({ ...timing.steps, paint: timing.ms, text });
      await browser.pause(300);
    }
    const p95 = percentile(repaints, 95);
    console.log(
      `search repaint over ${repaints.length} keystrokes, from the keystroke: p50 ` +
        `${median(repaints).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, of which ${DEBOUNCE_MS} ms ` +
        `is the search box's debounce; CPU per keystroke ` +
        `${cpuPer(cpuBefore, cpu(), repaints.length)} (load ${load()})`,
    );
    // Each step's own time (from the step before), where the page marked both: a word searched
    // before is answered from the page's cache, with no IPC marks (null, which is not 0).
    const labels = [...SEARCH_STEPS.map(([label]) => label), "paint"];
    const marked = (ms) => typeof ms === "number";
    const split = labels.map((label, i) => {
      const own = steps
        .filter((s) => marked(s[label]) && (i === 0 || marked(s[labels[i - 1]])))
        .map((s) => (i === 0 ? s[label] : s[label] - s[labels[i - 1]]));
      return `${label} ${median(own)?.toFixed(1)} / ${percentile(own, 95)?.toFixed(1)} ms`;
    });
    console.log(`search steps, p50 / p95 of each: ${split.join(", ")}`);
    // The slow tail by what was typed: a word's many rows or a slug's one.
    const slowest = [...steps].sort((a, b) => b.paint - a.paint).slice(0, 3);
    for (const { text, ...marks } of slowest)
      console.log(
        `slow search "${text}": ` +
          labels.map((label) => `${label} at ${marks[label]?.toFixed(0)}`).join(", ") +
          " ms",
      );
    budget("search_repaint_p95_after_debounce", Math.round(p95 - DEBOUNCE_MS), 50, "ms");
  } finally {
    await browser.deleteSession();
  }
});

const size = statSync(binary).size / 1e6;
budget("binary_size", Number(size.toFixed(1)), 20, "MB");
console.log(`load at the end ${load()}`);
for (const line of budgets) console.log(line);
