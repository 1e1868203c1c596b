import { useEffect } from "react";

const marked = new Set<string>();

/**
 * Puts `name` in the page's performance timeline once per page load, after the first frame in
 * which `ready` held has been painted. The start-up bench (tests/e2e/bench) reads it as "the
 * list is on screen"; it costs one timer.
 */
export function usePaintedMark(name: string, ready: boolean) {
  useEffect(() => {
    if (!ready || marked.has(name)) return;
    marked.add(name);
    // A frame callback runs before that frame paints; a task it queues runs after the paint.
    requestAnimationFrame(() => {
      setTimeout(() => performance.mark(name), 0);
    });
  }, [name, ready]);
}
