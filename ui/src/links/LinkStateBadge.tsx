import { Badge, Loader } from "@mantine/core";
import { IconAlertTriangle, IconClockPause } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import type { LinkState, PendingWrite } from "../bindings";
import { WRITE_STATUS_COLORS, writeStatus, type WriteStatus } from "./writeSummary";

const COLORS: Record<LinkState, string> = { active: "green", inactive: "gray", expired: "yellow" };

const WRITE_ICONS: Record<WriteStatus, ReactNode> = {
  sending: <Loader size={10} />,
  queued: <IconClockPause size={12} aria-hidden />,
  checking: <Loader size={10} color="orange" />,
  waiting: <IconAlertTriangle size={12} aria-hidden />,
};

/** The link's state, or the state of a write to it that Billpocket has not confirmed yet. */
export function LinkStateBadge({
  state,
  write,
}: {
  state: LinkState;
  write?: PendingWrite | null;
}) {
  const { t } = useTranslation("links");
  if (write) {
    const status = writeStatus(write);
    return (
      <Badge
        variant="light"
        color={WRITE_STATUS_COLORS[status]}
        leftSection={WRITE_ICONS[status]}
        data-testid="link-state"
        data-write-status={status}
      >
        {t(`writes.status.${status}`)}
      </Badge>
    );
  }
  return (
    <Badge variant="light" color={COLORS[state]} data-testid="link-state">
      {t(`state.${state}`)}
    </Badge>
  );
}
