import { Button, Chip, Group, SegmentedControl, Select, Stack } from "@mantine/core";
import { IconPlus, IconX } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

import type { CustomerSort, Provider } from "../bindings";
import { SearchBox } from "../components/SearchBox";
import { activeFilterCount, NO_FILTERS, type CustomerFilters, type StatusFilter } from "./filters";
import { COUNTRIES } from "./kyc";

const PROVIDERS: Provider[] = ["cryptopocket", "undostres"];
const STATUSES: StatusFilter[] = ["all", "pending", "unused", "processing", "valid", "fail"];
const SORTS: CustomerSort[] = ["oldestPending", "recentlyUpdated", "nameAscending"];
/** "Pendientes hace más de N días" choices. */
const AGE_DAYS = [1, 2, 3, 7, 14, 30];

/**
 * Search (`/` focuses it) and "Registrar cliente" on the first line; the provider, status, country and age filters, the
 * "past the target" chip and the sort on the second, which wraps at narrow widths.
 */
export function CustomersToolbar({
  filters,
  onChange,
  targetLabel,
  onNew,
}: {
  filters: CustomerFilters;
  onChange: (filters: CustomerFilters) => void;
  /** Opens the registration form. */
  onNew: () => void;
  /** The agent's target as words ("2 días"). */
  targetLabel: string;
}) {
  const { t } = useTranslation("customers");
  const set = (patch: Partial<CustomerFilters>) => {
    onChange({ ...filters, ...patch });
  };
  const active = activeFilterCount(filters);

  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="nowrap">
        <SearchBox
          value={filters.text}
          onChange={(text) => {
            set({ text });
          }}
          placeholder={t("toolbar.search")}
          label={t("toolbar.searchLabel")}
          testId="customers-search"
        />
        <Button
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={onNew}
          data-testid="customers-new"
        >
          {t("form.new")}
        </Button>
      </Group>
      <Group gap="xs">
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
        {active > 0 && (
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconX size={14} aria-hidden />}
            onClick={() => {
              onChange({ ...NO_FILTERS, text: filters.text, sort: filters.sort });
            }}
            data-testid="customers-filters-clear"
          >
            {t("filter.clear", { count: active })}
          </Button>
        )}
        <Select
          size="xs"
          ml="auto"
          w={250}
          aria-label={t("toolbar.sort")}
          data={SORTS.map((sort) => ({ value: sort, label: t(`sort.${sort}`) }))}
          value={filters.sort}
          allowDeselect={false}
          onChange={(value) => {
            if (value) set({ sort: value });
          }}
          data-testid="customers-sort"
        />
      </Group>
    </Stack>
  );
}
