import {
  ActionIcon,
  Button,
  Chip,
  Group,
  NumberInput,
  Popover,
  SegmentedControl,
  Select,
  Stack,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { useElementSize } from "@mantine/hooks";
import { IconCalendar, IconCash, IconFileExport, IconPlus, IconX } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import type { LinkSort } from "../bindings";
import { SearchBox } from "../components/SearchBox";
import { activeFilterCount, NO_FILTERS, type LinkFilters, type StatusFilter } from "./filters";

const SORTS: LinkSort[] = ["newest", "oldest", "amountHighest", "amountLowest", "expiringSoonest"];
const STATUSES: StatusFilter[] = ["all", "active", "inactive", "expired"];
/** "Vencen en N días" choices. */
const EXPIRING_DAYS = [3, 7, 15, 30];
/** Below this width the export button keeps only its icon, so the search box keeps its hint. */
const COMPACT_BELOW_PX = 740;

/**
 * Search (`/` focuses it), export and "Nueva liga" on the first line, where the search box keeps
 * the room its whole hint needs; filters as chips and popovers, and the sort, on the second,
 * which wraps at narrow widths.
 */
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
  const { ref: firstLine, width: firstLineWidth } = useElementSize();
  const compact = firstLineWidth > 0 && firstLineWidth < COMPACT_BELOW_PX;
  const set = (patch: Partial<LinkFilters>) => {
    onChange({ ...filters, ...patch });
  };
  const amountOn = filters.amountMin !== "" || filters.amountMax !== "";
  const createdOn = filters.createdFrom !== "" || filters.createdTo !== "";

  return (
    <Stack gap="xs">
      <Group ref={firstLine} gap="xs" wrap="nowrap">
        <SearchBox
          value={filters.text}
          onChange={(text) => {
            set({ text });
          }}
          placeholder={t("toolbar.search")}
          label={t("toolbar.searchLabel")}
          testId="links-search"
        />
        {compact ? (
          <Tooltip label={t("toolbar.export")}>
            <ActionIcon
              variant="default"
              size="input-sm"
              aria-label={t("toolbar.export")}
              loading={exporting}
              onClick={onExport}
              data-testid="links-export"
            >
              <IconFileExport size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        ) : (
          <Button
            variant="default"
            leftSection={<IconFileExport size={16} aria-hidden />}
            loading={exporting}
            onClick={onExport}
            data-testid="links-export"
          >
            {t("toolbar.export")}
          </Button>
        )}
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
        <Select
          size="xs"
          ml="auto"
          aria-label={t("toolbar.sort")}
          data={SORTS.map((sort) => ({ value: sort, label: t(`sort.${sort}`) }))}
          value={filters.sort}
          allowDeselect={false}
          onChange={(value) => {
            if (value) set({ sort: value });
          }}
          w={190}
          data-testid="links-sort"
        />
      </Group>
    </Stack>
  );
}

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
