import { Badge, Loader } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

import type { LinkState, OutboxState } from "../bindings";

const COLORS: Record<LinkState, string> = { active: "green", inactive: "gray", expired: "yellow" };

/** The link's state, or the state of a write to it that Billpocket has not confirmed yet. */
export function LinkStateBadge({ state, write }: { state: LinkState; write?: OutboxState }) {
  const { t } = useTranslation("links");
  if (write === "pending" || write === "sent") {
    return (
      <Badge
        variant="light"
        color="blue"
        leftSection={<Loader size={10} />}
        data-testid="link-state"
      >
        {t("state.pending")}
      </Badge>
    );
  }
  if (write === "uncertain") {
    return (
      <Badge
        variant="light"
        color="orange"
        leftSection={<IconAlertTriangle size={12} aria-hidden />}
        data-testid="link-state"
      >
        {t("state.uncertain")}
      </Badge>
    );
  }
  return (
    <Badge variant="light" color={COLORS[state]} data-testid="link-state">
      {t(`state.${state}`)}
    </Badge>
  );
}
