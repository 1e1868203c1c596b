import type { Namespace, TFunction } from "i18next";

type DynamicT = (key: string, options?: Record<string, string>) => string;
type Exists = (key: string) => boolean;

/**
 * The message for a bare code from Rust (a refused field without its parameters): the errors
 * catalogue first, then the validators' (its placeholders dropped), then the generic message.
 */
export function codeMessage<N extends Namespace>(
  t: TFunction<N>,
  exists: Exists,
  code: string,
): string {
  const dynamic = t as unknown as DynamicT;
  if (exists(`errors:${code}`)) return dynamic(`errors:${code}`);
  if (exists(`validation:${code}`)) {
    return dynamic(`validation:${code}`)
      .replace(/\s*\(?\{\{\w+\}\}\)?/g, "")
      .replace(/\s+([;,.])/g, "$1");
  }
  return dynamic("errors:unknown");
}
