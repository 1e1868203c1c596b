import { Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";

/** One labelled fact of a detail drawer; an empty value shows as a dash. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: "anywhere" }}>
        {children === "" || children == null ? "—" : children}
      </Text>
    </Stack>
  );
}
