import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";

import {
  commands,
  type CatalogueName,
  type ConnectRequest,
  type MerchantForm_Deserialize as MerchantForm,
  type MerchantSummary,
} from "../bindings";
import { call } from "../ipc";
import { useCommandMutation, type MutationCallbacks } from "../app/queries";

export const merchantKeys = {
  /** Everything of the Comercios area; the Ligas area's merchant list is under it too. */
  all: ["merchants"] as const,
  overview: ["merchants", "overview"] as const,
  drafts: ["merchants", "drafts"] as const,
  catalogue: (name: CatalogueName | null) => ["merchants", "catalogue", name] as const,
};

export const DRAFT_KIND = "merchant";

export function useMerchantsOverview() {
  return useQuery({
    queryKey: merchantKeys.overview,
    queryFn: () => call(commands.merchantsOverview()),
  });
}

export function useMerchantDrafts() {
  return useQuery({
    queryKey: merchantKeys.drafts,
    queryFn: () => call(commands.listDrafts(DRAFT_KIND)),
  });
}

/**
 * Syncs, once per screen opening, the links of merchants whose links were never synced, so the
 * list shows their real count instead of "not synced" (offline, it stays so). The counts are
 * read again once they all settled (their events may come before the window listens).
 */
export function useFirstLinkSync(summaries: MerchantSummary[] | undefined) {
  const client = useQueryClient();
  const tried = useRef(new Set<string>());
  useEffect(() => {
    const ids = (summaries ?? [])
      .filter(({ merchant, links }) => links === null && !tried.current.has(merchant.id))
      .map(({ merchant }) => merchant.id);
    if (ids.length === 0) return;
    for (const id of ids) tried.current.add(id);
    void Promise.allSettled(ids.map((id) => call(commands.syncLinks(id)))).then(() =>
      client.invalidateQueries({ queryKey: merchantKeys.overview }),
    );
  }, [summaries, client]);
}

/** A Billpocket catalogue (cached by the app for a week, so it works offline). */
export function useCatalogue(name: CatalogueName | null) {
  return useQuery({
    queryKey: merchantKeys.catalogue(name),
    queryFn: () => call(commands.merchantCatalogue(name ?? { kind: "states" })),
    enabled: name !== null,
    staleTime: 60 * 60_000,
  });
}

/** The name a catalogue gives `id` (e.g. a state's); the id itself while the catalogue cannot be read. */
export function useCatalogueName(name: CatalogueName, id: string): string {
  const catalogue = useCatalogue(id === "" ? null : name);
  return catalogue.data?.items.find((item) => item.id === id)?.name ?? id;
}

export interface DraftSave {
  id: string;
  title: string;
  form: MerchantForm;
}

/** Saves a registration form as typed (the password is never part of it). */
export function useSaveDraft(
  callbacks?: MutationCallbacks<Awaited<ReturnType<typeof saveDraft>>, DraftSave>,
) {
  return useCommandMutation(saveDraft, () => [merchantKeys.drafts], callbacks);
}

function saveDraft({ id, title, form }: DraftSave) {
  return call(commands.saveDraft(id, DRAFT_KIND, title, JSON.stringify(form)));
}

export function useDiscardDraft() {
  return useCommandMutation(
    (id: string) => call(commands.discardDraft(id)),
    () => [merchantKeys.drafts],
  );
}

export function useDiscardOldDrafts(days: number, callbacks?: MutationCallbacks<number, void>) {
  return useCommandMutation(
    () => call(commands.discardOldDrafts(DRAFT_KIND, days)),
    () => [merchantKeys.drafts],
    callbacks,
  );
}

export interface Registration {
  key: string;
  form: MerchantForm;
  password: string;
}

/** Registers a merchant with Billpocket under the form's idempotency key. */
export function useRegisterMerchant(
  callbacks?: MutationCallbacks<Awaited<ReturnType<typeof register>>, Registration>,
) {
  return useCommandMutation(register, () => [merchantKeys.all], callbacks);
}

function register({ key, form, password }: Registration) {
  return call(commands.registerMerchant(key, form, password));
}

/** Connects a merchant that already exists at Billpocket. */
export function useConnectMerchant(
  callbacks?: MutationCallbacks<Awaited<ReturnType<typeof connect>>, ConnectRequest>,
) {
  return useCommandMutation(connect, () => [merchantKeys.all], callbacks);
}

function connect(request: ConnectRequest) {
  return call(commands.connectMerchant(request));
}

/** Adds or replaces a merchant's CLABE. */
export function useSetClabe(
  merchantId: string,
  callbacks?: MutationCallbacks<Awaited<ReturnType<typeof setClabe>>, string>,
) {
  return useCommandMutation(
    (clabe: string) => setClabe(merchantId, clabe),
    () => [merchantKeys.all],
    callbacks,
  );
}

function setClabe(merchantId: string, clabe: string) {
  return call(commands.setMerchantClabe(merchantId, clabe));
}
