import type { LinkQuery, LinkSort } from "../bindings";
import { localDayStart } from "../format/time";

/** The status chips: the derived state a person sees, not Billpocket's flag. */
export type StatusFilter = "all" | "active" | "inactive" | "expired";

/** What the toolbar holds; amounts as typed in pesos, days as "YYYY-MM-DD". */
export type LinkFilters = {
  text: string;
  status: StatusFilter;
  withMsi: boolean;
  /** Only links expiring within this many days (and not yet expired); null for any. */
  expiringWithinDays: number | null;
  amountMin: number | "";
  amountMax: number | "";
  createdFrom: string;
  createdTo: string;
  sort: LinkSort;
};

export const NO_FILTERS: LinkFilters = {
  text: "",
  status: "all",
  withMsi: false,
  expiringWithinDays: null,
  amountMin: "",
  amountMax: "",
  createdFrom: "",
  createdTo: "",
  sort: "newest",
};

const pesosToCentavos = (pesos: number | "") => (pesos === "" ? null : Math.round(pesos * 100));

/** The store query for the toolbar's state (the profile is filled in by the command). */
export function toQuery(filters: LinkFilters, merchantId: string, limit = 100): LinkQuery {
  const createdTo = localDayStart(filters.createdTo);
  return {
    profileId: "",
    text: filters.text,
    merchantId,
    status:
      filters.status === "active" ? "active" : filters.status === "inactive" ? "inactive" : null,
    expired: filters.status === "expired" ? true : filters.status === "all" ? null : false,
    amountMinCentavos: pesosToCentavos(filters.amountMin),
    amountMaxCentavos: pesosToCentavos(filters.amountMax),
    createdFrom: localDayStart(filters.createdFrom),
    // The "to" day is included: the query's bound is exclusive, so take the next midnight.
    createdTo: createdTo === null ? null : createdTo + 86_400,
    withMsi: filters.withMsi ? true : null,
    expiringWithinDays: filters.expiringWithinDays,
    sort: filters.sort,
    limit,
    cursor: null,
  };
}

/** How many filters besides the text are on, for the "Quitar filtros" button. */
export function activeFilterCount(filters: LinkFilters): number {
  return [
    filters.status !== "all",
    filters.withMsi,
    filters.expiringWithinDays !== null,
    filters.amountMin !== "" || filters.amountMax !== "",
    filters.createdFrom !== "" || filters.createdTo !== "",
  ].filter(Boolean).length;
}
