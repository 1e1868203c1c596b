import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";

import {
  commands,
  type CustomerQuery,
  type CustomerRecord,
  type KycCheckOutcome,
  type Provider,
  type RecordChange,
} from "../bindings";
import { call } from "../ipc";
import { useCommandMutation, type MutationCallbacks } from "../app/queries";

export const customerKeys = {
  /** Everything read from the customers cache: pages, sync state, pages of one customer. */
  all: ["customers"] as const,
  pages: (query: CustomerQuery) => ["customers", "pages", query] as const,
  syncState: ["customers", "syncState"] as const,
  record: (provider: Provider, id: string) => ["customers", "record", provider, id] as const,
  // Not under "customers": reading the list again must not start another sync.
  sync: ["customersSync"] as const,
};

/** What a change to any cached customer makes stale: the lists and every open page. */
export function customersChanged() {
  return [customerKeys.all] as const;
}

/** The cached customers of both providers, page by page, for the virtualised table. */
export function useCustomerPages(query: CustomerQuery) {
  return useInfiniteQuery({
    queryKey: customerKeys.pages(query),
    queryFn: ({ pageParam }) => call(commands.searchCustomers({ ...query, cursor: pageParam })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next ?? null,
    // Keep showing the previous rows while a new search runs: no flash of emptiness.
    placeholderData: (previous) => previous,
  });
}

/** How fresh the cached CryptoPocket list is. */
export function useCustomersSyncState() {
  return useQuery({
    queryKey: customerKeys.syncState,
    queryFn: () => call(commands.customersSyncState()),
  });
}

/**
 * Syncs CryptoPocket's customers when the screen opens and on demand (`refetch`), then reads
 * the cache again. UnDosTres has no list to sync: its accounts are cached as they are read.
 */
export function useCustomersSync() {
  const client = useQueryClient();
  const sync = useQuery({
    queryKey: customerKeys.sync,
    queryFn: () => call(commands.syncCustomers()),
    staleTime: 30_000,
  });
  // This sync's own answer, not its event: the window may start listening after it finished.
  const settledAt = Math.max(sync.dataUpdatedAt, sync.errorUpdatedAt);
  useEffect(() => {
    if (settledAt > 0)
      for (const queryKey of customersChanged()) void client.invalidateQueries({ queryKey });
  }, [client, settledAt]);
  return sync;
}

/** A customer's page: the cached row, tags and timeline. */
export function useCustomerRecord(provider: Provider, id: string) {
  return useQuery({
    queryKey: customerKeys.record(provider, id),
    queryFn: () => call(commands.customerRecord(provider, id)),
  });
}

export type RecordChangeRequest = { provider: Provider; id: string; change: RecordChange };

/** A note or a tag added, a tag removed, a reminder recorded; the page is read again. */
export function useChangeCustomerRecord(
  callbacks?: MutationCallbacks<CustomerRecord, RecordChangeRequest>,
) {
  return useCommandMutation(
    ({ provider, id, change }: RecordChangeRequest) =>
      call(commands.changeCustomerRecord(provider, id, change)),
    ({ provider, id }) => [customerKeys.record(provider, id)],
    callbacks,
  );
}

/** Asks CryptoPocket where one customer stands; a change is recorded and every view updated. */
export function useCheckCustomerStatus(callbacks?: MutationCallbacks<KycCheckOutcome, string>) {
  return useCommandMutation(
    (id: string) => call(commands.checkCustomerStatus(id)),
    () => customersChanged(),
    callbacks,
  );
}
