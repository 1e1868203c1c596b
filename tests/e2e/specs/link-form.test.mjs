import assert from "node:assert/strict";
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";

import { $, notified, text } from "../lib/app.mjs";
import { screenshot, useDriver, withApp } from "../lib/driver.mjs";

// A home of its own, and a $BROWSER stub that writes down what xdg-open was asked to open.
const home = mkdtempSync(path.join(tmpdir(), "mostrador-link-form-"));
const opened = path.join(home, "opened.txt");
const browserStub = path.join(home, "browser.sh");
writeFileSync(browserStub, `#!/bin/sh\nprintf '%s\\n' "$1" >> '${opened}'\n`);
chmodSync(browserStub, 0o755);
useDriver({
  env: {
    XDG_DATA_HOME: path.join(home, "data"),
    XDG_CONFIG_HOME: path.join(home, "config"),
    BROWSER: browserStub,
  },
});

const openedLines = () =>
  existsSync(opened) ? readFileSync(opened, "utf8").trim().split("\n").filter(Boolean) : [];


async function retype(browser, testId, value) {
  const input = await $(browser, testId);
  await input.waitForDisplayed({ timeout: 10_000 });
  await input.click();
  await browser.keys(["Control", "a"]);
  await browser.keys("Backspace");
  if (value) await input.addValue(value);
}

/**
 * Sets an input as a paste or a date picker does: the whole value at once, through the native
 * setter and an `input` event, which is what React listens to.
 */
async function setAtOnce(browser, testId, value) {
  await browser.execute(
    (id, next) => {
      const input = document.querySelector(`[data-testid="${id}"]`);
      const prototype = Object.getPrototypeOf(input);
      Object.getOwnPropertyDescriptor(prototype, "value").set.call(input, next);
      input.dispatchEvent(new Event("input", { bubbles: true }));
    },
    testId,
    value,
  );
}

async function messageOf(browser) {
  return (await $(browser, "share-message")).getValue();
}

async function waitForMessage(browser, predicate, timeoutMsg) {
  await browser.waitUntil(async () => predicate(await messageOf(browser)), {
    timeout: 10_000,
    timeoutMsg,
  });
}

async function editAmount(browser, amount, shown) {
  await (await $(browser, "detail-edit")).click();
  await retype(browser, "link-amount", amount);
  await (await $(browser, "link-submit")).click();
  await notified(browser, "Liga actualizada.");
  await browser.waitUntil(
    async () => (await text(await $(browser, "link-detail"))).includes(shown),
    {
      timeout: 10_000,
      timeoutMsg: `the detail does not show ${shown}`,
    },
  );
}

/** Shares by WhatsApp and e-mail; returns the two addresses the OS was asked to open. */
async function shareBoth(browser) {
  const before = openedLines().length;
  await (await $(browser, "share-whatsapp")).click();
  await browser.waitUntil(() => openedLines().length === before + 1, {
    timeout: 10_000,
    timeoutMsg: "WhatsApp was not opened",
  });
  await (await $(browser, "share-email")).click();
  await browser.waitUntil(() => openedLines().length === before + 2, {
    timeout: 10_000,
    timeoutMsg: "the mail client was not opened",
  });
  return openedLines().slice(before);
}

async function newLink(browser, { amount, description }) {
  await (await $(browser, "links-new")).click();
  await retype(browser, "link-amount", amount);
  if (description) await retype(browser, "link-description-input", description);
}

test("the share message follows an edited amount, and a hand-edited one is kept with a warning", async () => {
  await withApp("link-form-share-follows", async (browser) => {
    await (await $(browser, "link-row")).waitForDisplayed({ timeout: 30_000 });
    await newLink(browser, { amount: "1,234.50", description: "Pastel de boda" });
    await (await $(browser, "link-submit")).click();
    await notified(browser, "Liga creada.");
    await (await $(browser, "share-message")).waitForDisplayed({ timeout: 10_000 });
    assert.match(await messageOf(browser), /por \$1,234\.50 \(Pastel de boda\)/);

    await editAmount(browser, "1,500", "$1,500.00");
    await waitForMessage(
      browser,
      (message) => message.includes("$1,500.00") && !message.includes("1,234.50"),
      "the message kept the old amount",
    );
    const [whatsapp, email] = await shareBoth(browser);
    const newAmount = encodeURIComponent("$1,500.00");
    assert.ok(whatsapp.startsWith("https://wa.me/?text="), whatsapp);
    assert.ok(whatsapp.includes(newAmount), `WhatsApp: ${whatsapp}`);
    assert.ok(!whatsapp.includes(encodeURIComponent("1,234.50")), `WhatsApp: ${whatsapp}`);
    assert.ok(email.startsWith("mailto:?subject="), email);
    const [subject, body] = email.split("&body=");
    assert.ok(subject.includes(newAmount), `subject: ${subject}`);
    assert.ok(body.includes(newAmount), `body: ${body}`);
    await screenshot("link-form-message-follows");

    // Typed by hand: kept through the next edit, with a warning that it no longer matches.
    const typed = "Hola Juan, aquí está tu liga de $1,500.00";
    await retype(browser, "share-message", typed);
    await editAmount(browser, "1,750", "$1,750.00");
    const stale = await $(browser, "share-message-stale");
    await stale.waitForDisplayed({ timeout: 10_000 });
    assert.match(await text(stale), /Cambiaste el mensaje a mano y la liga cambió después/);
    assert.equal(await messageOf(browser), typed);
    const [kept] = await shareBoth(browser);
    assert.ok(kept.includes(encodeURIComponent(typed)), `WhatsApp: ${kept}`);
    await screenshot("link-form-message-stale");

    await (await $(browser, "share-message-reset")).click();
    await waitForMessage(
      browser,
      (message) => message.includes("$1,750.00") && message.includes("(Pastel de boda)"),
      "the updated message was not restored",
    );
    assert.equal(await (await $(browser, "share-message-stale")).isExisting(), false);
  });
});

