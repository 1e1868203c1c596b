import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";

import {
  commands,
  type LinkForm,
  type LinkQuery,
  type LinkWrite,
  type PendingWrite,
  type WriteOutcome,
} from "../bindings";
import { call } from "../ipc";
import { markStep } from "../app/timing";
import { useCommandMutation, useCsvExport, type MutationCallbacks } from "../app/queries";
import { merchantKeys } from "../merchants/queries";
import { useWindowedPages } from "../table/queries";

export const linkKeys = {
  merchants: ["merchants", "list"] as const,
  /** Everything shown of one merchant's links: its pages and its status. */
  merchant: (merchantId: string) => ["links", merchantId] as const,
  pages: (query: LinkQuery) => ["links", query.merchantId ?? "", "pages", query] as const,
  status: (merchantId: string) => ["links", merchantId, "status"] as const,
  // Not under "links": reading a list again must not start another sync.
  sync: (merchantId: string) => ["linksSync", merchantId] as const,
};

/** What a change to one merchant's links makes stale: its list, its status, its count. */
export function linksChanged(merchantId: string) {
  return [linkKeys.merchant(merchantId), merchantKeys.overview] as const;
}

export function useMerchants() {
  return useQuery({ queryKey: linkKeys.merchants, queryFn: () => call(commands.listMerchants()) });
}

/**
 * The cached list, a window of pages (keyset cursors), for the virtualised table. A search's
 * first page marks when its IPC call left and when its answer came back (`app/timing`).
 */
export function useLinkPages(query: LinkQuery) {
  return useWindowedPages(linkKeys.pages(query), async (cursor) => {
    const top = cursor === null;
    if (top) markStep("links-search-sent");
    const page = await call(commands.searchLinks({ ...query, cursor }));
    if (top) markStep("links-search-answered");
    return page;
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
 * Syncs the merchant's links when the screen opens and on demand (`refetch`); what it changed
 * is read again once it settles. Later syncs (the backend's own refresh, a queued write sent)
 * reach the window as events that do the same (`app/backendEvents`): nothing here polls.
 */
export function useLinkSync(merchantId: string) {
  const client = useQueryClient();
  const sync = useQuery({
    queryKey: linkKeys.sync(merchantId),
    queryFn: () => call(commands.syncLinks(merchantId)),
    staleTime: 30_000,
  });
  // This sync's own answer, not its event: the window may start listening after it finished.
  const settledAt = Math.max(sync.dataUpdatedAt, sync.errorUpdatedAt);
  useEffect(() => {
    if (settledAt > 0)
      for (const queryKey of linksChanged(merchantId)) void client.invalidateQueries({ queryKey });
  }, [client, merchantId, settledAt]);
  return sync;
}

export interface WriteRequest {
  key: string;
  request: LinkWrite<LinkForm>;
}

/** Submits a write (create, edit, main link, …) under its idempotency key. */
export function useSubmitLinkWrite(callbacks?: MutationCallbacks<WriteOutcome, WriteRequest>) {
  return useCommandMutation(
    ({ key, request }: WriteRequest) => call(commands.submitLinkWrite(key, request)),
    ({ request }) => [...linksChanged(request.merchantId), linkKeys.merchants],
    callbacks,
  );
}

/** Sends a queued write again, or checks an uncertain one. */
export function useRetryLinkWrite(
  merchantId: string,
  callbacks?: MutationCallbacks<WriteOutcome, PendingWrite>,
) {
  return useCommandMutation(
    (pending: PendingWrite) => call(commands.retryLinkWrite(merchantId, pending.seq)),
    () => linksChanged(merchantId),
    callbacks,
  );
}

export function useDiscardLinkWrite(merchantId: string) {
  return useCommandMutation(
    (pending: PendingWrite) => call(commands.discardLinkWrite(pending.seq)),
    () => linksChanged(merchantId),
  );
}

/** Exports the filtered view as CSV where the user chooses (`null` if they cancelled). */
export function useExportLinks(query: LinkQuery, lang: string) {
  return useCsvExport(() => exportLinks(query, lang));
}

function exportLinks(query: LinkQuery, lang: string) {
  return call(commands.exportLinksCsv({ ...query, limit: 500 }, lang));
}
