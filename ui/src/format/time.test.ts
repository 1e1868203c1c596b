import { formatDateTime, formatRelative, localDayStart, toLocalInput } from "./time";

describe("time formatting", () => {
  const now = 1_800_000_000;

  it("says how long ago or how soon, in the largest whole unit", () => {
    expect(formatRelative(now - 5 * 60, now, "es-MX")).toBe("hace 5 min");
    expect(formatRelative(now + 3 * 86_400, now, "es-MX")).toBe("en 3 días");
    expect(formatRelative(now - 2 * 3_600, now, "en")).toBe("2 hr. ago");
    expect(formatRelative(now - 10, now, "es-MX")).toBe("ahora");
    expect(formatRelative(now - 557 * 86_400, now, "es-MX")).toBe("hace 18 meses");
    expect(formatRelative(now + 800 * 86_400, now, "en")).toBe("in 2 years");
  });

  it("formats dates in Spanish with the short month", () => {
    const text = formatDateTime((localDayStart("2026-11-22") ?? 0) + 14 * 3600 + 5 * 60, "es-MX");
    expect(text).toBe("22 nov 2026, 14:05");
  });

  it("round-trips local days and datetime-local inputs", () => {
    const start = localDayStart("2026-12-24") ?? 0;
    expect(toLocalInput(start + 18 * 3600)).toBe("2026-12-24T18:00");
    expect(localDayStart("24/12/2026")).toBeNull();
  });
});
