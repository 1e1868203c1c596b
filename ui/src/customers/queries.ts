import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";

import {
  commands,
  type AccountAnswer_Serialize as AccountAnswer,
  type AccountWrite_Serialize as AccountWrite,
  type CustomerWrite_Serialize as CustomerWrite,
  type AccountForm_Deserialize as AccountForm,
  type CompanyForm_Deserialize as CompanyForm,
  type Country,
  type CustomerWriteAnswer_Serialize as CustomerWriteAnswer,
  type CustomerWriteOutcome_Serialize as CustomerWriteOutcome,
  type DocumentType,
  type Draft,
  type PersonForm_Deserialize as PersonForm,
  type UndostresAccountView_Serialize as UndostresAccountView,
  type CustomerQuery,
  type CustomerRecord,
  type KycCheckOutcome,
  type Provider,
  type RecordChange,
} from "../bindings";
import { call } from "../ipc";
import { useCommandMutation, useCsvExport, type MutationCallbacks } from "../app/queries";
import { useWindowedPages } from "../table/queries";

export const customerKeys = {
  /** Everything read from the customers cache: pages, sync state, pages of one customer. */
  all: ["customers"] as const,
  pages: (query: CustomerQuery) => ["customers", "pages", query] as const,
  syncState: ["customers", "syncState"] as const,
  record: (provider: Provider, id: string) => ["customers", "record", provider, id] as const,
  writes: (provider: Provider) => ["customers", "writes", provider] as const,
  idTypes: (country: Country | null) => ["identificationTypes", country] as const,
  // Fixed by the app's build: read once.
  documentRules: ["documentRules"] as const,
  // Not under "customers": reading the list again must not start another sync.
  sync: ["customersSync"] as const,
  // Not under "customers" either: a backend event must not read them again under an open form.
  drafts: ["customerDrafts"] as const,
};

/** What a change to any cached customer makes stale: the lists and every open page. */
export function customersChanged() {
  return [customerKeys.all] as const;
}

