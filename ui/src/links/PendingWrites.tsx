import {
  Badge,
  Button,
  Card,
  Collapse,
  Group,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from "@mantine/core";
import { IconChevronDown, IconChevronUp } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

import type { PendingWrite } from "../bindings";
import {
  differingFields,
  pendingWriteId,
  WRITE_STATUS_COLORS,
  writeStatus,
  writeSummary,
  type WriteStatus,
} from "./writeSummary";

const STATUSES: WriteStatus[] = ["notApplied", "waiting", "checking", "sending", "queued"];

/**
 * The writes not yet confirmed by Billpocket: being sent, queued (no connection), being checked
 * (sent, answer lost), answered without the change (the differing fields are named) or waiting
 * for the user (checked and absent). Nothing is hidden or silently
 * dropped, but the panel folds into one line (with a count per status) so the list keeps its
 * rows; the rows themselves show the same status.
 */
export function PendingWrites({
  writes,
  expanded,
  onToggle,
  busySeq,
  onRetry,
  onDiscard,
}: {
  writes: PendingWrite[];
  expanded: boolean;
  onToggle: () => void;
  busySeq: number | null;
  onRetry: (write: PendingWrite) => void;
  onDiscard: (write: PendingWrite) => void;
}) {
  const { t } = useTranslation("links");
  if (writes.length === 0) return null;
  const counts = new Map<WriteStatus, number>();
  for (const write of writes) {
    const status = writeStatus(write);
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  return (
    <Card withBorder padding="xs" data-testid="pending-writes" aria-live="polite">
      <UnstyledButton
        onClick={onToggle}
        aria-expanded={expanded}
        aria-controls="pending-writes-list"
        data-testid="pending-toggle"
      >
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs">
            <Text fw={600} size="sm">
              {t("writes.title", { count: writes.length })}
            </Text>
            {STATUSES.filter((status) => counts.has(status)).map((status) => (
              <Badge key={status} size="sm" variant="light" color={WRITE_STATUS_COLORS[status]}>
                {`${String(counts.get(status))} ${t(`writes.status.${status}`)}`}
              </Badge>
            ))}
          </Group>
          <Group gap={4} wrap="nowrap">
            <Text size="xs" c="dimmed">
              {expanded ? t("writes.hide") : t("writes.show")}
            </Text>
            {expanded ? (
              <IconChevronUp size={16} aria-hidden />
            ) : (
              <IconChevronDown size={16} aria-hidden />
            )}
          </Group>
        </Group>
      </UnstyledButton>
      <Collapse expanded={expanded} id="pending-writes-list">
        <ScrollArea.Autosize mah={168} mt="xs" type="auto">
          <Stack gap="xs" pr="sm">
            {writes.map((write) => (
              <WriteLine
                key={write.seq}
                write={write}
                busy={busySeq === write.seq}
                onRetry={onRetry}
                onDiscard={onDiscard}
              />
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Collapse>
    </Card>
  );
}

function WriteLine({
  write,
  busy,
  onRetry,
  onDiscard,
}: {
  write: PendingWrite;
  busy: boolean;
  onRetry: (write: PendingWrite) => void;
  onDiscard: (write: PendingWrite) => void;
}) {
  const { t } = useTranslation("links");
  const status = writeStatus(write);
  return (
    <Group
      id={pendingWriteId(write.seq)}
      tabIndex={-1}
      justify="space-between"
      wrap="nowrap"
      data-testid="pending-write"
      data-write-status={status}
    >
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text size="sm" truncate="end">
          {writeSummary(write, t)}
        </Text>
        <Text size="xs" c="dimmed" data-testid="pending-detail">
          {t(`writes.detail.${status}`, { fields: differingFields(write, t) })}
        </Text>
      </Stack>
      <Group gap="xs" wrap="nowrap">
        <Badge variant="light" color={WRITE_STATUS_COLORS[status]}>
          {t(`writes.status.${status}`)}
        </Badge>
        {/* A write on its way cannot be retried or discarded until Billpocket answers. */}
        {status !== "sending" && (
          <>
            <Button
              size="xs"
              variant="light"
              loading={busy}
              onClick={() => {
                onRetry(write);
              }}
              data-testid="pending-retry"
            >
              {status === "checking" ? t("writes.check") : t("writes.retry")}
            </Button>
            <Button
              size="xs"
              variant="subtle"
              color="red"
              disabled={busy}
              onClick={() => {
                onDiscard(write);
              }}
              data-testid="pending-discard"
            >
              {t("writes.discard")}
            </Button>
          </>
        )}
      </Group>
    </Group>
  );
}
