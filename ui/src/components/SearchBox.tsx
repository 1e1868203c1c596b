import { Kbd, TextInput } from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useEffect, useLayoutEffect, useRef, useState } from "react";

import { SEARCH_DEBOUNCE_MS } from "./useAppliedFilters";

/**
 * A list's search box: `/` focuses it from anywhere in the screen, Esc clears it. What is typed
 * stays in the box until typing pauses for `SEARCH_DEBOUNCE_MS`, then reaches `onChange`: a
 * keystroke renders this box, not the screen around it (10–25 ms a keystroke on the 2-core
 * machine, all of it before the search could start).
 */
export function SearchBox({
  value,
  onChange,
  placeholder,
  label,
  testId,
}: {
  value: string;
  onChange: (text: string) => void;
  placeholder: string;
  label: string;
  testId: string;
}) {
  const search = useRef<HTMLInputElement>(null);
  useHotkeys([["/", () => search.current?.focus()]]);
  const [typed, setTyped] = useState(value);
  const [reported, setReported] = useState(value);
  // A text the screen set itself replaces what was typed; the one reported from here does not
  // (more may have been typed since).
  const [given, setGiven] = useState(value);
  if (value !== given) {
    setGiven(value);
    if (value !== reported) {
      setTyped(value);
      setReported(value);
    }
  }
  const latest = useRef(onChange);
  useLayoutEffect(() => {
    latest.current = onChange;
  }, [onChange]);
  const report = (text: string) => {
    setTyped(text);
    setReported(text);
    latest.current(text);
  };
  useEffect(() => {
    if (typed === reported) return;
    const timer = setTimeout(() => {
      setReported(typed);
      latest.current(typed);
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [typed, reported]);
  return (
    <TextInput
      ref={search}
      style={{ flex: 1, minWidth: 0 }}
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={<Kbd size="xs">/</Kbd>}
      rightSectionPointerEvents="none"
      placeholder={placeholder}
      aria-label={label}
      value={typed}
      onChange={(event) => {
        setTyped(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") report("");
      }}
      data-testid={testId}
    />
  );
}
