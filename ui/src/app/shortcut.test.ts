import { modKeyLabel } from "./shortcut";

describe("modKeyLabel", () => {
  it("is ⌘ on macOS and Ctrl+ on Linux and Windows", () => {
    expect(modKeyLabel("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15")).toBe(
      "⌘",
    );
    expect(modKeyLabel("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15")).toBe("Ctrl+");
    expect(modKeyLabel("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Edg/120")).toBe("Ctrl+");
  });
});
