import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// What the specs do to the app's page: find by test id, read text, wait for a notification,
// and call the app's own commands through its IPC to arrange the Sandbox (faults, counts).

/** The element with `data-testid="<testId>"`. */
export const $ = (browser, testId) => browser.$(`[data-testid="${testId}"]`);

/** Replaces what the input with test id `testId` holds by `words` (empty: cleared). */
export async function replaceText(browser, testId, words) {
  const box = await $(browser, testId);
  await box.click();
  await browser.keys(["Control", "a"]);
  await browser.keys("Backspace");
  if (words) await box.addValue(words);
}

/** An element's whole text; WebKitWebDriver's getText misses Mantine's CSS-styled labels. */
export const text = async (element) => (await element.getProperty("textContent")) ?? "";

/** Waits for a notification (toast) that contains `message`. */
export async function notified(browser, message) {
  const toast = await browser.$(`div*=${message}`);
  await toast.waitForExist({
    timeout: 20_000,
    timeoutMsg: `no "${message}" notification`,
  });
}

/** Calls one of the app's own commands through its IPC (to arrange faults, to count). */
export function invoke(browser, command, args = {}) {
  return browser.executeAsync(
    (cmd, payload, done) => {
      window.__TAURI_INTERNALS__.invoke(cmd, payload).then(done, (error) => done({ error }));
    },
    command,
    args,
  );
}

/** How many links the embedded Billpocket double holds. */
export const linksAtSandbox = async (browser) => (await invoke(browser, "sandbox_status")).links;

/** Replaces the embedded doubles' fault plan; `{}` clears it. */
export const setFaults = (browser, plan) =>
  invoke(browser, "sandbox_set_faults", {
    plan: { latencyMs: 0, outage: null, rules: [], ...plan },
  });

/**
 * Picks the registration form's person type by its label (one of `labels`, for either
 * language), then waits for the form's fields. The segmented control's label sits under its
 * sliding indicator while the drawer opens, so the click is retried until it lands.
 */
export async function personType(browser, labels) {
  const wanted = [labels].flat();
  await browser.waitUntil(
    () =>
      browser.execute((names) => {
        // The last match: the drawer is portalled after the screen's own person filter.
        const target = [...document.querySelectorAll("label")]
          .filter((label) => names.includes(label.textContent ?? ""))
          .at(-1);
        target?.click();
        return target !== undefined;
      }, wanted),
    { timeout: 10_000, timeoutMsg: `no "${wanted.join('" or "')}" choice` },
  );
  await (await $(browser, "merchant-firstName")).waitForDisplayed({ timeout: 10_000 });
}

/**
 * A `$BROWSER` for the app that only writes down what it was asked to open (xdg-open hands web
 * and mail addresses to `$BROWSER` when no desktop runs): the script's path, and the file where
 * each address lands on its own line.
 */
export function recordingBrowser(home) {
  const opened = path.join(home, "opened.txt");
  const stub = path.join(home, "browser.sh");
  writeFileSync(stub, `#!/bin/sh\nprintf '%s\\n' "$1" >> '${opened}'\n`);
  chmodSync(stub, 0o755);
  return { stub, opened };
}

/**
 * A home of its own for a spec about KYC tracking: throwaway XDG directories, the background
 * refresh every 2 s (`MOSTRADOR_REFRESH_SECS`), and desktop notifications recorded as JSON lines
 * (`MOSTRADOR_NOTIFICATIONS_FILE`: Xvfb has no desktop to show them). `env` goes to useDriver;
 * `notifications()` reads what was recorded so far.
 */
export function trackingHome(prefix) {
  const home = mkdtempSync(path.join(tmpdir(), prefix));
  const file = path.join(home, "notifications.jsonl");
  return {
    home,
    env: {
      XDG_DATA_HOME: path.join(home, "data"),
      XDG_CONFIG_HOME: path.join(home, "config"),
      MOSTRADOR_REFRESH_SECS: "2",
      MOSTRADOR_NOTIFICATIONS_FILE: file,
    },
    notifications: () =>
      existsSync(file)
        ? readFileSync(file, "utf8")
            .split("\n")
            .filter(Boolean)
            .map((line) => JSON.parse(line))
        : [],
  };
}
