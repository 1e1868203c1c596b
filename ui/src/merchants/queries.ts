import { useQuery } from "@tanstack/react-query";

import { commands, type CatalogueName } from "../bindings";
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

/** A Billpocket catalogue (cached by the app for a week, so it works offline). */
export function useCatalogue(name: CatalogueName | null) {
  return useQuery({
    queryKey: name ? merchantKeys.catalogue(name) : ["merchants", "catalogue", "none"],
    queryFn: () => call(commands.merchantCatalogue(name ?? { kind: "states" })),
    enabled: name !== null,
    staleTime: 60 * 60_000,
  });
}
