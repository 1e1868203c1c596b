import type { Column } from "../table/columns";

/** The customers table's columns, in display order. */
export type CustomerColumn =
  "name" | "provider" | "identification" | "country" | "status" | "pending" | "checked";

export const CUSTOMER_COLUMNS: Column<CustomerColumn>[] = [
  { key: "name", min: 160, grow: 2 },
  { key: "provider", min: 132 },
  { key: "identification", min: 150, grow: 1 },
  { key: "country", min: 96 },
  { key: "status", min: 176 },
  { key: "pending", min: 196, grow: 1 },
  { key: "checked", min: 150, grow: 0.6 },
];

/** Least useful first: the last check, the country, the identification (all in the drawer). */
export const CUSTOMER_GIVE_WAY: CustomerColumn[] = ["checked", "country", "identification"];
