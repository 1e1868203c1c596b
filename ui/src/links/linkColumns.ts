import { fittingColumns, type Column } from "../table/columns";

export { gridTemplate, neededWidth } from "../table/columns";

/** The links table's columns, in display order. */
export type ColumnKey = "description" | "amount" | "status" | "msi" | "expires" | "created";

export const COLUMNS: Column<ColumnKey>[] = [
  { key: "description", min: 140, grow: 3 },
  { key: "amount", min: 108, numeric: true },
  { key: "status", min: 136 },
  { key: "msi", min: 84 },
  { key: "expires", min: 170, grow: 1.2 },
  { key: "created", min: 164, grow: 0.6 },
];

/** Least useful first: the creation date, then the MSI months. The rest always stay. */
export const GIVE_WAY_ORDER: ColumnKey[] = ["created", "msi"];

/** The links columns that fit in `width` px. */
export function visibleColumns(width: number): Column<ColumnKey>[] {
  return fittingColumns(COLUMNS, GIVE_WAY_ORDER, width);
}
