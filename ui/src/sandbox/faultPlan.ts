import type {
  FaultPlan_Deserialize,
  FaultPlan_Serialize,
  FaultRule_Deserialize,
} from "../bindings";

/** The failures the Sandbox settings offer, as a person thinks of them. */
export type NextFailure = "none" | "status500" | "status503" | "status429" | "commitThenDrop";

export type FaultForm = {
  latencyMs: number;
  outage: boolean;
  next: NextFailure;
  count: number;
};

export const NO_FAULTS: FaultForm = { latencyMs: 0, outage: false, next: "none", count: 1 };

const STATUS: Partial<Record<NextFailure, number>> = {
  status500: 500,
  status503: 503,
  status429: 429,
};

/** The sandbox's fault plan for a form; 503 and 429 carry a short Retry-After like real APIs. */
export function toFaultPlan(form: FaultForm): FaultPlan_Deserialize {
  const rules: FaultRule_Deserialize[] = [];
  const status = STATUS[form.next];
  if (status !== undefined) {
    rules.push({
      action: { kind: "status", status, retryAfter: status === 500 ? null : "5" },
      trigger: { next: form.count },
    });
  } else if (form.next === "commitThenDrop") {
    // The write happens, then the answer never comes: the client's timeout decides.
    rules.push({
      action: { kind: "commitThenDrop", mode: { hang: { ms: 60_000 } } },
      trigger: { next: form.count },
    });
  }
  return {
    latencyMs: form.latencyMs,
    outage: form.outage ? { durationMs: null } : null,
    rules,
  };
}

/** Whether the sandbox is misbehaving on purpose right now. */
export function hasFaults(plan: FaultPlan_Serialize): boolean {
  return plan.latencyMs > 0 || plan.outage !== null || plan.rules.length > 0;
}
