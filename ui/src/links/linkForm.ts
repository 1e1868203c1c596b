import type { Link, LinkForm } from "../bindings";
import { formatCentavos } from "../format/money";
import { toLocalInput } from "../format/time";

/** MSI terms offered (months). */
export const INSTALLMENT_TERMS = [3, 6, 9, 12, 18] as const;
/** The only link type in Billpocket's documented samples. */
export const DEFAULT_LINK_TYPE = 2;
/** The longest description the service takes (`links::form::DESCRIPTION_MAX`), in characters. */
export const DESCRIPTION_MAX = 250;

export const EMPTY_FORM: LinkForm = {
  slug: "",
  amount: "",
  description: "",
  expiresAt: "",
  linkType: DEFAULT_LINK_TYPE,
  installments: [],
  fixedTerm: false,
};

/**
 * The form for editing `link`, or for cloning it: a clone keeps everything but the slug (each
 * link needs its own) and an expiry already past.
 */
export function formFromLink(link: Link, mode: "edit" | "clone", now: number): LinkForm {
  const keepExpiry = link.expiredAt != null && (mode === "edit" || link.expiredAt > now);
  return {
    slug: mode === "edit" ? link.secondaryLink : "",
    // As the amount field shows a checked value ("$1,250.50"): leaving it untouched is no change.
    amount: formatCentavos(link.amountCentavos),
    description: link.description,
    expiresAt: keepExpiry && link.expiredAt != null ? expiryInput(link.expiredAt) : "",
    linkType: link.linkType,
    installments: [...link.months],
    fixedTerm: link.isFixedTerm,
  };
}

/** The day (and time, when not the end of the day) a link expires, as the form holds it. */
function expiryInput(unixSeconds: number): string {
  const local = toLocalInput(unixSeconds);
  // 23:59 is the end of the day a date alone means: kept as a date, it stays 23:59:59.
  return local.endsWith("T23:59") ? local.slice(0, 10) : local;
}

/** The expiry as its two inputs show it: a day ("2026-12-24") and an optional time ("18:00"). */
export type ExpiryParts = { date: string; time: string };

export function splitExpiry(expiresAt: string): ExpiryParts {
  const [date = "", time = ""] = expiresAt.split("T");
  return { date, time: time.slice(0, 5) };
}

/** What the form sends: a bare day means its end (23:59:59 local, decided by core). */
export function joinExpiry({ date, time }: ExpiryParts): string {
  if (date === "") return "";
  return time === "" ? date : `${date}T${time}`;
}

/** Unix seconds of the local moment an expiry means; null while there is no valid day. */
export function expiryMoment({ date, time }: ExpiryParts): number | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!day) return null;
  const clock = /^(\d{2}):(\d{2})$/.exec(time);
  const at = clock
    ? new Date(
        Number(day[1]),
        Number(day[2]) - 1,
        Number(day[3]),
        Number(clock[1]),
        Number(clock[2]),
      )
    : new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]), 23, 59, 59);
  return Number.isNaN(at.getTime()) ? null : Math.floor(at.getTime() / 1000);
}

/** Characters as the service counts them (Unicode scalar values, not UTF-16 units). */
export function characterCount(text: string): number {
  return Array.from(text).length;
}

/** A message key (with its values) for a field the form refuses before sending. */
export type FormIssue = { key: string; values?: Record<string, number> };

/**
 * What can be told on the field without asking Rust: a missing amount, a description over the
 * limit, a time without a day, a link type below 1. Formats are the validators' (on blur and in
 * the service).
 */
export function formIssues(
  form: LinkForm,
  expiry: ExpiryParts,
): Partial<Record<keyof LinkForm, FormIssue>> {
  const issues: Partial<Record<keyof LinkForm, FormIssue>> = {};
  if (form.amount.trim() === "") issues.amount = { key: "validation:field.required" };
  const extra = characterCount(form.description) - DESCRIPTION_MAX;
  if (extra > 0) {
    issues.description = {
      key: "links:form.descriptionTooLong",
      values: { count: extra, max: DESCRIPTION_MAX },
    };
  }
  if (expiry.date === "" && expiry.time !== "")
    issues.expiresAt = { key: "links:form.expiryNeedsDate" };
  if (!Number.isInteger(form.linkType) || form.linkType < 1)
    issues.linkType = { key: "errors:link.type" };
  return issues;
}

/** A new idempotency key: one per form opening, reused by every submit of that opening. */
export function newWriteKey(): string {
  return crypto.randomUUID();
}
