// A support agent points a profile at a server on this machine: the standalone Billpocket double
// (`mostrador-sandbox`) over plain http:// on 127.0.0.1. Any other http:// address is refused on
// its field; the local profile is badged "Local", connects a merchant by token and lists the
// links that server holds.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";

import { $, text } from "../lib/app.mjs";
import { application, screenshot, useDriver, withApp } from "../lib/driver.mjs";

// The seeded credentials of the double (README: "The provider doubles also run on their own").
const API_KEY = "sandbox-bp-api-key-0001";
const X_API_KEY = "sandbox-bp-x-api-key-0001";
const USER_TOKEN = "sandbox-bp-user-token-61234";
const NAME = "Servidor local";
// A link that only the standalone double holds, so the list can only have come from it.
const ONLY_HERE = "Liga del servidor local";

const home = mkdtempSync(path.join(tmpdir(), "mostrador-local-profile-"));
useDriver({
  env: { XDG_DATA_HOME: path.join(home, "data"), XDG_CONFIG_HOME: path.join(home, "config") },
});

const sandboxBinary = path.join(path.dirname(application), "mostrador-sandbox");
let sandbox;
let baseUrl;

/** Starts the standalone double on a free port (port 0) and reads its address from stdout. */
before(async () => {
  assert.ok(
    existsSync(sandboxBinary),
    `${sandboxBinary} is missing: cargo build -p mostrador-sandbox`,
  );
  sandbox = spawn(sandboxBinary, ["--port", "0", "--data-dir", path.join(home, "sandbox")], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  baseUrl = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(
      () => reject(new Error(`no address from the sandbox: ${out}`)),
      20_000,
    );
    sandbox.stdout.on("data", (chunk) => {
      out += chunk;
      const match = /billpocket sandbox: (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    sandbox.once("exit", (code) => reject(new Error(`the sandbox exited with ${code}: ${out}`)));
  });
  const created = await fetch(`${baseUrl}/v1/custom-link`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "BP-User-Token": USER_TOKEN,
      "X-Api-Key": X_API_KEY,
    },
    body: JSON.stringify({
      amount: 321,
      type: 2,
      description: ONLY_HERE,
      rates: [],
      is_fixed_term: false,
    }),
  });
  assert.equal(created.status, 202, await created.text());
});

after(() => {
  sandbox?.kill("SIGINT");
  rmSync(home, { recursive: true, force: true });
});

const card = (browser) => browser.$(`[data-testid="profile-${NAME}"]`);

async function replaceValue(browser, input, value) {
  await input.click();
  await browser.keys(["Control", "a"]);
  await browser.keys("Backspace");
  await input.addValue(value);
}

async function storeSlot(browser, slotName, secret) {
  const slot = await (await card(browser)).$(`[data-testid="slot-${slotName}"]`);
  const status = await slot.$('[data-testid="slot-status"]');
  await (await slot.$("input")).setValue(secret);
  await (await slot.$("button=Guardar")).click();
  await browser.waitUntil(async () => (await text(status)) === "Configurada", {
    timeout: 10_000,
    timeoutMsg: `${slotName} was not stored`,
  });
}

test("a profile on http://127.0.0.1 of a standalone sandbox connects a merchant and lists its links", async () => {
  await withApp("local-profile", async (browser) => {
    await (await $(browser, "nav-profiles")).click();
    await (await $(browser, "profile-new")).click();
    await (await $(browser, "profile-name")).setValue(NAME);
    const url = await $(browser, "profile-billpocketBaseUrl");

    // http:// to another machine is refused on its field, in Spanish.
    await url.setValue("http://192.168.1.5:8080");
    await (await $(browser, "profile-save")).click();
    await (
      await browser.$("p*=solo vale para un servidor en este equipo")
    ).waitForDisplayed({
      timeout: 10_000,
    });
    assert.equal(await url.getAttribute("aria-invalid"), "true");
    await screenshot("local-profile-refused");

    await replaceValue(browser, url, baseUrl);
    await (await $(browser, "profile-save")).click();
    await (await card(browser)).waitForDisplayed({ timeout: 10_000 });
    const badge = await (await card(browser)).$('[data-testid="profile-local-badge"]');
    assert.equal(await text(badge), "Local");
    assert.match(await text(await card(browser)), new RegExp(`Billpocket: ${baseUrl}`));

    await storeSlot(browser, "billpocketApiKey", API_KEY);
    await storeSlot(browser, "billpocketXApiKey", X_API_KEY);
    await screenshot("local-profile-card");
    await (await (await card(browser)).$("button=Usar este perfil")).click();
    await browser.waitUntil(
      async () => (await text(await $(browser, "active-profile"))).includes(NAME),
      { timeout: 10_000, timeoutMsg: "the header did not switch" },
    );

    // A real profile knows no merchant until one is connected; the token is checked there.
    await (await $(browser, "nav-merchants")).click();
    await (await $(browser, "merchant-connect")).click();
    await (await browser.$("label=Con su token")).click();
    await (await $(browser, "connect-secret")).setValue(USER_TOKEN);
    await (await $(browser, "connect-submit")).click();
    await (
      await browser.$("div*=Comercio conectado")
    ).waitForExist({
      timeout: 20_000,
      timeoutMsg: "the merchant was not connected",
    });

    // Its detail opens; Esc closes it, then Ligas.
    await browser.keys("Escape");
    await (await $(browser, "merchant-detail")).waitForExist({ reverse: true, timeout: 10_000 });
    await (await $(browser, "nav-links")).click();
    await browser.waitUntil(
      async () => {
        for (const row of await browser.$$('[data-testid="link-row"]')) {
          if ((await text(row)).includes(ONLY_HERE)) return true;
        }
        return false;
      },
      { timeout: 30_000, timeoutMsg: "the local server's links were not listed" },
    );
    assert.ok((await browser.$$('[data-testid="link-row"]')).length > 10, "the seeded links too");
    await screenshot("local-profile-links");
  });

  // Every call went to the standalone double.
  const seen = await (await fetch(`${baseUrl}/__sandbox/requests`)).json();
  const calls = seen.map((request) => `${request.method} ${request.path}`);
  assert.ok(calls.includes("GET /v2/token/validate"), calls.join(", "));
  assert.ok(calls.includes("GET /v1/custom-link"), calls.join(", "));
});
