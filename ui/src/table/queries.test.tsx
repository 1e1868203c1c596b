import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";

import { useWindowedPages, WINDOW_PAGES, type ListPage } from "./queries";

// The list command is replaced by keyset pages over an array, cursors as the store writes them
// ("<" before a row); the store's own pages in both directions are tested in its crate.
const LIST = Array.from({ length: 2_000 }, (_, i) => `r${i}`);
const PAGE = 100;

function read(cursor: string | null): Promise<ListPage<string>> {
  const before = cursor?.startsWith("<") ?? false;
  const at = cursor === null ? 0 : Number(cursor.replace("<", ""));
  const [from, to] = before ? [Math.max(0, at - PAGE), at] : [at, Math.min(LIST.length, at + PAGE)];
  return Promise.resolve({
    items: LIST.slice(from, to),
    next: to < LIST.length ? String(to) : null,
    previous: from > 0 ? `<${from}` : null,
  });
}

function wrapper({ children }: { children: ReactNode }) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

test("the window keeps its last pages as the view moves down, and reads back or restarts above", async () => {
  const { result } = renderHook(() => useWindowedPages(["list"], read), { wrapper });
  await waitFor(() => {
    expect(result.current.rows).toHaveLength(PAGE);
  });
  expect(result.current.paging.first).toBe(0);
  expect(result.current.paging.hasPrevious).toBe(false);

  // Fifteen pages read, each once the one before is in the hook's state.
  const end = () => result.current.paging.first + result.current.rows.length;
  for (let page = 1; page < 15; page++) {
    const before = end();
    await act(async () => {
      await result.current.list.fetchNextPage();
    });
    await waitFor(() => {
      expect(end()).toBe(before + PAGE);
    });
  }
  const { rows, paging } = result.current;
  expect(rows).toHaveLength(WINDOW_PAGES * PAGE);
  expect(paging.first).toBe(500);
  expect(rows[0]).toBe("r500");
  expect(rows.at(-1)).toBe("r1499");
  expect(paging.hasPrevious).toBe(true);

  await act(async () => {
    await result.current.list.fetchPreviousPage();
  });
  await waitFor(() => {
    expect(result.current.paging.first).toBe(400);
  });
  expect(result.current.rows[0]).toBe("r400");
  expect(result.current.rows.at(-1)).toBe("r1399");

  act(() => {
    result.current.paging.restart();
  });
  await waitFor(() => {
    expect(result.current.paging.first).toBe(0);
  });
  expect(result.current.rows).toEqual(LIST.slice(0, PAGE));
  expect(result.current.paging.hasPrevious).toBe(false);
});

test("a new query's rows stand in under the old list key until its first page arrives", async () => {
  let release: () => void = () => undefined;
  const slow = (cursor: string | null) =>
    new Promise<Awaited<ReturnType<typeof read>>>((resolve) => {
      release = () => {
        void read(cursor).then(resolve);
      };
    });
  const { result, rerender } = renderHook(
    ({ key }: { key: string }) => useWindowedPages([key], key === "a" ? read : slow),
    { wrapper, initialProps: { key: "a" } },
  );
  await waitFor(() => {
    expect(result.current.rows).toHaveLength(PAGE);
  });
  const shown = result.current.rows;
  expect(result.current.listKey).toBe(JSON.stringify(["a"]));

  rerender({ key: "b" });
  expect(result.current.rows).toBe(shown);
  expect(result.current.listKey).toBe(JSON.stringify(["a"]));
  expect(result.current.paging.hasMore).toBe(false);

  act(() => {
    release();
  });
  await waitFor(() => {
    expect(result.current.listKey).toBe(JSON.stringify(["b"]));
  });
  expect(result.current.paging.hasMore).toBe(true);
});
