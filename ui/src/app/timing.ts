/**
 * Steps of the app's own work in the page's performance timeline, read by the bench
 * (tests/e2e/bench/app-figures.mjs) to split a search into debounce, IPC, render and paint.
 * Only the latest mark of each name is kept, so a long session never grows the timeline; a
 * mark costs about a microsecond.
 */
export function markStep(name: string) {
  performance.clearMarks(name);
  performance.mark(name);
}
