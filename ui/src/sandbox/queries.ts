import { useQuery, useQueryClient } from "@tanstack/react-query";

import { commands, type SandboxStatus_Serialize } from "../bindings";
import { call } from "../ipc";
import { useCommandMutation, type MutationCallbacks } from "../app/queries";
import { toFaultPlan, type FaultForm } from "./faultPlan";

export const sandboxKeys = {
  status: ["sandboxStatus"] as const,
};

export function useSandboxStatus() {
  return useQuery({ queryKey: sandboxKeys.status, queryFn: () => call(commands.sandboxStatus()) });
}

/** Every sandbox command answers with the doubles' new status: it replaces the cached one. */
function useSandboxMutation<TVars>(
  run: (vars: TVars) => Promise<SandboxStatus_Serialize>,
  callbacks?: MutationCallbacks<SandboxStatus_Serialize, TVars>,
) {
  const client = useQueryClient();
  return useCommandMutation(run, () => [], {
    ...callbacks,
    onSuccess: async (next, ...rest) => {
      client.setQueryData(sandboxKeys.status, next);
      await callbacks?.onSuccess?.(next, ...rest);
    },
  });
}

/** Simulates provider failures (latency, outage, errors). */
export function useSetFaults() {
  return useSandboxMutation((form: FaultForm) =>
    call(commands.sandboxSetFaults(toFaultPlan(form))),
  );
}

/** Back to the seed data, with faults cleared. */
export function useResetSandbox(callbacks?: MutationCallbacks<SandboxStatus_Serialize, void>) {
  return useSandboxMutation(() => call(commands.sandboxReset()), callbacks);
}

export interface UndostresAccountChange {
  customerId: number;
  level: number;
  suspended: boolean;
}

/** Moves an account of the UnDosTres double; answers with the change made. */
export function useSetUndostresAccount() {
  return useCommandMutation(
    (next: UndostresAccountChange) =>
      call(commands.sandboxSetUndostresAccount(next.customerId, next.level, next.suspended)).then(
        () => next,
      ),
    () => [],
  );
}
