import { memo, type ReactNode } from "react";

import type { Column } from "./columns";
import classes from "./VirtualTable.module.css";

/** Row height in px: every row of a virtual table has it. */
export const ROW_HEIGHT = 56;

export type TableRowProps<Row, K extends string> = {
  row: Row;
  index: number;
  /** The row's DOM id. */
  domId: string;
  /** Offset from the top of the list, in px. */
  start: number;
  selected: boolean;
  columns: Column<K>[];
  /** The grid's CSS template for `columns`. */
  template: string;
  minWidth: number;
  cells: (row: Row) => Record<K, ReactNode>;
  rowData?: (row: Row) => Record<`data-${string}`, string | boolean | undefined>;
  testId: string;
  /** Stable for the table's life, so a click handler never re-renders a row. */
  onClick: (index: number, row: Row) => void;
};

function TableRowElement<Row, K extends string>({
  row,
  index,
  domId,
  start,
  selected,
  columns,
  template,
  minWidth,
  cells,
  rowData,
  testId,
  onClick,
}: TableRowProps<Row, K>) {
  const content = cells(row);
  return (
    <div
      id={domId}
      role="row"
      aria-rowindex={index + 1}
      aria-selected={selected}
      className={classes.row}
      data-selected={selected || undefined}
      {...rowData?.(row)}
      data-testid={testId}
      style={{
        gridTemplateColumns: template,
        minWidth,
        height: ROW_HEIGHT,
        transform: `translateY(${String(start)}px)`,
      }}
      onClick={() => {
        onClick(index, row);
      }}
    >
      {columns.map((column) => (
        <span
          key={column.key}
          role="gridcell"
          className={column.numeric ? classes.amount : classes.cell}
        >
          {content[column.key]}
        </span>
      ))}
    </div>
  );
}

/**
 * One row of a virtual table. Memoised: scrolling, loading another page or a new `onOpen` renders
 * only the rows that come into view or whose data, columns or selection changed (about half the
 * web process's CPU per scrolled frame, docs/BENCHMARKS.md).
 */
export const TableRow = memo(TableRowElement) as typeof TableRowElement;
