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

import { pendingWriteId, WRITE_STATUS_COLORS, type WriteStatus } from "./writeStatus";

const STATUSES: WriteStatus[] = ["notApplied", "waiting", "checking", "sending", "queued"];

/** How one write reads in the panel: its status, what it does, and what happens next. */
export interface WriteLineText {
  status: WriteStatus;
  summary: string;
  detail: string;
}

/**
 * The writes not yet confirmed by their provider (Ligas: Billpocket; Clientes: CryptoPocket and
 * UnDosTres): being sent, queued (no connection), being checked (sent, answer lost), answered
 * without the change (the differing fields are named) or waiting for the user (checked and
 * absent). Nothing is hidden or silently dropped, but the panel folds into one line (with a
 * count per status) so the list keeps its rows. The screen says how each write reads
 * (`describe`); the panel's own words are the namespace's `writes.*`.
 */
export function PendingWrites<W extends { seq: number }>({
  namespace,
  writes,
  describe,
  expanded,
  onToggle,
  busySeq,
  onRetry,
  onDiscard,
}: {
  namespace: "links" | "customers";
  writes: W[];
  describe: (write: W) => WriteLineText;
  expanded: boolean;
  onToggle: () => void;
  busySeq: number | null;
  onRetry: (write: W) => void;
  onDiscard: (write: W) => void;
}) {
  const { t } = useTranslation(namespace);
  if (writes.length === 0) return null;
  const counts = new Map<WriteStatus, number>();
  for (const write of writes) {
    const { status } = describe(write);
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
                namespace={namespace}
                seq={write.seq}
                text={describe(write)}
                busy={busySeq === write.seq}
                onRetry={() => {
                  onRetry(write);
                }}
                onDiscard={() => {
                  onDiscard(write);
                }}
              />
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Collapse>
    </Card>
  );
}

function WriteLine({
  namespace,
  seq,
  text,
  busy,
  onRetry,
  onDiscard,
}: {
  namespace: "links" | "customers";
  seq: number;
  text: WriteLineText;
  busy: boolean;
  onRetry: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation(namespace);
  const { status } = text;
  return (
    <Group
      id={pendingWriteId(seq)}
      tabIndex={-1}
      justify="space-between"
      wrap="nowrap"
      data-testid="pending-write"
      data-write-status={status}
    >
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text size="sm" truncate="end">
          {text.summary}
        </Text>
        <Text size="xs" c="dimmed" data-testid="pending-detail">
          {text.detail}
        </Text>
      </Stack>
      <Group gap="xs" wrap="nowrap">
        <Badge variant="light" color={WRITE_STATUS_COLORS[status]}>
          {t(`writes.status.${status}`)}
        </Badge>
        {/* A write on its way cannot be retried or discarded until its provider answers. */}
        {status !== "sending" && (
          <>
            <Button
              size="xs"
              variant="light"
              loading={busy}
              onClick={onRetry}
              data-testid="pending-retry"
            >
              {status === "checking" ? t("writes.check") : t("writes.retry")}
            </Button>
            <Button
              size="xs"
              variant="subtle"
              color="red"
              disabled={busy}
              onClick={onDiscard}
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
