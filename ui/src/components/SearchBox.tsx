import { Kbd, TextInput } from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useRef } from "react";

/** A list's search box: `/` focuses it from anywhere in the screen, Esc clears it. */
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
  return (
    <TextInput
      ref={search}
      style={{ flex: 1, minWidth: 0 }}
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={<Kbd size="xs">/</Kbd>}
      rightSectionPointerEvents="none"
      placeholder={placeholder}
      aria-label={label}
      value={value}
      onChange={(event) => {
        onChange(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") onChange("");
      }}
      data-testid={testId}
    />
  );
}
