// Starts tauri-driver (which starts WebKitWebDriver) and opens sessions on the real Mostrador
// binary. One driver serves a whole spec file; each session is a fresh launch of the app.
import { execFile, spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createConnection } from "node:net";
import { homedir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { after, before } from "node:test";

import { remote } from "webdriverio";

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, "../../..");
export const artifactsDir = path.join(repoRoot, "tests/e2e/artifacts");
const targetDir = process.env.CARGO_TARGET_DIR ?? path.join(repoRoot, "target");
export const application = process.env.MOSTRADOR_APP ?? path.join(targetDir, "debug/mostrador");

const DRIVER_PORT = Number(process.env.TAURI_DRIVER_PORT ?? 4444);
const NATIVE_PORT = DRIVER_PORT + 1;

function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = createConnection({ host: "127.0.0.1", port });
      socket.once("connect", () => {
        socket.end();
        resolve();
      });
      socket.once("error", () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`port ${port} did not open in ${timeoutMs} ms`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
}

/**
 * Starts tauri-driver; returns a function that stops it. `env` reaches the app it launches
 * (e.g. a private XDG_DATA_HOME).
 */
export async function startDriver({ env = {} } = {}) {
  for (const port of [DRIVER_PORT, NATIVE_PORT]) {
    if (!(await portIsFree(port))) {
      throw new Error(`port ${port} is taken (a stale tauri-driver?); set TAURI_DRIVER_PORT`);
    }
  }
  const binary = process.env.TAURI_DRIVER ?? path.join(homedir(), ".cargo/bin/tauri-driver");
  const child = spawn(binary, ["--port", String(DRIVER_PORT), "--native-port", String(NATIVE_PORT)], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, ...env },
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  await Promise.race([
    waitForPort(DRIVER_PORT, 20_000),
    exited.then((code) => {
      throw new Error(`tauri-driver exited early with ${code}`);
    }),
  ]);
  return async () => {
    child.kill("SIGTERM");
    await exited;
  };
}

/** Runs one tauri-driver for the calling spec file: started before its tests, stopped after. */
export function useDriver(options) {
  let stop;
  before(async () => {
    stop = await startDriver(options);
  });
  after(async () => {
    await stop?.();
  });
}

/** Launches the app in a new WebDriver session and waits for `ready` (the shell) to render. */
export async function launchApp({ ready = '[data-testid="app-title"]' } = {}) {
  const browser = await remote({
    hostname: "127.0.0.1",
    port: DRIVER_PORT,
    logLevel: "warn",
    connectionRetryTimeout: 120_000,
    connectionRetryCount: 0,
    // No browserName: WebKitWebDriver 2.50 reports "MiniBrowser" and rejects any other value.
    capabilities: { "tauri:options": { application } },
  });
  await browser.setTimeout({ implicit: 0 });
  settleBeforeClicks(browser);
  await (await browser.$(ready)).waitForDisplayed({ timeout: 60_000 });
  return browser;
}

/**
 * Makes every element click wait until the element has stopped moving. Drawers slide and modals
 * scale in for ~200 ms; a click computed mid-animation presses at the button's old position and
 * releases at its new one, so nothing is clicked (seen on a loaded machine: a delete
 * confirmation that never confirmed). A person does not click a moving button either.
 */
function settleBeforeClicks(browser) {
  browser.overwriteCommand(
    "click",
    async function (click, options) {
      await this.waitForDisplayed({ timeout: 10_000 });
      let last = "";
      await browser.waitUntil(
        async () => {
          const rect = JSON.stringify(await browser.getElementRect(this.elementId));
          const still = rect === last;
          last = rect;
          return still;
        },
        { timeout: 10_000, interval: 80, timeoutMsg: `${this.selector} kept moving` },
      );
      return click(options);
    },
    true,
  );
}

/** Runs `body` against a fresh launch of the app, always leaving a screenshot named `name`. */
export async function withApp(name, body, options) {
  const browser = await launchApp(options);
  try {
    await body(browser);
  } finally {
    await screenshot(name).catch((error) => console.error("screenshot failed", error));
    await browser.deleteSession();
  }
}

/**
 * Saves what the X display shows (the app's window is the only one on the private Xvfb screen),
 * named after the test, under tests/e2e/artifacts (ignored by git). WebKitWebDriver's own
 * screenshot command hangs under Xvfb without compositing, so ImageMagick's `import` takes it.
 */
export async function screenshot(name) {
  mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name.replace(/[^a-z0-9-]+/gi, "-").toLowerCase()}.png`);
  await new Promise((resolve, reject) => {
    execFile("import", ["-window", "root", file], { timeout: 15_000 }, (error) =>
      error ? reject(error) : resolve(),
    );
  });
  return file;
}
