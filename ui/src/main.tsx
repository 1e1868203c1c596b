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
  const failure = await call(commands.startupStatus()).then(
    (error) => (error ? new CommandError(error) : null),
    (error: unknown) => error,
  );
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
  // The saved language is read before the first render so the window never flashes the wrong one.
  const locale = await call(commands.getPreferences()).then(
    (preferences) => preferences.locale,
    (error: unknown) => {
      console.warn("preferences unavailable, using the default language", error);
      return DEFAULT_LOCALE;
    },
  );
  const i18n = await createI18n(locale);
  document.documentElement.lang = locale;
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
