import { MantineProvider } from "@mantine/core";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import type { Column } from "./columns";
import type { TablePaging } from "./queries";
import { VirtualTable } from "./VirtualTable";

type Item = { id: string };

const items = (from: number, count: number): Item[] =>
  Array.from({ length: count }, (_, i) => ({ id: String(from + i) }));
const COLUMNS: Column<"name">[] = [{ key: "name", min: 100, grow: 1 }];
const GIVE_WAY = [] as const;

const paging = (changes: Partial<TablePaging> = {}): TablePaging => ({
  first: 0,
  hasMore: true,
  loadingMore: false,
  loadMore: () => undefined,
  hasPrevious: false,
  loadingPrevious: false,
  loadPrevious: () => undefined,
  restart: () => undefined,
  ...changes,
});
const ALL = paging();
const LAST = paging({ hasMore: false });

/** A table whose `cells` records every row it renders. */
function tableOf(rendered: string[]) {
  const cells = (item: Item) => {
    rendered.push(item.id);
    return { name: `Fila ${item.id}` };
  };
  return (rows: Item[], onOpen: (item: Item) => void = () => undefined, pages = ALL) => (
    <MantineProvider>
      <VirtualTable
        rows={rows}
        rowId={(item) => item.id}
        idPrefix="item"
        columns={COLUMNS}
        giveWay={GIVE_WAY}
        header={(key) => key}
        cells={cells}
        label="Lista"
        loadingLabel="Cargando"
        listKey="all"
        paging={pages}
        onOpen={onOpen}
        testId="items"
        rowTestId="item-row"
      />
    </MantineProvider>
  );
}

// jsdom lays nothing out; the virtualiser needs a viewport to decide which rows to draw.
beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, "clientHeight", "get").mockReturnValue(640);
  vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(1000);
});
afterEach(() => {
  vi.restoreAllMocks();
});

// The cheap guard of issue 18's scrolling figure: a row is rendered when it comes into view,
// not again each time the table does (a page loads, the screen re-renders, a callback changes).
test("rows in view are not rendered again when a page loads or the screen passes new callbacks", () => {
  const rendered: string[] = [];
  const table = tableOf(rendered);
  const first = items(0, 100);
  const { rerender } = render(table(first));
  const shown = screen.getAllByTestId("item-row").length;
  expect(shown).toBeGreaterThan(5);
  expect(new Set(rendered).size).toBe(shown);

  rendered.length = 0;
  rerender(table([...first, ...items(100, 100)], () => undefined, LAST));
  rerender(table([...first, ...items(100, 100)], () => undefined, LAST));
  expect(rendered).toEqual([]);
  expect(screen.getAllByTestId("item-row")).toHaveLength(shown);
});

test("a click opens the row with the screen's latest callback", async () => {
  const table = tableOf([]);
  const rows = items(0, 20);
  const { rerender } = render(table(rows, () => undefined));
  const opened: string[] = [];
  rerender(table(rows, (item) => opened.push(item.id)));
  await userEvent.click(screen.getByText("Fila 3"));
  expect(opened).toEqual(["3"]);
  expect(screen.getAllByTestId("item-row")[3]).toHaveAttribute("aria-selected", "true");
});

test("a window that starts below the view reads back the page above, or starts over when far", () => {
  const table = tableOf([]);
  const loadPrevious = vi.fn();
  const restart = vi.fn();
  const window = (first: number) =>
    table(
      items(first, 100),
      () => undefined,
      paging({ first, hasPrevious: true, loadPrevious, restart }),
    );

  // The view is at the top: 20 rows above the window are blank until their page comes back.
  const { rerender } = render(window(20));
  expect(loadPrevious).toHaveBeenCalledTimes(1);
  expect(restart).not.toHaveBeenCalled();
  expect(screen.getAllByTestId("item-row")[0]).toHaveTextContent("Fila 20");
  expect(screen.getByRole("grid")).toHaveAttribute("aria-rowcount", "120");

  rerender(window(5_000));
  expect(restart).toHaveBeenCalledTimes(1);
  expect(loadPrevious).toHaveBeenCalledTimes(1);
  expect(screen.queryAllByTestId("item-row")).toEqual([]);
});
