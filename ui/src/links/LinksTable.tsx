import { ActionIcon, Group, Text, Tooltip } from "@mantine/core";
import { IconCopy } from "@tabler/icons-react";
import { useLayoutEffect, type ReactNode, type Ref } from "react";
import { useTranslation } from "react-i18next";

import { markStep } from "../app/timing";
import type { LinkRow } from "../bindings";
import { formatCentavos } from "../format/money";
import { formatDateTime, formatRelative } from "../format/time";
import { usePaintedMark } from "../table/paintedMark";
import { VirtualTable, type TableHandle } from "../table/VirtualTable";
import { COLUMNS, GIVE_WAY_ORDER, type ColumnKey } from "./linkColumns";
import { LinkStateBadge } from "./LinkStateBadge";
import { isQueuedCreate } from "./writeSummary";

/** What the screen can ask of the table. */
export type LinksTableHandle = TableHandle;

type Props = {
  ref?: Ref<LinksTableHandle>;
  rows: LinkRow[];
  /** Changes whenever the search, filters or sort change: the view goes back to the top. */
  listKey: string;
  now: number;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  onOpen: (row: LinkRow) => void;
  /** Copies a link's URL without opening it. */
  onCopy: (row: LinkRow) => void;
};

/** The links list: the virtualised table with the cells of a link. */
export function LinksTable({ now, onCopy, ...table }: Props) {
  const { t, i18n } = useTranslation("links");
  const locale = i18n.language;
  usePaintedMark("links-first-rows", table.rows.length > 0);
  // New rows are in the DOM (the bench's "React commit" of a search, app/timing).
  useLayoutEffect(() => {
    markStep("links-rows-committed");
  }, [table.rows]);
  const cells = (row: LinkRow): Record<ColumnKey, ReactNode> => {
    const { link } = row;
    const queued = isQueuedCreate(row);
    return {
      description: (
        <>
          {/* Long descriptions end in "…" on purpose: the title and the drawer show all. */}
          <Text
            size="sm"
            truncate="end"
            title={link.description}
            data-truncates
            data-testid="link-description"
          >
            {link.description || t("table.noDescription")}
          </Text>
          <Group gap={4} wrap="nowrap">
            <Text size="xs" c="dimmed" truncate="end" title={link.secondaryLink} data-truncates>
              {link.secondaryLink}
            </Text>
            <Tooltip label={queued ? t("table.queuedCopy") : t("detail.copy")}>
              <ActionIcon
                size="xs"
                variant="subtle"
                color="gray"
                aria-label={t("table.copyLink", { slug: link.secondaryLink })}
                // No URL until Billpocket creates the link.
                disabled={queued}
                onClick={(event) => {
                  event.stopPropagation();
                  onCopy(row);
                }}
                data-testid="row-copy"
              >
                <IconCopy size={12} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
        </>
      ),
      amount: (
        <Text size="sm" ff="monospace">
          {formatCentavos(link.amountCentavos)}
        </Text>
      ),
      status: <LinkStateBadge state={row.state} write={row.write} />,
      msi: (
        <Text size="sm" truncate="end">
          {link.months.length > 0 ? t("table.msiMonths", { months: link.months.join(", ") }) : "—"}
        </Text>
      ),
      expires:
        link.expiredAt == null ? (
          <Text size="sm" c="dimmed" truncate="end">
            {t("table.noExpiry")}
          </Text>
        ) : (
          <Tooltip label={formatDateTime(link.expiredAt, locale)}>
            <Text size="sm" truncate="end" c={row.state === "expired" ? "yellow.9" : undefined}>
              {link.expiredAt <= now
                ? t("table.expiredAgo", {
                    when: formatRelative(link.expiredAt, now, locale),
                  })
                : t("table.expiresIn", {
                    when: formatRelative(link.expiredAt, now, locale),
                  })}
            </Text>
          </Tooltip>
        ),
      created: (
        <Text size="sm" truncate="end">
          {formatDateTime(link.createdAt, locale)}
        </Text>
      ),
    };
  };

  return (
    <VirtualTable
      {...table}
      rowId={(row) => row.link.id}
      idPrefix="link-row"
      columns={COLUMNS}
      giveWay={GIVE_WAY_ORDER}
      header={(key) => t(`table.${key}`)}
      cells={cells}
      rowData={(row) => ({ "data-queued": isQueuedCreate(row) || undefined })}
      label={t("table.label")}
      loadingLabel={t("table.loadingMore")}
      testId="links-table"
      rowTestId="link-row"
    />
  );
}
