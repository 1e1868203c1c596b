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
export function ListToolbar<Sort extends string>({
  namespace,
  text,
  onText,
  csv,
  onNew,
  activeFilters,
  onClearFilters,
  sort,
  sorts,
  onSort,
  sortWidth,
  children,
}: {
  namespace: "links" | "customers";
  text: string;
  onText: (text: string) => void;
  csv: CsvExport;
  onNew: () => void;
  /** How many filters are on (the search and the sort not counted). */
  activeFilters: number;
  onClearFilters: () => void;
  sort: Sort;
  sorts: { value: Sort; label: string }[];
  onSort: (sort: Sort) => void;
  sortWidth: number;
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
          value={text}
          onChange={onText}
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
              onClearFilters();
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
          value={sort}
          allowDeselect={false}
          onChange={(value) => {
            const chosen = sorts.find((option) => option.value === value);
            if (chosen) onSort(chosen.value);
          }}
          data-testid={`${namespace}-sort`}
        />
      </Group>
    </Stack>
  );
}
