import { useDebouncedValue } from "@mantine/hooks";

/** How long typing pauses before a list searches for what was typed (`SearchBox`). */
export const SEARCH_DEBOUNCE_MS = 120;

/**
 * The filters a list reads: a new search text at once (the search box waited for typing to
 * pause), any other change once the filters have stayed put for `SEARCH_DEBOUNCE_MS` (amounts
 * and dates are typed too).
 */
export function useAppliedFilters<Filters extends { text: string }>(filters: Filters): Filters {
  const [settled] = useDebouncedValue(filters, SEARCH_DEBOUNCE_MS);
  return settled.text === filters.text ? settled : filters;
}
