import { Box, Group, Loader } from "@mantine/core";
import { useElementSize } from "@mantine/hooks";
import { useVirtualizer } from "@tanstack/react-virtual";
import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
} from "react";

import { fittingColumns, gridTemplate, neededWidth, type Column } from "./columns";
import { ROW_HEIGHT, TableRow } from "./TableRow";
import type { TablePaging } from "./queries";
import classes from "./VirtualTable.module.css";

/** Ask for the next (previous) page when the view comes this close to the last (first) row. */
const PREFETCH_ROWS = 30;

/** What a screen can ask of its table. */
export type TableHandle = {
  /** Selects the row of `id` (when listed), scrolls to it and puts the keyboard focus there. */
  focusRow: (id: string) => void;
};

export type VirtualTableProps<Row, K extends string> = {
  ref?: Ref<TableHandle>;
  /** The loaded window of the list: its rows from index `paging.first` on. */
  rows: Row[];
  /** A row's stable id (its DOM id is `<idPrefix>-<id>`). */
  rowId: (row: Row) => string;
  idPrefix: string;
  /** Every column in display order, and which give way first when the width is short. */
  columns: Column<K>[];
  giveWay: readonly K[];
  header: (key: K) => string;
  /** A row's cells; keep it stable (`useCallback`): a new function renders every row again. */
  cells: (row: Row) => Record<K, ReactNode>;
  /** Extra `data-*` attributes of a row (a state the row's style shows); stable, as `cells`. */
  rowData?: (row: Row) => Record<`data-${string}`, string | boolean | undefined>;
  label: string;
  loadingLabel: string;
  /** Changes whenever the search, filters or sort change: the view goes back to the top. */
  listKey: string;
  paging: TablePaging;
  onOpen: (row: Row) => void;
  testId: string;
  rowTestId: string;
};

/**
 * A list of rows where only those in view are in the DOM, so 100,000 cached rows scroll as
 * smoothly as 10. Only a window of the list is loaded (`useWindowedPages`): rows above it are
 * read back as the view comes near them, and a jump far above starts again from the top.
 * Arrow keys, Page Up/Down, Home/End move the selection; Enter opens it. Its columns give way
 * in a set order when the width is short, then it scrolls sideways.
 */
export function VirtualTable<Row, K extends string>({
  ref,
  rows,
  rowId,
  idPrefix,
  columns: allColumns,
  giveWay,
  header,
  cells,
  rowData,
  label,
  loadingLabel,
  listKey,
  paging,
  onOpen,
  testId,
  rowTestId,
}: VirtualTableProps<Row, K>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState(0);
  const size = useElementSize();
  const columns = useMemo(
    () => fittingColumns(allColumns, giveWay, size.width),
    [allColumns, giveWay, size.width],
  );
  const template = gridTemplate(columns);
  const minWidth = neededWidth(columns);
  // The rows' click handler never changes, so a new `onOpen` from the screen re-renders no row.
  const openRow = useRef(onOpen);
  useLayoutEffect(() => {
    openRow.current = onOpen;
  }, [onOpen]);
  const clickRow = useCallback((index: number, row: Row) => {
    setSelected(index);
    openRow.current(row);
  }, []);
  const { first } = paging;
  const count = first + rows.length;
  // TanStack Virtual hands back fresh functions on every render, so the React Compiler leaves
  // this component alone; it re-renders only on scroll and on new rows anyway.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Rows show on the first paint, before the scroller has been measured.
    initialRect: { width: 1000, height: 640 },
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items.at(-1)?.index ?? 0;

  const { hasMore, loadingMore, loadMore, hasPrevious, loadingPrevious, loadPrevious, restart } =
    paging;
  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= count - PREFETCH_ROWS) loadMore();
  }, [hasMore, loadingMore, lastIndex, count, loadMore]);
  useEffect(() => {
    if (!hasPrevious || loadingPrevious || firstIndex >= first + PREFETCH_ROWS) return;
    // Half a window above, reading back page by page would take longer than starting over.
    if (firstIndex < first - rows.length / 2) restart();
    else loadPrevious();
  }, [hasPrevious, loadingPrevious, firstIndex, first, rows.length, loadPrevious, restart]);

  // A new search starts at its first row, not at the old scroll offset (past its end).
  useEffect(() => {
    virtualizer.scrollToOffset(0);
    setSelected(0);
  }, [listKey, virtualizer]);

  const current = Math.min(selected, Math.max(count - 1, 0));

  function move(to: number) {
    const index = Math.max(0, Math.min(count - 1, to));
    setSelected(index);
    virtualizer.scrollToIndex(index, { align: "auto" });
  }

  useImperativeHandle(ref, () => ({
    focusRow: (id) => {
      const index = rows.findIndex((row) => rowId(row) === id);
      if (index >= 0) move(first + index);
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
      End: count - 1,
    };
    const target = moves[event.key];
    const row = rows[current - first];
    if (target !== undefined) {
      event.preventDefault();
      move(target);
    } else if (event.key === "Enter" && row !== undefined) {
      event.preventDefault();
      onOpen(row);
    }
  }

  const currentRow = rows[current - first];
  return (
    <Box
      ref={size.ref}
      className={classes.table}
      role="grid"
      aria-rowcount={count}
      // The loaded window, for the end-to-end checks of long lists.
      data-window={`${String(first)}-${String(count)}`}
      aria-colcount={columns.length}
      aria-label={label}
    >
      <div
        className={classes.header}
        role="row"
        style={{ gridTemplateColumns: template, minWidth }}
      >
        {columns.map((column) => (
          <span
            key={column.key}
            role="columnheader"
            className={column.numeric ? classes.amount : undefined}
            data-testid={`column-${column.key}`}
          >
            {header(column.key)}
          </span>
        ))}
      </div>
      <div
        ref={scroller}
        className={classes.body}
        style={{ minWidth }}
        tabIndex={0}
        onKeyDown={onKeyDown}
        aria-activedescendant={
          currentRow === undefined ? undefined : `${idPrefix}-${rowId(currentRow)}`
        }
        data-testid={testId}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {items.map((item) => {
            // A row above the window is blank until its page is read back.
            const row = rows[item.index - first];
            if (row === undefined) return null;
            const id = rowId(row);
            return (
              <TableRow
                key={id}
                row={row}
                index={item.index}
                domId={`${idPrefix}-${id}`}
                start={item.start}
                selected={item.index === current}
                columns={columns}
                template={template}
                minWidth={minWidth}
                cells={cells}
                rowData={rowData}
                testId={rowTestId}
                onClick={clickRow}
              />
            );
          })}
        </div>
        {loadingMore && (
          <Group justify="center" p="xs">
            <Loader size="sm" aria-label={loadingLabel} />
          </Group>
        )}
      </div>
    </Box>
  );
}
