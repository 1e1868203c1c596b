import { Badge, Button, Card, Group, Loader, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconClockPause } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

import type { PendingWrite } from "../bindings";
import { writeSummary } from "./writeSummary";

/**
 * The writes not yet confirmed by Billpocket: queued (no connection), being checked (sent, answer
 * lost) or waiting for the user (checked and absent). Nothing is hidden or silently dropped.
 */
export function PendingWrites({
  writes,
  busySeq,
  onRetry,
  onDiscard,
}: {
  writes: PendingWrite[];
  busySeq: number | null;
  onRetry: (write: PendingWrite) => void;
  onDiscard: (write: PendingWrite) => void;
}) {
  const { t } = useTranslation("links");
  if (writes.length === 0) return null;
  return (
    <Card withBorder padding="sm" data-testid="pending-writes" aria-live="polite">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t("writes.title", { count: writes.length })}
        </Text>
        {writes.map((write) => {
          const uncertain = write.state === "uncertain" || write.state === "sent";
          const waiting = write.lastErrorCode === "outbox.not_applied";
          return (
            <Group
              key={write.seq}
              justify="space-between"
              wrap="nowrap"
              data-testid="pending-write"
            >
              <Group gap="xs" wrap="nowrap">
                {uncertain ? (
                  <Loader size="xs" aria-hidden />
                ) : waiting ? (
                  <IconAlertTriangle size={18} color="var(--mantine-color-orange-7)" aria-hidden />
                ) : (
                  <IconClockPause size={18} aria-hidden />
                )}
                <Stack gap={0}>
                  <Text size="sm">{writeSummary(write, t)}</Text>
                  <Text size="xs" c="dimmed">
                    {uncertain
                      ? t("writes.uncertain")
                      : waiting
                        ? t("writes.notApplied")
                        : t("writes.queued")}
                  </Text>
                </Stack>
              </Group>
              <Group gap="xs" wrap="nowrap">
                <Badge variant="light" color={uncertain ? "orange" : waiting ? "red" : "gray"}>
                  {t(`writes.state.${uncertain ? "uncertain" : waiting ? "waiting" : "queued"}`)}
                </Badge>
                <Button
                  size="xs"
                  variant="light"
                  loading={busySeq === write.seq}
                  onClick={() => {
                    onRetry(write);
                  }}
                  data-testid="pending-retry"
                >
                  {uncertain ? t("writes.check") : t("writes.retry")}
                </Button>
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  disabled={busySeq === write.seq}
                  onClick={() => {
                    onDiscard(write);
                  }}
                  data-testid="pending-discard"
                >
                  {t("writes.discard")}
                </Button>
              </Group>
            </Group>
          );
        })}
      </Stack>
    </Card>
  );
}
