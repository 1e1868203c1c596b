import { Skeleton, Stack } from "@mantine/core";
import { IconSearchOff } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { EmptyState } from "./EmptyState";
import { ErrorNotice } from "./ErrorNotice";

/**
 * A list's designed states around its table: loading (skeleton rows), failed (the error with a
 * retry), empty (nothing yet, or nothing matching the search and filters: the namespace's
 * `empty.*` texts), else the table.
 */
export function ListStates({
  list,
  rows,
  filtered,
  icon,
  namespace,
  loadingTestId,
  children,
}: {
  list: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  rows: number;
  /** A search or a filter is on: "nothing matches" instead of "nothing yet". */
  filtered: boolean;
  icon: ReactNode;
  namespace: "links" | "customers";
  loadingTestId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation(namespace);
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
      title={t("empty.filteredTitle")}
      body={t("empty.filteredBody")}
    />
  ) : (
    <EmptyState icon={icon} title={t("empty.title")} body={t("empty.body")} />
  );
}
