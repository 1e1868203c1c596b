/** Errors that mean "the provider cannot be reached", as opposed to "the provider said no". */
export function isOffline(code: string | null | undefined): boolean {
  return code != null && (code.endsWith(".network_unreachable") || code.endsWith(".timeout"));
}
