import { useTranslation } from "react-i18next";

import { CommandError } from "../ipc";

/** The translated message for an error's code; unknown codes get the generic message. */
export function useErrorMessage(): (error: unknown) => { code: string; text: string } {
  const { t, i18n } = useTranslation("errors");
  return (error) => {
    const code = error instanceof CommandError ? error.code : "unknown";
    const key = `errors:${code}`;
    // Codes come from Rust at run time, so the key cannot be checked at compile time.
    const text = i18n.exists(key) ? t(key as "unknown") : t("unknown");
    return { code, text };
  };
}
