import { Chip, SegmentedControl, Select } from "@mantine/core";
import { memo } from "react";
import { useTranslation } from "react-i18next";

import type { CustomerSort, Provider } from "../bindings";
import { ListToolbar, type CsvExport } from "../components/ListToolbar";
import { activeFilterCount, NO_FILTERS, type CustomerFilters, type StatusFilter } from "./filters";
import { COUNTRIES } from "./kyc";

const PROVIDERS: Provider[] = ["cryptopocket", "undostres"];
const STATUSES: StatusFilter[] = ["all", "pending", "unused", "processing", "valid", "fail"];
const SORTS: CustomerSort[] = ["oldestPending", "recentlyUpdated", "nameAscending"];
/** "Pendientes hace más de N días" choices. */
const AGE_DAYS = [1, 2, 3, 7, 14, 30];

/**
 * The list toolbar of Clientes y KYC: search, export of the view and "Registrar cliente"; the
 * provider, status, country and age filters, the "past the target" chip, and the sort.
 * Memoised: a search's answer renders the screen, not this.
 */
export const CustomersToolbar = memo(function CustomersToolbar({
  filters,
  onChange,
  targetLabel,
  onNew,
  csv,
}: {
  filters: CustomerFilters;
  onChange: (filters: CustomerFilters) => void;
  /** Opens the registration form. */
  onNew: () => void;
  /** The agent's target as words ("2 días"). */
  targetLabel: string;
  csv: CsvExport;
}) {
  const { t } = useTranslation("customers");
  const set = (patch: Partial<CustomerFilters>) => {
    onChange({ ...filters, ...patch });
  };

  return (
    <ListToolbar
      namespace="customers"
      filters={filters}
      onChange={onChange}
      noFilters={NO_FILTERS}
      activeFilters={activeFilterCount(filters)}
      sorts={SORTS.map((sort) => ({ value: sort, label: t(`sort.${sort}`) }))}
      sortWidth={250}
      csv={csv}
      onNew={onNew}
    >
      <SegmentedControl
        size="xs"
        aria-label={t("filter.provider")}
        data={[
          { value: "all", label: t("filter.allProviders") },
          ...PROVIDERS.map((provider) => ({
            value: provider,
            label: t(`providers.${provider}`),
          })),
        ]}
        value={filters.provider ?? "all"}
        onChange={(value) => {
          set({ provider: value === "all" ? null : value });
        }}
        data-testid="customers-provider-filter"
      />
      <Select
        size="xs"
        w={150}
        aria-label={t("filter.statusLabel")}
        data={STATUSES.map((status) => ({ value: status, label: t(`filter.status.${status}`) }))}
        value={filters.status}
        allowDeselect={false}
        onChange={(value) => {
          if (value) set({ status: value });
        }}
        data-testid="customers-status-filter"
      />
      <Select
        size="xs"
        w={150}
        aria-label={t("filter.country")}
        placeholder={t("filter.anyCountry")}
        clearable
        data={COUNTRIES.map((country) => ({
          value: country,
          label: t(`countries.${country}`),
        }))}
        value={filters.country}
        onChange={(value) => {
          set({ country: value });
        }}
        data-testid="customers-country-filter"
      />
      <Select
        size="xs"
        w={230}
        aria-label={t("filter.ageLabel")}
        placeholder={t("filter.anyAge")}
        clearable
        data={AGE_DAYS.map((days) => ({
          value: String(days),
          label: t("filter.olderThan", { count: days }),
        }))}
        value={filters.olderThanDays === null ? null : String(filters.olderThanDays)}
        onChange={(value) => {
          set({ olderThanDays: value === null ? null : Number(value) });
        }}
        data-testid="customers-age-filter"
      />
      <Chip
        size="xs"
        color="orange"
        checked={filters.overTarget}
        onChange={(checked) => {
          set({ overTarget: checked });
        }}
        data-testid="customers-over-target"
      >
        {t("filter.overTarget", { target: targetLabel })}
      </Chip>
    </ListToolbar>
  );
});
