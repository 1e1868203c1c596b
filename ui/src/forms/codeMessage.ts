import type { Namespace, TFunction } from "i18next";

import type { ErrorCode, FieldIssue } from "../bindings";

type DynamicT = (key: string, options?: Partial<Record<string, string>>) => string;
type Exists = (key: string) => boolean;

/**
 * The message for a code from Rust, with the values its error supplies: the errors catalogue
 * first, then the validators' (a refused field without its parameters, so they are dropped),
 * then the generic message.
 */
export function codeMessage<N extends Namespace>(
  t: TFunction<N>,
  exists: Exists,
  code: ErrorCode,
  params: Partial<Record<string, string>> = {},
): string {
  const dynamic = t as unknown as DynamicT;
  if (exists(`errors:${code}`)) return dynamic(`errors:${code}`, params);
  if (exists(`validation:${code}`)) {
    return dynamic(`validation:${code}`)
      .replace(/\s*\(?\{\{\w+\}\}\)?/g, "")
      .replace(/\s+([;,.])/g, "$1");
  }
  return dynamic("errors:unknown");
}

/** A refusal's issues as each field shows them: the first message per field. */
export function issueMessages<N extends Namespace>(
  t: TFunction<N>,
  exists: Exists,
  issues: FieldIssue[],
): Partial<Record<string, string>> {
  const messages: Partial<Record<string, string>> = {};
  for (const issue of issues) messages[issue.field] ??= codeMessage(t, exists, issue.code);
  return messages;
}
