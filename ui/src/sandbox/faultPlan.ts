import type {
  FaultAction_Deserialize,
  FaultPlan_Deserialize,
  FaultPlan_Serialize,
  FaultRule_Deserialize,
  Trigger,
} from "../bindings";

/** The failures the Sandbox settings offer, as a person thinks of them. */
export type NextFailure =
  | "none"
  | "status500"
  | "status503"
  | "status429"
  | "malformedBody"
  | "commitThenDrop"
  | "commitThenReset"
  | "foreignPage"
  | "ignoreChanges";

/** Which calls fail: the next N, or a percentage of all calls. */
export type FailureTrigger = "next" | "percent";

export type FaultForm = {
  latencyMs: number;
  outage: boolean;
  next: NextFailure;
  trigger: FailureTrigger;
  /** N calls, or a percentage (1–100), depending on `trigger`. */
  count: number;
};

export const NO_FAULTS: FaultForm = {
  latencyMs: 0,
  outage: false,
  next: "none",
  trigger: "next",
  count: 1,
};

const STATUS: Partial<Record<NextFailure, number>> = {
  status500: 500,
  status503: 503,
  status429: 429,
};

/** The sandbox's fault plan for a form; 503 and 429 carry a short Retry-After like real APIs. */
export function toFaultPlan(form: FaultForm): FaultPlan_Deserialize {
  const rules: FaultRule_Deserialize[] = [];
  const action = toAction(form.next);
  if (action) {
    const trigger: Trigger =
      form.trigger === "percent" ? { fraction: form.count / 100 } : { next: form.count };
    rules.push({ action, trigger });
  }
  return {
    latencyMs: form.latencyMs,
    outage: form.outage ? { durationMs: null } : null,
    rules,
  };
}

function toAction(next: NextFailure): FaultAction_Deserialize | null {
  const status = STATUS[next];
  if (status !== undefined) {
    return { kind: "status", status, retryAfter: status === 500 ? null : "5" };
  }
  switch (next) {
    case "malformedBody":
      return { kind: "malformedBody" };
    case "commitThenDrop":
      // The write happens, then the answer never comes: the client's timeout decides.
      return { kind: "commitThenDrop", mode: { hang: { ms: 60_000 } } };
    case "commitThenReset":
      // The write happens, then the connection is cut mid-answer: the outcome is unknown at once.
      return { kind: "commitThenDrop", mode: "reset" };
    case "foreignPage":
      // A 404 page that is not Billpocket's, as a wrong profile URL would get: nothing is written.
      return { kind: "foreignPage", status: 404 };
    case "ignoreChanges":
      // Billpocket answers the next writes without making them (reads are not counted).
      return { kind: "ignoreChanges" };
    default:
      return null;
  }
}

/** Whether the sandbox is misbehaving on purpose right now. */
export function hasFaults(plan: FaultPlan_Serialize): boolean {
  return plan.latencyMs > 0 || plan.outage !== null || plan.rules.length > 0;
}
