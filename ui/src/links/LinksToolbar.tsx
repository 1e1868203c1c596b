import {
  Button,
  Chip,
  Group,
  NumberInput,
  Popover,
  SegmentedControl,
  Select,
  TextInput,
} from "@mantine/core";
import { IconCalendar, IconCash } from "@tabler/icons-react";
import { memo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

import type { LinkSort } from "../bindings";
import { ListToolbar, type CsvExport } from "../components/ListToolbar";
import { activeFilterCount, NO_FILTERS, type LinkFilters, type StatusFilter } from "./filters";

const SORTS: LinkSort[] = ["newest", "oldest", "amountHighest", "amountLowest", "expiringSoonest"];
const STATUSES: StatusFilter[] = ["all", "active", "inactive", "expired"];
/** "Vencen en N días" choices. */
const EXPIRING_DAYS = [3, 7, 15, 30];

/**
 * The list toolbar of Ligas: search, export and "Nueva liga"; the status, MSI, expiry, amount
 * and creation filters, and the sort. Memoised: a search's answer renders the screen, not this.
 */
export const LinksToolbar = memo(function LinksToolbar({
  filters,
  onChange,
  onNew,
  csv,
}: {
  filters: LinkFilters;
  onChange: (filters: LinkFilters) => void;
  onNew: () => void;
  csv: CsvExport;
}) {
  const { t } = useTranslation("links");
  const set = (patch: Partial<LinkFilters>) => {
    onChange({ ...filters, ...patch });
  };
  const amountOn = filters.amountMin !== "" || filters.amountMax !== "";
  const createdOn = filters.createdFrom !== "" || filters.createdTo !== "";

  return (
    <ListToolbar
      namespace="links"
      filters={filters}
      onChange={onChange}
      noFilters={NO_FILTERS}
      activeFilters={activeFilterCount(filters)}
      sorts={SORTS.map((sort) => ({ value: sort, label: t(`sort.${sort}`) }))}
      sortWidth={190}
      csv={csv}
      onNew={onNew}
    >
      <SegmentedControl
        size="xs"
        data={STATUSES.map((status) => ({ value: status, label: t(`filter.${status}`) }))}
        value={filters.status}
        onChange={(value) => {
          set({ status: value });
        }}
        data-testid="links-status-filter"
      />
      <Chip
        size="xs"
        checked={filters.withMsi}
        onChange={(checked) => {
          set({ withMsi: checked });
        }}
        data-testid="filter-msi"
      >
        {t("filter.withMsi")}
      </Chip>
      <Select
        size="xs"
        w={170}
        aria-label={t("filter.expiringLabel")}
        placeholder={t("filter.expiringAny")}
        clearable
        data={EXPIRING_DAYS.map((days) => ({
          value: String(days),
          label: t("filter.expiringSoon", { days }),
        }))}
        value={filters.expiringWithinDays === null ? null : String(filters.expiringWithinDays)}
        onChange={(value) => {
          set({ expiringWithinDays: value === null ? null : Number(value) });
        }}
        data-testid="filter-expiring"
      />
      <RangePopover
        active={amountOn}
        icon={<IconCash size={14} aria-hidden />}
        label={t("filter.amount")}
        testId="filter-amount"
      >
        {(["amountMin", "amountMax"] as const).map((bound) => (
          <NumberInput
            key={bound}
            label={t(`filter.${bound}`)}
            prefix="$"
            thousandSeparator=","
            decimalScale={2}
            min={0}
            value={filters[bound]}
            onChange={(value) => {
              set({ [bound]: typeof value === "number" ? value : "" });
            }}
            w={140}
            data-testid={`filter-${bound}`}
          />
        ))}
      </RangePopover>
      <RangePopover
        active={createdOn}
        icon={<IconCalendar size={14} aria-hidden />}
        label={t("filter.created")}
        testId="filter-created"
      >
        {(["createdFrom", "createdTo"] as const).map((bound) => (
          <TextInput
            key={bound}
            type="date"
            label={t(`filter.${bound}`)}
            value={filters[bound]}
            onChange={(event) => {
              set({ [bound]: event.currentTarget.value });
            }}
            data-testid={`filter-${bound}`}
          />
        ))}
      </RangePopover>
    </ListToolbar>
  );
});

/** A filter chip-button that opens a "from / to" pair; highlighted while either bound is set. */
function RangePopover({
  active,
  icon,
  label,
  testId,
  children,
}: {
  active: boolean;
  icon: ReactNode;
  label: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Popover position="bottom-start" shadow="md" trapFocus>
      <Popover.Target>
        <Button
          size="compact-xs"
          variant={active ? "light" : "default"}
          leftSection={icon}
          data-testid={testId}
        >
          {label}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Group gap="xs">{children}</Group>
      </Popover.Dropdown>
    </Popover>
  );
}
