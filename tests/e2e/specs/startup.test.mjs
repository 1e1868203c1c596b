import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";

import { useDriver, withApp } from "../lib/driver.mjs";

// A data directory whose database says it comes from a newer Mostrador (schema 999).
const dataHome = mkdtempSync(path.join(tmpdir(), "mostrador-newer-"));
const database = path.join(dataHome, "mx.mostrador.app", "mostrador.sqlite3");

mkdirSync(path.dirname(database), { recursive: true });
execFileSync("python3", [
  "-c",
  "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('create table future(x)'); c.execute('pragma user_version=999'); c.commit(); c.close()",
  database,
]);
useDriver({ env: { XDG_DATA_HOME: dataHome } });

test("data from a newer version is refused with a clear Spanish message and left untouched", async () => {
  const before = readFileSync(database);
  await withApp(
    "startup-newer-schema",
    async (browser) => {
      const failure = await browser.$('[data-testid="startup-failure"]');
      await failure.waitForDisplayed({ timeout: 30_000 });
      const text = await failure.getText();
      assert.match(text, /Mostrador no pudo abrir/);
      assert.match(text, /Tus datos locales son de una versión más nueva de Mostrador/);
      assert.match(text, /store\.newer_schema/);
    },
    { ready: '[data-testid="startup-failure"]' },
  );
  assert.ok(readFileSync(database).equals(before), "the newer database was modified");
});
