import { notifications } from "@mantine/notifications";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";

import type { ErrorCode } from "../bindings";
import { codeMessage } from "../forms/codeMessage";
import { CommandError } from "../ipc";

/**
 * The translated message for an error's code, with the values the error supplies: the errors
 * catalogue, then the validators' (a field a command refused, such as `field.required`);
 * unknown codes get the generic message.
 */
export function useErrorMessage(): (error: unknown) => { code: ErrorCode; text: string } {
  const { t, i18n } = useTranslation("errors");
  // Stable while the language is, so screens can hand it to memoised children.
  return useCallback(
    (error) => {
      const { code, params } =
        error instanceof CommandError ? error : { code: "unknown" as const, params: {} };
      return { code, text: codeMessage(t, (key) => i18n.exists(key), code, params) };
    },
    [t, i18n],
  );
}

/** Shows an error's translated message as a red notification (a failed action's answer). */
export function useErrorToast(): (error: unknown) => void {
  const errorMessage = useErrorMessage();
  return (error) => {
    notifications.show({ color: "red", message: errorMessage(error).text });
  };
}
