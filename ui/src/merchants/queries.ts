import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";

import { commands, type CatalogueName, type MerchantSummary } from "../bindings";
import { call } from "../ipc";

export const merchantKeys = {
  overview: ["merchants", "overview"] as const,
  drafts: ["merchants", "drafts"] as const,
  catalogue: (name: CatalogueName) => ["merchants", "catalogue", name] as const,
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
 * list shows their real count instead of "not synced" (offline, it stays so).
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
    queryKey: name ? merchantKeys.catalogue(name) : ["merchants", "catalogue", "none"],
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
