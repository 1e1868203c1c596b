import { Text, TextInput } from "@mantine/core";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { commands, type FieldContext, type FieldKind, type FieldReport } from "../bindings";
import { call } from "../ipc";
import { issueMessage } from "./issueMessage";

type Props = {
  kind: FieldKind;
  label: string;
  context?: FieldContext;
  placeholder?: string;
  /** Called with the validator's report each time the field is checked. */
  onReport?: (report: FieldReport) => void;
  /** Controlled use (forms that prefill or submit the value); uncontrolled otherwise. */
  value?: string;
  onValueChange?: (value: string) => void;
  /** An error from elsewhere (the provider's answer), shown until the value changes. */
  error?: string | null;
  /** A warning from elsewhere (a check across fields), shown in place of "Correcto". */
  warning?: string | null;
  type?: string;
  description?: string;
  testId?: string;
  /** Empty is fine (not checked); otherwise the validator reports it as required. */
  optional?: boolean;
  /** Marked as required (an asterisk on the label, `aria-required`). */
  required?: boolean;
  /** The field a drawer or modal focuses when it opens (Mantine's `data-autofocus`). */
  autoFocus?: boolean;
  /** Checked at every keystroke, not only from the first blur (a number read aloud). */
  eager?: boolean;
};

/**
 * A text field checked by the Rust validators: on blur, and then on every change once an issue
 * has been shown, so the message goes away as soon as the value is fixed. A valid value is
 * replaced by its normalised form (upper case, no separators).
 */
export function ValidatedField({
  kind,
  label,
  context = {},
  placeholder,
  onReport,
  value,
  onValueChange,
  error: externalError,
  warning: externalWarning = null,
  type,
  description,
  testId,
  optional = false,
  required = false,
  autoFocus = false,
  eager = false,
}: Props) {
  const { t } = useTranslation();
  const [ownText, setOwnText] = useState("");
  const text = value ?? ownText;
  const setText = (next: string) => {
    setOwnText(next);
    onValueChange?.(next);
  };
  const [report, setReport] = useState<FieldReport | null>(null);
  const latest = useRef(0);
  // A value set from outside (a form reset after saving, a draft) was not checked here: the last
  // report (an error, "Banco: …") belongs to the old value and goes.
  if (value !== undefined && value !== ownText) {
    setOwnText(value);
    setReport(null);
  }

  async function check(input: string, normalise: boolean) {
    const request = ++latest.current;
    if (optional && input.trim() === "") {
      setReport(null);
      return;
    }
    const result = await call(commands.validateField(kind, input, context));
    if (request !== latest.current) return; // A newer keystroke already asked.
    setReport(result);
    onReport?.(result);
    if (normalise && result.value !== null && result.value !== input) setText(result.value);
  }

  const error = report?.issues.find((issue) => issue.severity === "error");
  const warning = report?.issues.find((issue) => issue.severity === "warning");
  const bank = report?.detail?.kind === "bank" ? report.detail.name : null;
  const warningText = warning ? issueMessage(t, warning) : externalWarning;
  const hint =
    warningText ??
    (bank
      ? t("fields.bank", { bank })
      : report?.value != null
        ? t("fields.valid")
        : (description ?? null));
  const shownError = error ? issueMessage(t, error) : (externalError ?? undefined);

  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      value={text}
      type={type}
      data-testid={testId ?? `field-${kind}`}
      required={required}
      data-autofocus={autoFocus || undefined}
      autoComplete="off"
      spellCheck={false}
      error={shownError}
      description={
        !shownError && hint ? (
          <Text
            component="span"
            size="xs"
            c={warningText ? "orange.9" : report?.value != null || bank ? "teal.9" : "dimmed"}
            data-testid="field-hint"
          >
            {hint}
          </Text>
        ) : undefined
      }
      inputWrapperOrder={["label", "input", "description", "error"]}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        if (eager || (report && report.issues.length > 0)) void check(next, false);
      }}
      onBlur={() => {
        if (text.trim() !== "") void check(text, true);
      }}
    />
  );
}
