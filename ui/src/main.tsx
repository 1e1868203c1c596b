import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { App } from "./app/App";
import { Providers } from "./app/Providers";
import { StartupFailure } from "./app/StartupFailure";
import { commands } from "./bindings";
import { createI18n, DEFAULT_LOCALE } from "./i18n";
import { call, CommandError } from "./ipc";

async function start(container: HTMLElement) {
  // `startup-…` marks: the start-up bench splits the time to the first rows with them.
  performance.mark("startup-script");
  // The saved language is asked at once with the status, not after it: one round trip less
  // before the first render, which needs it so the window never flashes the wrong language. A
  // backend that did not start answers it with an error, unused then.
  const [failure, saved] = await Promise.all([
    call(commands.startupStatus()).then(
      (error) => (error ? new CommandError(error) : null),
      (error: unknown) => error,
    ),
    call(commands.getPreferences()).then(
      (preferences) => ({ locale: preferences.locale }),
      (error: unknown) => ({ error }),
    ),
  ]);
  performance.mark("startup-status-answered");
  if (failure !== null) {
    // Nothing else can be asked of a backend that did not start; Spanish is the default.
    const i18n = await createI18n(DEFAULT_LOCALE);
    createRoot(container).render(
      <Providers i18n={i18n}>
        <StartupFailure error={failure} />
      </Providers>,
    );
    return;
  }
  let locale = DEFAULT_LOCALE;
  if ("locale" in saved) locale = saved.locale;
  else console.warn("preferences unavailable, using the default language", saved.error);
  const i18n = await createI18n(locale);
  document.documentElement.lang = locale;
  performance.mark("startup-render");
  createRoot(container).render(
    <StrictMode>
      <Providers i18n={i18n}>
        <App />
      </Providers>
    </StrictMode>,
  );
}

const container = document.getElementById("root");
if (container) {
  void start(container);
}
