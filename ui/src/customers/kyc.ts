import type { Country, Customer, KycStatus } from "../bindings";

const DAY = 86_400;

/** The agent's target for a pending case until the preference is set in Ajustes. */
export const DEFAULT_TARGET_DAYS = 2;
/** CryptoPocket's KYB link works for 90 days after the company is created. */
export const KYB_LINK_DAYS = 90;
/** Fewer days than this left on a KYB link: warn before it is sent. */
export const KYB_WARN_DAYS = 14;

/** Not settled yet: the customer still has to finish (or the provider to review) the KYC. */
export function isPending(status: KycStatus): boolean {
  return status === "unused" || status === "processing";
}

/**
 * How long a pending case has been open, in seconds (`null` once settled). A case opens when
 * the customer is created: neither provider says when the review itself began.
 */
export function pendingFor(customer: Customer, now: number): number | null {
  return isPending(customer.kycStatus) ? Math.max(0, now - customer.createdAt) : null;
}

/** A pending case older than the agent's target. */
export function isOverTarget(customer: Customer, now: number, targetDays: number): boolean {
  const age = pendingFor(customer, now);
  return age !== null && age > targetDays * DAY;
}

export type LinkLifetime =
  | { kind: "unknown" }
  | { kind: "valid"; expiresAt: number }
  | { kind: "expiresSoon"; expiresAt: number }
  | { kind: "expired"; expiresAt: number };

/**
 * What is known of a verification link's lifetime: a company's KYB link expires 90 days after
 * the company was created (warned when fewer than 14 remain); a person's KYC form link has no
 * documented expiry.
 */
export function linkLifetime(customer: Customer, now: number): LinkLifetime {
  if (customer.provider !== "cryptopocket" || customer.kind !== "company") {
    return { kind: "unknown" };
  }
  const expiresAt = customer.createdAt + KYB_LINK_DAYS * DAY;
  if (expiresAt <= now) return { kind: "expired", expiresAt };
  return expiresAt - now < KYB_WARN_DAYS * DAY
    ? { kind: "expiresSoon", expiresAt }
    : { kind: "valid", expiresAt };
}

/** The countries customers come from, as the filter offers them. */
export const COUNTRIES: Country[] = ["MEX", "ARG", "CHL", "COL", "PER", "ESP"];

// CryptoPocket's list names the country in English; UnDosTres rows carry the ISO code.
const ENGLISH_NAMES: Record<string, Country> = {
  Mexico: "MEX",
  Argentina: "ARG",
  Chile: "CHL",
  Colombia: "COL",
  Peru: "PER",
  Spain: "ESP",
};

/** The ISO code of a cached country, whichever way the provider spelled it; null if unknown. */
export function countryCode(cached: string): Country | null {
  const text = cached.trim();
  if ((COUNTRIES as string[]).includes(text.toUpperCase())) return text.toUpperCase() as Country;
  return ENGLISH_NAMES[text] ?? null;
}

/** The name a person reads: "Sofía López Pérez", or the company's name. */
export function displayName(customer: Customer): string {
  if (customer.kind === "company" && customer.companyName.trim() !== "")
    return customer.companyName;
  return [customer.firstName, customer.lastName, customer.secondLastName]
    .map((part) => part.trim())
    .filter(Boolean)
    .join(" ");
}

/** A customer's key in the table and the drawer: the same id may exist at both providers. */
export function customerKey(customer: Pick<Customer, "provider" | "id">): string {
  return `${customer.provider}-${customer.id}`;
}
