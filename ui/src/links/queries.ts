import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";

import { commands, type LinkQuery } from "../bindings";
import { call } from "../ipc";

/** How often an open links screen refreshes from Billpocket. */
export const SYNC_INTERVAL_MS = 5 * 60_000;

export const linkKeys = {
  merchants: ["merchants"] as const,
  pages: (query: LinkQuery) => ["links", "pages", query] as const,
  status: (merchantId: string) => ["links", "status", merchantId] as const,
  // Not under "links": invalidating the list after a sync must not start another sync.
  sync: (merchantId: string) => ["linksSync", merchantId] as const,
};

export function useMerchants() {
  return useQuery({ queryKey: linkKeys.merchants, queryFn: () => call(commands.listMerchants()) });
}

/** The cached list, page by page (keyset cursors), for the virtualised table. */
export function useLinkPages(query: LinkQuery) {
  return useInfiniteQuery({
    queryKey: linkKeys.pages(query),
    queryFn: ({ pageParam }) => call(commands.searchLinks({ ...query, cursor: pageParam })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next ?? null,
    // Keep showing the previous rows while a new search runs: no flash of emptiness.
    placeholderData: (previous) => previous,
  });
}

/** The sync state and open writes of a merchant. */
export function useLinksStatus(merchantId: string) {
  return useQuery({
    queryKey: linkKeys.status(merchantId),
    queryFn: () => call(commands.linksStatus(merchantId)),
  });
}

/**
 * Syncs the merchant's links when the screen opens, every few minutes while it stays open, and
 * on demand (`refetch`). Whatever the outcome, the list and its status are read again from the
 * cache, which a failed sync leaves untouched.
 */
export function useLinkSync(merchantId: string) {
  const client = useQueryClient();
  const sync = useQuery({
    queryKey: linkKeys.sync(merchantId),
    queryFn: () => call(commands.syncLinks(merchantId)),
    refetchInterval: SYNC_INTERVAL_MS,
    staleTime: 30_000,
  });
  const settledAt = Math.max(sync.dataUpdatedAt, sync.errorUpdatedAt);
  useEffect(() => {
    if (settledAt > 0)
      void client.invalidateQueries({ queryKey: ["links"], refetchType: "active" });
  }, [client, settledAt]);
  return sync;
}
