import type { TFunction } from "i18next";

import type { Issue } from "../bindings";

/** `t` for keys only known at run time (codes from Rust, flat keys containing dots). */
type DynamicT = (key: string, options: Record<string, string>) => string;

/** The translated message of a validation issue, with the parameters its code declares. */
export function issueMessage(t: TFunction, issue: Issue): string {
  // The Rust test `every_code_has_a_message_in_both_languages_and_nothing_else` keeps the catalogue in step with the codes.
  return (t as unknown as DynamicT)(`validation:${issue.code}`, issue.params);
}
