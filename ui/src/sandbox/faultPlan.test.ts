import { hasFaults, NO_FAULTS, toFaultPlan } from "./faultPlan";

describe("toFaultPlan", () => {
  it("is an empty plan when nothing is chosen", () => {
    expect(toFaultPlan(NO_FAULTS)).toEqual({ latencyMs: 0, outage: null, rules: [] });
  });

  it("turns a 503 for the next calls into a status rule with Retry-After", () => {
    expect(toFaultPlan({ ...NO_FAULTS, next: "status503", count: 3 }).rules).toEqual([
      { action: { kind: "status", status: 503, retryAfter: "5" }, trigger: { next: 3 } },
    ]);
  });

  it("cuts the connection after the commit when asked to reset", () => {
    const [rule] = toFaultPlan({ ...NO_FAULTS, next: "commitThenReset", count: 1 }).rules ?? [];
    expect(rule?.action).toEqual({ kind: "commitThenDrop", mode: "reset" });
  });

  it("asks for commit-then-drop with a hang longer than any client timeout", () => {
    const [rule] = toFaultPlan({ ...NO_FAULTS, next: "commitThenDrop", count: 1 }).rules ?? [];
    expect(rule?.action).toEqual({ kind: "commitThenDrop", mode: { hang: { ms: 60_000 } } });
  });

  it("answers with someone else's 404 page, not Billpocket's", () => {
    const [rule] = toFaultPlan({ ...NO_FAULTS, next: "foreignPage", count: 2 }).rules ?? [];
    expect(rule).toEqual({ action: { kind: "foreignPage", status: 404 }, trigger: { next: 2 } });
  });

  it("answers the next write without making it", () => {
    const [ignore] = toFaultPlan({ ...NO_FAULTS, next: "ignoreChanges", count: 1 }).rules ?? [];
    expect(ignore).toEqual({ action: { kind: "ignoreChanges" }, trigger: { next: 1 } });
  });

  it("fails a percentage of calls as a fraction, and can break bodies", () => {
    const plan = toFaultPlan({
      ...NO_FAULTS,
      next: "malformedBody",
      trigger: "percent",
      count: 25,
    });
    expect(plan.rules).toEqual([
      { action: { kind: "malformedBody" }, trigger: { fraction: 0.25 } },
    ]);
  });

  it("keeps an outage until the plan changes, with latency", () => {
    const plan = toFaultPlan({ ...NO_FAULTS, outage: true, latencyMs: 800 });
    expect(plan.outage).toEqual({ durationMs: null });
    expect(plan.latencyMs).toBe(800);
  });
});

describe("hasFaults", () => {
  it("is false only for a plan that does nothing", () => {
    expect(hasFaults({ latencyMs: 0, outage: null, seed: 0, rules: [] })).toBe(false);
    expect(hasFaults({ latencyMs: 10, outage: null, seed: 0, rules: [] })).toBe(true);
    expect(hasFaults({ latencyMs: 0, outage: { durationMs: null }, seed: 0, rules: [] })).toBe(
      true,
    );
  });
});