/** The cached customers of both providers, a window of pages, for the virtualised table. */
export function useCustomerPages(query: CustomerQuery) {
  return useWindowedPages(customerKeys.pages(query), (cursor) =>
    call(commands.searchCustomers({ ...query, cursor })),
  );
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

/**
 * Asks the providers again for the unsettled customers of the view (`query`, every page) under
 * the tracker's limit; what changed arrives as events, and the view is read again once done.
 */
export function useRefreshCustomers() {
  return useCommandMutation(
    (query: CustomerQuery) => call(commands.refreshCustomers(query)),
    () => customersChanged(),
  );
}

/** A customer write not yet confirmed, of either provider (the outbox's `seq` is unique). */
export type PendingCustomerWrite =
  ({ provider: "cryptopocket" } & CustomerWrite) | ({ provider: "undostres" } & AccountWrite);

/** The open customer writes of both providers, oldest first. */
export function usePendingCustomerWrites() {
  const cryptopocket = useQuery({
    queryKey: customerKeys.writes("cryptopocket"),
    queryFn: () => call(commands.customerWrites()),
  });
  const undostres = useQuery({
    queryKey: customerKeys.writes("undostres"),
    queryFn: () => call(commands.undostresWrites()),
  });
  return useMemo(() => {
    const writes: PendingCustomerWrite[] = [
      ...(cryptopocket.data ?? []).map((w) => ({ provider: "cryptopocket" as const, ...w })),
      ...(undostres.data ?? []).map((w) => ({ provider: "undostres" as const, ...w })),
    ];
    return writes.sort((a, b) => a.seq - b.seq);
  }, [cryptopocket.data, undostres.data]);
}

/** Sends a queued write again, or looks for an uncertain one, at its provider. */
export function useRetryCustomerWrite(
  callbacks?: MutationCallbacks<unknown, PendingCustomerWrite>,
) {
  return useCommandMutation(
    async (write: PendingCustomerWrite): Promise<unknown> =>
      write.provider === "cryptopocket"
        ? call(commands.retryCustomerWrite(write.seq))
        : call(commands.retryUndostresWrite(write.seq)),
    () => customersChanged(),
    callbacks,
  );
}

/** Gives up on an open customer write. */
export function useDiscardCustomerWrite(callbacks?: MutationCallbacks<null, PendingCustomerWrite>) {
  return useCommandMutation(
    (write: PendingCustomerWrite) =>
      call(
        write.provider === "cryptopocket"
          ? commands.discardCustomerWrite(write.seq)
          : commands.discardUndostresWrite(write.seq),
      ),
    () => customersChanged(),
    callbacks,
  );
}

/** Every customer of the view (`query`, all pages) as a CSV file, after the save dialog. */
export function useExportCustomers(query: CustomerQuery, lang: string) {
  return useCsvExport(() => call(commands.exportCustomersCsv(query, lang)));
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

/** The identification types a country takes (fixed by the app: read once per country). */
export function useIdTypes(country: Country | null) {
  return useQuery({
    queryKey: customerKeys.idTypes(country),
    queryFn: () => (country === null ? [] : call(commands.identificationTypes(country))),
    staleTime: Infinity,
  });
}

export type PersonRequest = { key: string; form: PersonForm; password: string | null };
export type CompanyRequest = { key: string; form: CompanyForm };
export type AccountRequest = { key: string; form: AccountForm };

/** Registers a CryptoPocket person under the form's idempotency key. */
export function useCreatePerson(callbacks?: MutationCallbacks<CustomerWriteAnswer, PersonRequest>) {
  return useCommandMutation(
    ({ key, form, password }: PersonRequest) =>
      call(commands.createCryptopocketPerson(key, form, password)),
    () => customersChanged(),
    callbacks,
  );
}

/** Registers a CryptoPocket company (its KYB password goes to the vault). */
export function useCreateCompany(
  callbacks?: MutationCallbacks<CustomerWriteAnswer, CompanyRequest>,
) {
  return useCommandMutation(
    ({ key, form }: CompanyRequest) => call(commands.createCryptopocketCompany(key, form)),
    () => customersChanged(),
    callbacks,
  );
}

/** Creates an UnDosTres account (person or business). */
export function useCreateAccount(callbacks?: MutationCallbacks<AccountAnswer, AccountRequest>) {
  return useCommandMutation(
    ({ key, form }: AccountRequest) => call(commands.createUndostresAccount(key, form)),
    () => customersChanged(),
    callbacks,
  );
}

/** Reads a company's KYB password from the vault, only when the agent asks to see it. */
export function useRevealKybPassword(callbacks?: MutationCallbacks<string, string>) {
  return useCommandMutation(
    (id: string) => call(commands.revealKybPassword(id)),
    () => [],
    callbacks,
  );
}

/** Reads an UnDosTres account's level, status and balance again from UnDosTres. */
export function useRefreshAccount(callbacks?: MutationCallbacks<UndostresAccountView, string>) {
  return useCommandMutation(
    (id: string) => call(commands.refreshUndostresAccount(id)),
    () => customersChanged(),
    callbacks,
  );
}

/** Asks CryptoPocket for a customer's enhanced verification link (answered in `link`). */
export function useRequestEnhancedLink(
  callbacks?: MutationCallbacks<CustomerWriteOutcome, string>,
) {
  return useCommandMutation(
    (id: string) => call(commands.requestEnhancedLink(id)),
    () => customersChanged(),
    callbacks,
  );
}

/** The document types, file types and size the service accepts for an upload. */
export function useDocumentRules() {
  return useQuery({
    queryKey: customerKeys.documentRules,
    queryFn: () => call(commands.documentRules()),
    staleTime: Infinity,
  });
}

export type UploadRequest = {
  key: string;
  customerId: string;
  documentType: DocumentType;
  /** The file as a `data:<type>;base64,…` URL. */
  file: string;
};

/** Uploads one document of a CryptoPocket customer under the upload's idempotency key. */
export function useUploadDocument(
  callbacks?: MutationCallbacks<CustomerWriteAnswer, UploadRequest>,
) {
  return useCommandMutation(
    ({ key, customerId, documentType, file }: UploadRequest) =>
      call(commands.uploadCustomerDocument(key, customerId, documentType, file)),
    () => customersChanged(),
    callbacks,
  );
}

/** The registration forms' draft kinds, one per form. */
export const DRAFT_KINDS = {
  person: "customer.person",
  company: "customer.company",
  account: "customer.account",
} as const;
export type DraftForm = keyof typeof DRAFT_KINDS;

/** The saved drafts of the three registration forms, newest first within each. */
export function useCustomerDrafts() {
  return useQuery({
    queryKey: customerKeys.drafts,
    queryFn: async () => {
      const [person, company, account] = await Promise.all(
        Object.values(DRAFT_KINDS).map((kind) => call(commands.listDrafts(kind))),
      );
      return { person: person ?? [], company: company ?? [], account: account ?? [] };
    },
    // Read afresh each time the form opens (nothing kept once it closes); what the open form
    // saves afterwards is its own.
    staleTime: Infinity,
    gcTime: 0,
  });
}

export type CustomerDraftSave = { id: string; form: DraftForm; title: string; body: unknown };

/** Saves one registration form as typed (its password is never part of it). */
export function useSaveCustomerDraft(callbacks?: MutationCallbacks<Draft, CustomerDraftSave>) {
  return useCommandMutation(
    ({ id, form, title, body }: CustomerDraftSave) =>
      call(commands.saveDraft(id, DRAFT_KINDS[form], title, JSON.stringify(body))),
    () => [],
    callbacks,
  );
}

/** Deletes a registration form's draft (registered, or started again). */
export function useDiscardCustomerDraft() {
  return useCommandMutation(
    (id: string) => call(commands.discardDraft(id)),
    () => [customerKeys.drafts],
  );
}
