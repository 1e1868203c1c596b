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
};

/**
 * A text field checked by the Rust validators: on blur, and then on every change once an issue
 * has been shown, so the message goes away as soon as the value is fixed. A valid value is
 * replaced by its normalised form (upper case, no separators).
 */
export function ValidatedField({ kind, label, context = {}, placeholder, onReport }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [report, setReport] = useState<FieldReport | null>(null);
  const latest = useRef(0);

  async function check(value: string, normalise: boolean) {
    const request = ++latest.current;
    const result = await call(commands.validateField(kind, value, context));
    if (request !== latest.current) return; // A newer keystroke already asked.
    setReport(result);
    onReport?.(result);
    if (normalise && result.value !== null && result.value !== value) setText(result.value);
  }

  const error = report?.issues.find((issue) => issue.severity === "error");
  const warning = report?.issues.find((issue) => issue.severity === "warning");
  const bank = report?.detail?.kind === "bank" ? report.detail.name : null;
  const hint = warning
    ? issueMessage(t, warning)
    : bank
      ? t("fields.bank", { bank })
      : report?.value != null
        ? t("fields.valid")
        : null;

  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      value={text}
      data-testid={`field-${kind}`}
      autoComplete="off"
      spellCheck={false}
      error={error ? issueMessage(t, error) : undefined}
      description={
        !error && hint ? (
          <Text
            component="span"
            size="xs"
            c={warning ? "orange.9" : "teal.9"}
            data-testid="field-hint"
          >
            {hint}
          </Text>
        ) : undefined
      }
      inputWrapperOrder={["label", "input", "description", "error"]}
      onChange={(event) => {
        const value = event.currentTarget.value;
        setText(value);
        if (report && report.issues.length > 0) void check(value, false);
      }}
      onBlur={() => {
        if (text.trim() !== "") void check(text, true);
      }}
    />
  );
}
