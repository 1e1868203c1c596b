import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";

import { commands, type CrossCheck_Deserialize, type Issue, type Severity } from "../bindings";
import { call } from "../ipc";
import { issueMessage } from "./issueMessage";

/** The fields of a persona física the check reads. */
type Person = {
  rfc: string;
  curp: string;
  firstName: string;
  paternalSurname: string;
  maternalSurname: string;
};

/** What the check says under one field. */
export type CrossMessages = { error: string | null; warning: string | null };

/**
 * A persona física's RFC and CURP checked together and against her names while they are typed:
 * a key that is not hers shows an error on its own field, letters SAT and RENAPO may write apart
 * a warning (in place of "Correcto"). Rust judges which values are complete enough to compare.
 * Returns the messages for a field of the form ("rfc", "curp"; none for the others).
 */
export function useRfcCurpCheck(
  person: Person,
  enabled: boolean,
): (field: string) => CrossMessages {
  const { t } = useTranslation();
  const { rfc, curp, firstName, paternalSurname, maternalSurname } = person;
  const request = useMemo<CrossCheck_Deserialize | null>(
    () =>
      enabled && (rfc.trim() !== "" || curp.trim() !== "")
        ? {
            check: "rfcCurp",
            rfc: rfc.trim(),
            curp: curp.trim(),
            names: { firstName, paternalSurname, maternalSurname },
          }
        : null,
    [enabled, rfc, curp, firstName, paternalSurname, maternalSurname],
  );
  const [asked] = useDebouncedValue(request, 300);
  const [answer, setAnswer] = useState<{ asked: CrossCheck_Deserialize; issues: Issue[] } | null>(
    null,
  );

  useEffect(() => {
    if (asked === null) return;
    let current = true;
    void call(commands.validateCross(asked)).then((issues) => {
      if (current) setAnswer({ asked, issues });
    });
    return () => {
      current = false;
    };
  }, [asked]);

  // An answer about values since changed says nothing about the current ones.
  const issues =
    answer !== null && answer.asked === asked && asked === request ? answer.issues : [];
  return (field) => {
    const message = (severity: Severity) => {
      const issue = issues.find((i) => i.field === field && i.severity === severity);
      return issue ? issueMessage(t, issue) : null;
    };
    return { error: message("error"), warning: message("warning") };
  };
}
