import { ActionIcon, Button, Group, Select, Stack, Tooltip } from "@mantine/core";
import { useElementSize } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconFileExport, IconPlus, IconX } from "@tabler/icons-react";
import { useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

import type { ExportReport } from "../bindings";
import { SearchBox } from "./SearchBox";
import { useErrorMessage } from "./useErrorMessage";

/** Below this width the export button keeps only its icon, so the search box keeps its hint. */
const COMPACT_BELOW_PX = 740;

/** The screen's CSV export (a mutation of its view's query); the toolbar tells how it went. */
export type CsvExport = {
  mutate: (
    vars: undefined,
    callbacks: {
      onSuccess: (report: ExportReport | null) => void;
      onError: (error: Error) => void;
    },
  ) => void;
  isPending: boolean;
};

/**
 * A list screen's toolbar (Ligas, Clientes y KYC). First line: the search box (`/` focuses it,
 * Esc clears it), "Exportar CSV" of the current view and the screen's "new" button, where the
 * search keeps the room its whole hint needs (narrower, the export keeps only its icon). Second
 * line, which wraps at narrow widths: the screen's filters (`children`), "clear filters (n)"
 * while any is on, and the sort. Texts are the namespace's `toolbar.*` and `filter.clear`; test
 * ids start with the namespace (`links-search`, `customers-filters-clear`, …).
 */
export function ListToolbar<Sort extends string, Filters extends { text: string; sort: Sort }>({
  namespace,
  filters,
  onChange,
  noFilters,
  activeFilters,
  sorts,
  sortWidth,
  csv,
  onNew,
  children,
}: {
  namespace: "links" | "customers";
  filters: Filters;
  onChange: (filters: Filters) => void;
  /** Every filter off; clearing keeps the search and the sort. */
  noFilters: Filters;
  /** How many filters are on (the search and the sort not counted). */
  activeFilters: number;
  sorts: { value: Sort; label: string }[];
  sortWidth: number;
  csv: CsvExport;
  onNew: () => void;
  /** The screen's filter controls. */
  children: ReactNode;
}) {
  const { t } = useTranslation(namespace);
  const errorMessage = useErrorMessage();
  const { ref: firstLine, width: firstLineWidth } = useElementSize();
  const filtersLine = useRef<HTMLDivElement>(null);
  const compact = firstLineWidth > 0 && firstLineWidth < COMPACT_BELOW_PX;
  const exportCsv = () => {
    csv.mutate(undefined, {
      // No report: the save dialog was cancelled.
      onSuccess: (report) => {
        if (report)
          notifications.show({
            color: "green",
            message: t("toolbar.exported", { count: report.rows, path: report.path }),
          });
      },
      onError: (error) => {
        notifications.show({ color: "red", message: errorMessage(error).text });
      },
    });
  };

  return (
    <Stack gap="xs">
      <Group ref={firstLine} gap="xs" wrap="nowrap">
        <SearchBox
          value={filters.text}
          onChange={(text) => {
            onChange({ ...filters, text });
          }}
          placeholder={t("toolbar.search")}
          label={t("toolbar.searchLabel")}
          testId={`${namespace}-search`}
        />
        {compact ? (
          <Tooltip label={t("toolbar.export")}>
            <ActionIcon
              variant="default"
              size="input-sm"
              aria-label={t("toolbar.export")}
              loading={csv.isPending}
              onClick={exportCsv}
              data-testid={`${namespace}-export`}
            >
              <IconFileExport size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        ) : (
          <Button
            variant="default"
            leftSection={<IconFileExport size={16} aria-hidden />}
            loading={csv.isPending}
            onClick={exportCsv}
            data-testid={`${namespace}-export`}
          >
            {t("toolbar.export")}
          </Button>
        )}
        <Button
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={onNew}
          data-testid={`${namespace}-new`}
        >
          {t("toolbar.new")}
        </Button>
      </Group>
      <Group ref={filtersLine} gap="xs">
        {children}
        {activeFilters > 0 && (
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconX size={14} aria-hidden />}
            onClick={() => {
              onChange({ ...noFilters, text: filters.text, sort: filters.sort });
              // The button goes with the filters: the keyboard stays on the filters' line.
              filtersLine.current?.querySelector<HTMLElement>("input, button")?.focus();
            }}
            data-testid={`${namespace}-filters-clear`}
          >
            {t("filter.clear", { count: activeFilters })}
          </Button>
        )}
        <Select
          size="xs"
          ml="auto"
          w={sortWidth}
          aria-label={t("toolbar.sort")}
          data={sorts}
          value={filters.sort}
          allowDeselect={false}
          onChange={(value) => {
            const chosen = sorts.find((option) => option.value === value);
            if (chosen) onChange({ ...filters, sort: chosen.value });
          }}
          data-testid={`${namespace}-sort`}
        />
      </Group>
    </Stack>
  );
}
