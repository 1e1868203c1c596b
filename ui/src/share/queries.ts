import { useQuery } from "@tanstack/react-query";

import { commands } from "../bindings";
import { call } from "../ipc";
import { useCommandMutation, type MutationCallbacks } from "../app/queries";

export const shareKeys = {
  qr: (text: string) => ["qr", text] as const,
};

/** The QR code of a URL. */
export function useQr(text: string) {
  return useQuery({ queryKey: shareKeys.qr(text), queryFn: () => call(commands.linkQr(text)) });
}

/**
 * A share or copy action (clipboard, QR file, WhatsApp…) or any command that changes no list
 * the screen shows; the screen says what happened.
 */
export function useShareAction(callbacks?: MutationCallbacks<unknown, () => Promise<unknown>>) {
  return useCommandMutation(
    (run: () => Promise<unknown>) => run(),
    () => [],
    callbacks,
  );
}
