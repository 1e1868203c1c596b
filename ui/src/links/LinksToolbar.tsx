import {
  Button,
  Chip,
  Group,
  NumberInput,
  Popover,
  SegmentedControl,
  Select,
  Stack,
  TextInput,
} from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import {
  IconCalendar,
  IconCash,
  IconFileExport,
  IconPlus,
  IconSearch,
  IconX,
} from "@tabler/icons-react";
import { useRef } from "react";
import { useTranslation } from "react-i18next";

import type { LinkSort } from "../bindings";
import { activeFilterCount, NO_FILTERS, type LinkFilters, type StatusFilter } from "./filters";

const SORTS: LinkSort[] = ["newest", "oldest", "amountHighest", "amountLowest", "expiringSoonest"];
const STATUSES: StatusFilter[] = ["all", "active", "inactive", "expired"];
/** "Vencen en N días" choices. */
const EXPIRING_DAYS = [3, 7, 15, 30];

/** Search (`/` focuses it), filters as chips and popovers, sort, export and "Nueva liga". */
export function LinksToolbar({
  filters,
  onChange,
  onNew,
  onExport,
  exporting,
}: {
  filters: LinkFilters;
  onChange: (filters: LinkFilters) => void;
  onNew: () => void;
  onExport: () => void;
  exporting: boolean;
}) {
  const { t } = useTranslation("links");
  const search = useRef<HTMLInputElement>(null);
  useHotkeys([["/", () => search.current?.focus()]]);
  const set = (patch: Partial<LinkFilters>) => {
    onChange({ ...filters, ...patch });
  };
  const amountOn = filters.amountMin !== "" || filters.amountMax !== "";
  const createdOn = filters.createdFrom !== "" || filters.createdTo !== "";

  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="nowrap">
        <TextInput
          ref={search}
          style={{ flex: 1 }}
          leftSection={<IconSearch size={16} aria-hidden />}
          placeholder={t("toolbar.search")}
          aria-label={t("toolbar.searchLabel")}
          value={filters.text}
          onChange={(event) => {
            set({ text: event.currentTarget.value });
          }}
          onKeyDown={(event) => {
            if (event.key === "Escape") set({ text: "" });
          }}
          data-testid="links-search"
        />
        <Select
          aria-label={t("toolbar.sort")}
          data={SORTS.map((sort) => ({ value: sort, label: t(`sort.${sort}`) }))}
          value={filters.sort}
          allowDeselect={false}
          onChange={(value) => {
            if (value) set({ sort: value });
          }}
          w={210}
          data-testid="links-sort"
        />
        <Button
          variant="default"
          leftSection={<IconFileExport size={16} aria-hidden />}
          loading={exporting}
          onClick={onExport}
          data-testid="links-export"
        >
          {t("toolbar.export")}
        </Button>
        <Button
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={onNew}
          data-testid="links-new"
        >
          {t("toolbar.new")}
        </Button>
      </Group>
      <Group gap="xs">
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
        <Popover position="bottom-start" shadow="md" trapFocus>
          <Popover.Target>
            <Button
              size="compact-xs"
              variant={amountOn ? "light" : "default"}
              leftSection={<IconCash size={14} aria-hidden />}
              data-testid="filter-amount"
            >
              {t("filter.amount")}
            </Button>
          </Popover.Target>
          <Popover.Dropdown>
            <Group gap="xs">
              <NumberInput
                label={t("filter.amountMin")}
                prefix="$"
                thousandSeparator=","
                decimalScale={2}
                min={0}
                value={filters.amountMin}
                onChange={(value) => {
                  set({ amountMin: typeof value === "number" ? value : "" });
                }}
                w={140}
                data-testid="filter-amount-min"
              />
              <NumberInput
                label={t("filter.amountMax")}
                prefix="$"
                thousandSeparator=","
                decimalScale={2}
                min={0}
                value={filters.amountMax}
                onChange={(value) => {
                  set({ amountMax: typeof value === "number" ? value : "" });
                }}
                w={140}
                data-testid="filter-amount-max"
              />
            </Group>
          </Popover.Dropdown>
        </Popover>
        <Popover position="bottom-start" shadow="md" trapFocus>
          <Popover.Target>
            <Button
              size="compact-xs"
              variant={createdOn ? "light" : "default"}
              leftSection={<IconCalendar size={14} aria-hidden />}
              data-testid="filter-created"
            >
              {t("filter.created")}
            </Button>
          </Popover.Target>
          <Popover.Dropdown>
            <Group gap="xs">
              <TextInput
                type="date"
                label={t("filter.createdFrom")}
                value={filters.createdFrom}
                onChange={(event) => {
                  set({ createdFrom: event.currentTarget.value });
                }}
              />
              <TextInput
                type="date"
                label={t("filter.createdTo")}
                value={filters.createdTo}
                onChange={(event) => {
                  set({ createdTo: event.currentTarget.value });
                }}
              />
            </Group>
          </Popover.Dropdown>
        </Popover>
        {activeFilterCount(filters) > 0 && (
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconX size={14} aria-hidden />}
            onClick={() => {
              onChange({ ...NO_FILTERS, text: filters.text, sort: filters.sort });
            }}
            data-testid="filters-clear"
          >
            {t("filter.clear", { count: activeFilterCount(filters) })}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
