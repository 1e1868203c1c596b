import { Badge, Group, Loader, VisuallyHidden } from "@mantine/core";
import { IconAlertTriangle, IconClockPause } from "@tabler/icons-react";
import type { CSSProperties, ReactNode } from "react";
import { useTranslation } from "react-i18next";

import type { LinkState, PendingWrite } from "../bindings";
import { WRITE_STATUS_COLORS, writeStatus, type WriteStatus } from "../components/writeStatus";

const COLORS: Record<LinkState, string> = { active: "green", inactive: "gray", expired: "yellow" };

const WRITE_ICONS: Record<WriteStatus, ReactNode> = {
  sending: <Loader size={10} />,
  queued: <IconClockPause size={12} aria-hidden />,
  checking: <Loader size={10} color="orange" />,
  waiting: <IconAlertTriangle size={12} aria-hidden />,
  notApplied: <IconAlertTriangle size={12} aria-hidden />,
};

/**
 * The link's state, or the state of a write to it that Billpocket has not confirmed yet. A write
 * Billpocket answered without applying leaves the link as Billpocket says it is: that state shows,
 * with the write's badge beside it.
 */
export function LinkStateBadge({
  state,
  write,
}: {
  state: LinkState;
  write?: PendingWrite | null;
}) {
  const { t } = useTranslation("links");
  // Mantine's own Badge stylesheet on a plain element: the same light badge, without a
  // component to render for every row the table mounts.
  const own = (
    <span
      className={Badge.classes.root}
      data-variant="light"
      style={
        {
          "--badge-bg": `var(--mantine-color-${COLORS[state]}-light)`,
          "--badge-color": `var(--mantine-color-${COLORS[state]}-light-color)`,
        } as CSSProperties
      }
      data-testid="link-state"
    >
      <span className={Badge.classes.label}>{t(`state.${state}`)}</span>
    </span>
  );
  if (write && writeStatus(write) === "notApplied") {
    // The column is narrow: the write shows as a warning sign beside the state, named for
    // screen readers and on hover; the pending panel says which fields differ.
    const label = t("writes.status.notApplied");
    return (
      <Group gap={4} wrap="nowrap">
        {own}
        <Badge
          circle
          variant="light"
          color={WRITE_STATUS_COLORS.notApplied}
          title={label}
          data-testid="link-write-state"
          data-write-status="notApplied"
        >
          {WRITE_ICONS.notApplied}
          <VisuallyHidden>{label}</VisuallyHidden>
        </Badge>
      </Group>
    );
  }
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
  return own;
}
