/**
 * The links table's columns and how they give way when the window is narrow. Every column has
 * a width below which its text would be cut; when they do not all fit, the least useful ones
 * leave in a set order (their values stay in the link's drawer), never a column cut in half.
 */
export type ColumnKey = "description" | "amount" | "status" | "msi" | "expires" | "created";

export type Column = {
  key: ColumnKey;
  /** Narrowest width (px) that shows its content. */
  min: number;
  /** Share of the spare width it takes; fixed width when absent. */
  grow?: number;
  /** Right-aligned (numbers). */
  numeric?: boolean;
};

/** In display order. */
export const COLUMNS: Column[] = [
  { key: "description", min: 140, grow: 3 },
  { key: "amount", min: 108, numeric: true },
  { key: "status", min: 136 },
  { key: "msi", min: 84 },
  { key: "expires", min: 170, grow: 1.2 },
  { key: "created", min: 164, grow: 0.6 },
];

/** Least useful first: the creation date, then the MSI months. The rest always stay. */
export const GIVE_WAY_ORDER: ColumnKey[] = ["created", "msi"];

/** The grid's gap between columns and its padding on each side, in px (Mantine's sm and md). */
export const COLUMN_GAP = 12;
export const ROW_PADDING = 16;

/** The width `columns` need; below it the table scrolls sideways, header included. */
export function neededWidth(columns: Column[]): number {
  const mins = columns.reduce((sum, column) => sum + column.min, 0);
  return mins + COLUMN_GAP * (columns.length - 1) + 2 * ROW_PADDING;
}

/** The columns that fit in `width` px; all of them before the table has been measured (0). */
export function visibleColumns(width: number): Column[] {
  let columns = COLUMNS;
  for (const key of GIVE_WAY_ORDER) {
    if (width <= 0 || neededWidth(columns) <= width) break;
    columns = columns.filter((column) => column.key !== key);
  }
  return columns;
}

/** The CSS grid template of `columns`: fixed widths, growing ones from their minimum. */
export function gridTemplate(columns: Column[]): string {
  return columns
    .map(({ min, grow }) =>
      grow === undefined ? `${String(min)}px` : `minmax(${String(min)}px, ${String(grow)}fr)`,
    )
    .join(" ");
}
