import { COLUMNS, gridTemplate, neededWidth, visibleColumns } from "./linkColumns";

const keys = (width: number) => visibleColumns(width).map((column) => column.key);

describe("visibleColumns", () => {
  it("shows every column when there is room, or before the table is measured", () => {
    const all = COLUMNS.map((column) => column.key);
    expect(keys(0)).toEqual(all);
    expect(keys(neededWidth(COLUMNS))).toEqual(all);
  });

  it("lets the creation date go first, then the MSI months, and keeps the rest in order", () => {
    const withoutCreated = ["description", "amount", "status", "msi", "expires"];
    const essentials = ["description", "amount", "status", "expires"];
    expect(keys(neededWidth(COLUMNS) - 1)).toEqual(withoutCreated);
    const essentialWidth = neededWidth(visibleColumns(1));
    expect(keys(essentialWidth + 1)).toEqual(essentials);
    // Narrower than that nothing else leaves: the table scrolls sideways instead.
    expect(keys(300)).toEqual(essentials);
  });

  it("fits the table at the smallest window (960 px less the navigation and margins)", () => {
    const smallest = 960 - 232 - 2 * 32 - 2;
    expect(neededWidth(visibleColumns(smallest))).toBeLessThanOrEqual(smallest);
  });
});

describe("gridTemplate", () => {
  it("gives fixed columns their width and lets the others grow from their minimum", () => {
    expect(gridTemplate(visibleColumns(300))).toBe(
      "minmax(140px, 3fr) 108px 136px minmax(170px, 1.2fr)",
    );
  });
});
