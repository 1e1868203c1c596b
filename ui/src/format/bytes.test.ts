import { describe, expect, it } from "vitest";

import { formatBytes } from "./bytes";

describe("formatBytes", () => {
  it("reads bytes, kilobytes and megabytes in the UI language", () => {
    expect(formatBytes(850, "es-MX")).toBe("850 bytes");
    expect(formatBytes(12_800, "es-MX")).toBe("12.5 kB");
    expect(formatBytes(10 * 1024 * 1024, "en")).toBe("10 MB");
    expect(formatBytes(1_572_864, "en")).toBe("1.5 MB");
  });
});
