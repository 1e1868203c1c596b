import { useInfiniteQuery, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from "react";

/**
 * Pages kept at once. As the view moves on, the page farthest from it is let go and read again
 * (keyset cursors in both directions) if the view comes back: the rows kept and a refetch's
 * reads stay the same after scrolling through 100,000 rows as after 100.
 */
export const WINDOW_PAGES = 10;

/** A page of a list command: its rows and the cursors on either side (`null` at an end). */
export type ListPage<Row> = { items: Row[]; next: string | null; previous: string | null };

/** Where a page is read from: the list's top, after a cursor, or before one. */
type PageParam = { cursor: string | null; before: boolean; at: number };

/** A page with the list index of its first row. */
type Placed<Row> = ListPage<Row> & { start: number };

const TOP: PageParam = { cursor: null, before: false, at: 0 };

async function place<Row>(
  read: (cursor: string | null) => Promise<ListPage<Row>>,
  { cursor, before, at }: PageParam,
): Promise<Placed<Row>> {
  const page = await read(cursor);
  // `at` is where a page after a cursor starts, or where one before it ends. A page with nothing
  // before it is the top, whatever was added or removed above since the window moved down.
  const start = page.previous === null ? 0 : before ? Math.max(0, at - page.items.length) : at;
  return { ...page, start };
}

/** What the virtualised table needs to move its window of pages (see `VirtualTable`). */
export type TablePaging = {
  /** The list index of the first loaded row. */
  first: number;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  hasPrevious: boolean;
  loadingPrevious: boolean;
  loadPrevious: () => void;
  /** Reads the list's first page again in place of the window (the view jumped to the top). */
  restart: () => void;
};

/**
 * A list read page by page into a window of at most `WINDOW_PAGES` pages. `read` gets a
 * cursor (`null` for the top) and keeps its identity or not: the latest one is used. While a new
 * query's first page is on its way the previous rows stay on screen, under their own `listKey`,
 * so the table does not render them again for a query they do not answer.
 */
export function useWindowedPages<Row>(
  queryKey: QueryKey,
  read: (cursor: string | null) => Promise<ListPage<Row>>,
) {
  const client = useQueryClient();
  const latest = useRef({ queryKey, read });
  useLayoutEffect(() => {
    latest.current = { queryKey, read };
  }, [queryKey, read]);
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => place(read, pageParam),
    initialPageParam: TOP,
    getNextPageParam: (last): PageParam | null =>
      last.next === null
        ? null
        : { cursor: last.next, before: false, at: last.start + last.items.length },
    getPreviousPageParam: (head): PageParam | null =>
      head.previous === null ? null : { cursor: head.previous, before: true, at: head.start },
    maxPages: WINDOW_PAGES,
    // Keep showing the previous rows while a new search runs: no flash of emptiness.
    placeholderData: (previous) => previous,
  });

  const key = JSON.stringify(queryKey);
  const [shownKey, setShownKey] = useState(key);
  if (!query.isPlaceholderData && query.data !== undefined && shownKey !== key) setShownKey(key);

  const { data, fetchNextPage, fetchPreviousPage, isPlaceholderData } = query;
  const rows = useMemo(() => data?.pages.flatMap((page) => page.items) ?? [], [data]);
  const restarting = useRef(false);
  const restart = useCallback(() => {
    if (restarting.current) return;
    restarting.current = true;
    const { queryKey, read } = latest.current;
    void place(read, TOP)
      .then((top) => client.setQueryData(queryKey, { pages: [top], pageParams: [TOP] }))
      // Read the window again instead: a failing read then shows as the list's error.
      .catch(() => client.invalidateQueries({ queryKey, exact: true }))
      .finally(() => {
        restarting.current = false;
      });
  }, [client]);
  // Neither end of the previous query's rows moves while they stand in for a new one's.
  const settled = !isPlaceholderData;
  const paging: TablePaging = useMemo(
    () => ({
      first: data?.pages[0]?.start ?? 0,
      hasMore: settled && query.hasNextPage,
      loadingMore: query.isFetchingNextPage,
      loadMore: () => void fetchNextPage(),
      hasPrevious: settled && query.hasPreviousPage,
      loadingPrevious: query.isFetchingPreviousPage,
      loadPrevious: () => void fetchPreviousPage(),
      restart,
    }),
    [
      data,
      settled,
      query.hasNextPage,
      query.isFetchingNextPage,
      query.hasPreviousPage,
      query.isFetchingPreviousPage,
      fetchNextPage,
      fetchPreviousPage,
      restart,
    ],
  );
  return { list: query, rows, paging, listKey: shownKey };
}
