import type { Country, CustomerQuery, CustomerSort, KycStatus, Provider } from "../bindings";

const DAY = 86_400;

export type StatusFilter = "all" | "pending" | KycStatus;

/** What the toolbar holds. */
export type CustomerFilters = {
  text: string;
  provider: Provider | null;
  status: StatusFilter;
  country: Country | null;
  /** Only cases pending for more than this many days; null for any. */
  olderThanDays: number | null;
  /** Only cases pending for longer than the agent's target. */
  overTarget: boolean;
  sort: CustomerSort;
};

/** The default view: every customer, the oldest pending first. */
export const NO_FILTERS: CustomerFilters = {
  text: "",
  provider: null,
  status: "all",
  country: null,
  olderThanDays: null,
  overTarget: false,
  sort: "oldestPending",
};

/**
 * The store query for the toolbar's state at `now` (the profile is filled in by the command).
 * The age filters become one bound on the creation time of pending cases: the stricter wins.
 */
export function toQuery(
  filters: CustomerFilters,
  now: number,
  targetDays: number,
  limit = 100,
): CustomerQuery {
  const bounds = [
    filters.olderThanDays === null ? null : now - filters.olderThanDays * DAY,
    filters.overTarget ? now - targetDays * DAY : null,
  ].filter((bound): bound is number => bound !== null);
  const status = filters.status;
  return {
    profileId: "",
    text: filters.text,
    provider: filters.provider,
    kycStatus: status === "all" || status === "pending" ? null : status,
    countries: filters.country === null ? [] : [filters.country],
    pending: status === "pending" ? true : null,
    pendingSinceBefore: bounds.length === 0 ? null : Math.min(...bounds),
    sort: filters.sort,
    limit,
    cursor: null,
  };
}

/** How many filters besides the text and the sort are on, for "Quitar filtros". */
export function activeFilterCount(filters: CustomerFilters): number {
  return [
    filters.provider !== null,
    filters.status !== "all",
    filters.country !== null,
    filters.olderThanDays !== null,
    filters.overTarget,
  ].filter(Boolean).length;
}
