import type { Column } from "../table/columns";

/** The customers table's columns, in display order. */
export type CustomerColumn = "name" | "provider" | "identification" | "status" | "pending";

/**
 * The country shares the identification's cell and the last check the status's, so every
 * column fits at 1280 px and only the identification gives way at 1024 px (it stays in the
 * drawer).
 */
export const CUSTOMER_COLUMNS: Column<CustomerColumn>[] = [
  { key: "name", min: 150, grow: 2 },
  { key: "provider", min: 128 },
  { key: "identification", min: 160, grow: 1 },
  { key: "status", min: 176 },
  { key: "pending", min: 200, grow: 1 },
];

/** Least useful first. */
export const CUSTOMER_GIVE_WAY: CustomerColumn[] = ["identification"];
