import { useQueryClient, type QueryClient, type QueryKey } from "@tanstack/react-query";
import { useEffect } from "react";

import { events, type AppEvent_Serialize as AppEvent } from "../bindings";
import { customersChanged } from "../customers/queries";
import { linksChanged } from "../links/queries";

/** The queries an event from the backend makes stale: exactly those, nothing else. */
export function staleQueries(event: AppEvent): readonly QueryKey[] {
  switch (event.kind) {
    case "syncFinished":
      if (event.resource.startsWith("customers/")) return customersChanged();
      return event.merchantId === null ? [] : linksChanged(event.merchantId);
    case "writeSettled":
      // A customer write (CryptoPocket, UnDosTres) names no merchant: its pending panel and
      // the customers it made are under the customers' keys.
      return event.merchantId === null ? customersChanged() : linksChanged(event.merchantId);
    case "customerStatusChanged":
      return customersChanged();
  }
}

export function invalidateFor(client: QueryClient, event: AppEvent) {
  return Promise.all(staleQueries(event).map((queryKey) => client.invalidateQueries({ queryKey })));
}

/**
 * Listens, while the app is mounted, to what the backend announces (a sync finished, a write
 * settled) and reads the affected queries again, so lists update without polling.
 */
export function useBackendEvents() {
  const client = useQueryClient();
  useEffect(() => {
    let unlisten: (() => void) | undefined;
    let unmounted = false;
    events.backendEvent
      .listen(({ payload }) => {
        void invalidateFor(client, payload);
      })
      .then(
        (stop) => {
          if (unmounted) stop();
          else unlisten = stop;
        },
        (error: unknown) => {
          // Only a capability without event listening gets here: the lists still work, stale.
          console.error("backend events are not reaching the window", error);
        },
      );
    return () => {
      unmounted = true;
      unlisten?.();
    };
  }, [client]);
}
