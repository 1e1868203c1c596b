import { ActionIcon, Box, Group, Loader, Text, Tooltip } from "@mantine/core";
import { useElementSize } from "@mantine/hooks";
import { IconCopy } from "@tabler/icons-react";
import { useVirtualizer } from "@tanstack/react-virtual";
import {
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
} from "react";
import { useTranslation } from "react-i18next";

import type { LinkRow } from "../bindings";
import { formatCentavos } from "../format/money";
import { formatDateTime, formatRelative } from "../format/time";
import { gridTemplate, neededWidth, visibleColumns, type ColumnKey } from "./linkColumns";
import { LinkStateBadge } from "./LinkStateBadge";
import classes from "./LinksTable.module.css";
import { isQueuedCreate } from "./writeSummary";

const ROW_HEIGHT = 56;
/** Ask for the next page when the view comes this close to the last loaded row. */
const PREFETCH_ROWS = 30;

/** What the screen can ask of the table. */
export type LinksTableHandle = {
  /** Selects the row of `linkId` (when listed), scrolls to it and puts the keyboard focus there. */
  focusRow: (linkId: string) => void;
};

type Props = {
  ref?: Ref<LinksTableHandle>;
  rows: LinkRow[];
  /** Changes whenever the search, filters or sort change: the view goes back to the top. */
  listKey: string;
  now: number;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  onOpen: (row: LinkRow) => void;
  /** Copies a link's URL without opening it. */
  onCopy: (row: LinkRow) => void;
};

/**
 * The links list: only the rows in view are in the DOM, so 100,000 cached links scroll as
 * smoothly as 10. Arrow keys, Page Up/Down, Home/End move the selection; Enter opens it.
 */
export function LinksTable({
  ref,
  rows,
  listKey,
  now,
  hasMore,
  loadingMore,
  onLoadMore,
  onOpen,
  onCopy,
}: Props) {
  const { t, i18n } = useTranslation("links");
  const locale = i18n.language;
  const scroller = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState(0);
  const size = useElementSize();
  const columns = visibleColumns(size.width);
  const grid = { gridTemplateColumns: gridTemplate(columns), minWidth: neededWidth(columns) };
  // TanStack Virtual hands back fresh functions on every render, so the React Compiler leaves
  // this component alone; it re-renders only on scroll and on new rows anyway.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Rows show on the first paint, before the scroller has been measured.
    initialRect: { width: 1000, height: 640 },
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= rows.length - PREFETCH_ROWS) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, rows.length, onLoadMore]);

  // A new search starts at its first row, not at the old scroll offset (past its end).
  useEffect(() => {
    virtualizer.scrollToOffset(0);
    setSelected(0);
  }, [listKey, virtualizer]);

  const current = Math.min(selected, Math.max(rows.length - 1, 0));

  function move(to: number) {
    const index = Math.max(0, Math.min(rows.length - 1, to));
    setSelected(index);
    virtualizer.scrollToIndex(index, { align: "auto" });
  }

  useImperativeHandle(ref, () => ({
    focusRow: (linkId) => {
      const index = rows.findIndex((row) => row.link.id === linkId);
      if (index >= 0) move(index);
      scroller.current?.focus();
    },
  }));

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const page = Math.max(
      1,
      Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT),
    );
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + page,
      PageUp: current - page,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      move(target);
    } else if (event.key === "Enter" && rows[current]) {
      event.preventDefault();
      onOpen(rows[current]);
    }
  }

  return (
    <Box
      ref={size.ref}
      className={classes.table}
      role="grid"
      aria-rowcount={rows.length}
      aria-colcount={columns.length}
      aria-label={t("table.label")}
    >
      <div className={classes.header} role="row" style={grid}>
        {columns.map((column) => (
          <span
            key={column.key}
            role="columnheader"
            className={column.numeric ? classes.amount : undefined}
            data-testid={`column-${column.key}`}
          >
            {t(`table.${column.key}`)}
          </span>
        ))}
      </div>
      <div
        ref={scroller}
        className={classes.body}
        style={{ minWidth: grid.minWidth }}
        tabIndex={0}
        onKeyDown={onKeyDown}
        aria-activedescendant={rows[current] ? `link-row-${rows[current].link.id}` : undefined}
        data-testid="links-table"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const { link } = row;
            const queued = isQueuedCreate(row);
            const cells: Record<ColumnKey, ReactNode> = {
              description: (
                <>
                  {/* Long descriptions end in "…" on purpose: the title and the drawer show all. */}
                  <Text
                    size="sm"
                    truncate="end"
                    title={link.description}
                    data-truncates
                    data-testid="link-description"
                  >
                    {link.description || t("table.noDescription")}
                  </Text>
                  <Group gap={4} wrap="nowrap">
                    <Text
                      size="xs"
                      c="dimmed"
                      truncate="end"
                      title={link.secondaryLink}
                      data-truncates
                    >
                      {link.secondaryLink}
                    </Text>
                    <Tooltip label={queued ? t("table.queuedCopy") : t("detail.copy")}>
                      <ActionIcon
                        size="xs"
                        variant="subtle"
                        color="gray"
                        aria-label={t("table.copyLink", { slug: link.secondaryLink })}
                        // No URL until Billpocket creates the link.
                        disabled={queued}
                        onClick={(event) => {
                          event.stopPropagation();
                          onCopy(row);
                        }}
                        data-testid="row-copy"
                      >
                        <IconCopy size={12} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </>
              ),
              amount: (
                <Text size="sm" ff="monospace">
                  {formatCentavos(link.amountCentavos)}
                </Text>
              ),
              status: <LinkStateBadge state={row.state} write={row.write} />,
              msi: (
                <Text size="sm" truncate="end">
                  {link.months.length > 0
                    ? t("table.msiMonths", { months: link.months.join(", ") })
                    : "—"}
                </Text>
              ),
              expires:
                link.expiredAt == null ? (
                  <Text size="sm" c="dimmed" truncate="end">
                    {t("table.noExpiry")}
                  </Text>
                ) : (
                  <Tooltip label={formatDateTime(link.expiredAt, locale)}>
                    <Text
                      size="sm"
                      truncate="end"
                      c={row.state === "expired" ? "yellow.9" : undefined}
                    >
                      {link.expiredAt <= now
                        ? t("table.expiredAgo", {
                            when: formatRelative(link.expiredAt, now, locale),
                          })
                        : t("table.expiresIn", {
                            when: formatRelative(link.expiredAt, now, locale),
                          })}
                    </Text>
                  </Tooltip>
                ),
              created: (
                <Text size="sm" truncate="end">
                  {formatDateTime(link.createdAt, locale)}
                </Text>
              ),
            };
            return (
              <div
                key={link.id}
                id={`link-row-${link.id}`}
                role="row"
                aria-rowindex={item.index + 1}
                aria-selected={item.index === current}
                className={classes.row}
                data-selected={item.index === current || undefined}
                data-queued={queued || undefined}
                data-testid="link-row"
                style={{
                  ...grid,
                  height: ROW_HEIGHT,
                  transform: `translateY(${String(item.start)}px)`,
                }}
                onClick={() => {
                  setSelected(item.index);
                  onOpen(row);
                }}
              >
                {columns.map((column) => (
                  <span
                    key={column.key}
                    role="gridcell"
                    className={column.numeric ? classes.amount : classes.cell}
                  >
                    {cells[column.key]}
                  </span>
                ))}
              </div>
            );
          })}
        </div>
        {loadingMore && (
          <Group justify="center" p="xs">
            <Loader size="sm" aria-label={t("table.loadingMore")} />
          </Group>
        )}
      </div>
    </Box>
  );
}
