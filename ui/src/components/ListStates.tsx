import { Skeleton, Stack } from "@mantine/core";
import { IconSearchOff } from "@tabler/icons-react";
import type { ReactNode } from "react";

import { EmptyState } from "./EmptyState";
import { ErrorNotice } from "./ErrorNotice";

/**
 * A list's designed states around its table: loading (skeleton rows), failed (the error with a
 * retry), empty (nothing yet, or nothing matching the search and filters), else the table.
 */
export function ListStates({
  list,
  rows,
  filtered,
  icon,
  empty,
  loadingTestId,
  children,
}: {
  list: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  rows: number;
  /** A search or a filter is on: "nothing matches" instead of "nothing yet". */
  filtered: boolean;
  icon: ReactNode;
  empty: { title: string; body: string; filteredTitle: string; filteredBody: string };
  loadingTestId: string;
  children: ReactNode;
}) {
  if (list.isPending)
    return (
      <Stack gap="xs" data-testid={loadingTestId}>
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} height={44} />
        ))}
      </Stack>
    );
  if (list.isError) return <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />;
  if (rows > 0) return children;
  return filtered ? (
    <EmptyState
      icon={<IconSearchOff size={34} stroke={1.5} />}
      title={empty.filteredTitle}
      body={empty.filteredBody}
    />
  ) : (
    <EmptyState icon={icon} title={empty.title} body={empty.body} />
  );
}
