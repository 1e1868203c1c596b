import { Text, Timeline } from "@mantine/core";
import {
  IconBell,
  IconFileUpload,
  IconLink,
  IconNote,
  IconProgressCheck,
  IconTag,
  IconTagOff,
  IconUserPlus,
} from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

import type { Customer, TimelineEntry } from "../bindings";
import { formatDateTime } from "../format/time";
import { timelineText } from "./timelineText";

const ICONS = {
  created: IconUserPlus,
  status: IconProgressCheck,
  note: IconNote,
  tagAdded: IconTag,
  tagRemoved: IconTagOff,
  reminder: IconBell,
  documentUploaded: IconFileUpload,
  linkIssued: IconLink,
} as const;

/** The case's history, newest first, each moment with its local date and time. */
export function CustomerTimeline({
  customer,
  entries,
}: {
  customer: Customer;
  entries: TimelineEntry[];
}) {
  const { t, i18n } = useTranslation("customers");
  const newestFirst = [...entries].reverse();
  return (
    <Timeline bulletSize={24} lineWidth={2} data-testid="customer-timeline">
      {newestFirst.map((entry, index) => {
        const Icon = ICONS[entry.kind];
        const { title, body } = timelineText(t, customer, entry);
        return (
          <Timeline.Item
            key={`${entry.kind}-${String(entry.at)}-${String(index)}`}
            bullet={<Icon size={14} aria-hidden />}
            title={title}
            data-testid={`timeline-${entry.kind}`}
          >
            {body !== undefined && (
              <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                {body}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {formatDateTime(entry.at, i18n.language)}
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
