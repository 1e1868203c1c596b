/** The label of Mantine's `mod` key: ⌘ on macOS, Ctrl elsewhere. */
export function modKeyLabel(platform: string = navigator.userAgent): string {
  return /Mac|iPhone|iPad/.test(platform) ? "⌘" : "Ctrl+";
}
