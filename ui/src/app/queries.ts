import {
  useMutation,
  useQuery,
  useQueryClient,
  type QueryKey,
  type UseMutationOptions,
} from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";

import { commands, type KycPreferences, type Locale } from "../bindings";
import { call } from "../ipc";

/** What a screen may add to a feature's mutation: its own reaction, never the cache's. */
export type MutationCallbacks<TData, TVars> = Pick<
  UseMutationOptions<TData, Error, TVars>,
  "onSuccess" | "onError" | "onSettled"
>;

/**
 * The one shape of every mutation: a command, the queries it makes stale (read again once it
 * settled, whatever the outcome), and the screen's own callbacks. Used only by the features'
 * `queries.ts` modules, which own their keys.
 */
export function useCommandMutation<TData, TVars = void>(
  mutationFn: (vars: TVars) => Promise<TData>,
  invalidates: (vars: TVars, data: TData | undefined) => readonly QueryKey[],
  callbacks: MutationCallbacks<TData, TVars> = {},
) {
  const client = useQueryClient();
  return useMutation<TData, Error, TVars>({
    mutationFn,
    ...callbacks,
    onSettled: async (data, error, vars, ...rest) => {
      await Promise.all(
        invalidates(vars, data).map((queryKey) => client.invalidateQueries({ queryKey })),
      );
      await callbacks.onSettled?.(data, error, vars, ...rest);
    },
  });
}

/**
 * A CSV export of a list's view, as the list's toolbar takes it: it makes nothing stale, and it
 * stays the same object while its state does, so the memoised toolbar does not render again
 * with every page of the list.
 */
export function useCsvExport<TData>(exportView: () => Promise<TData>) {
  const { mutate, isPending } = useCommandMutation(exportView, () => []);
  return useMemo(() => ({ mutate, isPending }), [mutate, isPending]);
}

export const appKeys = {
  info: ["appInfo"] as const,
  preferences: ["preferences"] as const,
};

/** Version, data directory and the active profile. */
export function useAppInfo() {
  return useQuery({ queryKey: appKeys.info, queryFn: () => call(commands.appInfo()) });
}

/** Saves the UI language and switches the page to it. */
export function useSetLocale() {
  const { i18n } = useTranslation();
  return useCommandMutation(
    (locale: Locale) => call(commands.setLocale(locale)),
    () => [],
    {
      onSuccess: async (preferences) => {
        await i18n.changeLanguage(preferences.locale);
        document.documentElement.lang = preferences.locale;
      },
    },
  );
}

/** The saved preferences (language, active profile, KYC target age and notifications). */
export function usePreferences() {
  return useQuery({
    queryKey: appKeys.preferences,
    queryFn: () => call(commands.getPreferences()),
  });
}

/** Saves the KYC target age (1–90 days) and the notifications switch. */
export function useSetKycPreferences() {
  return useCommandMutation(
    (kyc: KycPreferences) => call(commands.setKycPreferences(kyc)),
    () => [appKeys.preferences],
  );
}