test("empty and overlong input is told on the field, and no message has empty parentheses", async () => {
  await withApp("link-form-input", async (browser) => {
    await (await $(browser, "link-row")).waitForDisplayed({ timeout: 30_000 });
    // Ctrl+N: the new-link form, with the focus on its first field.
    await browser.keys(["Control", "n"]);
    await (await $(browser, "link-form")).waitForDisplayed({ timeout: 10_000 });
    await browser.waitUntil(
      () => browser.execute(() => document.activeElement?.dataset.testid === "link-amount"),
      { timeout: 5_000, timeoutMsg: "the amount field does not have the focus" },
    );

    // Esc with typed input asks first; "Seguir editando" keeps what was typed.
    await (await $(browser, "link-amount")).addValue("5");
    await browser.keys("Escape");
    await (await $(browser, "discard-confirm")).waitForDisplayed({ timeout: 5_000 });
    assert.match(await text(await browser.$(".mantine-Modal-content")), /¿Descartar los cambios\?/);
    await screenshot("link-form-discard");
    await browser.keys("Escape"); // the question goes, the form stays
    await (await $(browser, "discard-confirm")).waitForDisplayed({ reverse: true, timeout: 5_000 });
    // Kept (and checked on the way: the field was left for the question).
    assert.equal(await (await $(browser, "link-amount")).getValue(), "$5.00");
    await retype(browser, "link-amount", "");

    // Enter with no amount: said on the field, in Spanish, before anything is sent.
    await browser.keys("Enter");
    const form = await $(browser, "link-form");
    await browser.waitUntil(async () => (await text(form)).includes("Este campo es obligatorio"), {
      timeout: 10_000,
      timeoutMsg: "no required-field message on the amount",
    });
    assert.equal(
      await browser.execute(() =>
        document.querySelector('[data-testid="link-amount"]').getAttribute("aria-invalid"),
      ),
      "true",
    );
    assert.doesNotMatch(await text(form), /Algo salió mal/);

    // 2,000 characters pasted: all kept, counted, and the excess said.
    await setAtOnce(browser, "link-description-input", "a".repeat(2_000));
    const description = await $(browser, "link-description-input");
    assert.equal((await description.getValue()).length, 2_000);
    assert.equal(await text(await $(browser, "link-description-count")), "2000 de 250 caracteres");
    assert.match(
      await text(form),
      /Sobran 1750 caracteres: la descripción puede tener hasta 250\./,
    );
    await screenshot("link-form-errors");

    // No description, Enter in the amount field: created, and its message has no "()".
    await retype(browser, "link-description-input", "");
    await retype(browser, "link-amount", "99");
    await browser.keys("Enter");
    await notified(browser, "Liga creada.");
    await (await $(browser, "share-message")).waitForDisplayed({ timeout: 10_000 });
    const message = await messageOf(browser);
    assert.match(message, /^Hola, te comparto la liga de pago de .+ por \$99\.00: https:\/\//);
    assert.ok(!message.includes("()"), message);
    await screenshot("link-form-no-description");
  });
});

test("a day picked without a time expires at the end of that day, local time", async () => {
  await withApp("link-form-expiry", async (browser) => {
    await (await $(browser, "link-row")).waitForDisplayed({ timeout: 30_000 });
    const day = new Date();
    day.setDate(day.getDate() + 3);
    const pad = (n) => String(n).padStart(2, "0");
    const iso = `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
    const shown = new Intl.DateTimeFormat("es-MX", {
      day: "numeric",
      month: "short",
      year: "numeric",
    }).format(day);

    await newLink(browser, { amount: "250", description: "Vence al final del día" });
    await setAtOnce(browser, "link-expires-date", iso);
    const hint = await $(browser, "link-expires-hint");
    await browser.waitUntil(async () => (await text(hint)).includes("23:59"), {
      timeout: 5_000,
      timeoutMsg: "the form does not say when the link will expire",
    });
    assert.equal(await text(hint), `Vencerá el ${shown}, 23:59.`);
    await screenshot("link-form-expiry");
    await (await $(browser, "link-submit")).click();
    await notified(browser, "Liga creada.");
    const detail = await $(browser, "link-detail");
    await browser.waitUntil(async () => (await text(detail)).includes("Vence al final del día"), {
      timeout: 10_000,
      timeoutMsg: "the new link's detail did not open",
    });
    assert.ok((await text(detail)).includes(`${shown}, 23:59`), await text(detail));
    assert.ok(!(await text(detail)).includes("Sin vencimiento"));
  });
});
