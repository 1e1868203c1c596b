/**
 * A list's columns and how they give way when the window is narrow. Every column has a width
 * below which its text would be cut; when they do not all fit, the least useful ones leave in a
 * set order (their values stay in the row's drawer), never a column cut in half.
 */
export type Column<K extends string = string> = {
  key: K;
  /** Narrowest width (px) that shows its content. */
  min: number;
  /** Share of the spare width it takes; fixed width when absent. */
  grow?: number;
  /** Right-aligned (numbers). */
  numeric?: boolean;
};

/** The grid's gap between columns and its padding on each side, in px (Mantine's sm and md). */
export const COLUMN_GAP = 12;
export const ROW_PADDING = 16;

/** The width `columns` need; below it the table scrolls sideways, header included. */
export function neededWidth(columns: Column[]): number {
  const mins = columns.reduce((sum, column) => sum + column.min, 0);
  return mins + COLUMN_GAP * (columns.length - 1) + 2 * ROW_PADDING;
}

/**
 * The columns that fit in `width` px, dropping those of `giveWay` in its order (least useful
 * first) until they fit; all of them before the table has been measured (0).
 */
export function fittingColumns<K extends string>(
  columns: Column<K>[],
  giveWay: readonly K[],
  width: number,
): Column<K>[] {
  let fitting = columns;
  for (const key of giveWay) {
    if (width <= 0 || neededWidth(fitting) <= width) break;
    fitting = fitting.filter((column) => column.key !== key);
  }
  return fitting;
}

/** The CSS grid template of `columns`: fixed widths, growing ones from their minimum. */
export function gridTemplate(columns: Column[]): string {
  return columns
    .map(({ min, grow }) =>
      grow === undefined ? `${String(min)}px` : `minmax(${String(min)}px, ${String(grow)}fr)`,
    )
    .join(" ");
}
