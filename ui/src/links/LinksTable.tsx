import { IconCopy } from "@tabler/icons-react";
import { memo, useCallback, useLayoutEffect, type ReactNode, type Ref } from "react";
import { useTranslation } from "react-i18next";

import { markStep } from "../app/timing";
import type { LinkRow } from "../bindings";
import { formatCentavos } from "../format/money";
import { formatDateTime, formatRelative } from "../format/time";
import { usePaintedMark } from "../table/paintedMark";
import { VirtualTable, type TableHandle } from "../table/VirtualTable";
import type { TablePaging } from "../table/queries";
import { COLUMNS, GIVE_WAY_ORDER, type ColumnKey } from "./linkColumns";
import { LinkStateBadge } from "./LinkStateBadge";
import classes from "./LinksTable.module.css";
import { isQueuedCreate } from "./writeSummary";

/** What the screen can ask of the table. */
export type LinksTableHandle = TableHandle;

type Props = {
  ref?: Ref<LinksTableHandle>;
  rows: LinkRow[];
  /** Changes whenever the search, filters or sort change: the view goes back to the top. */
  listKey: string;
  now: number;
  paging: TablePaging;
  onOpen: (row: LinkRow) => void;
  /** Copies a link's URL without opening it. */
  onCopy: (row: LinkRow) => void;
};

const rowId = (row: LinkRow) => row.link.id;
const rowData = (row: LinkRow) => ({ "data-queued": isQueuedCreate(row) || undefined });

/**
 * The links list: the virtualised table with the cells of a link. Memoised, as its rows are:
 * typing in the search box re-renders the screen, not the table.
 */
export const LinksTable = memo(function LinksTable({ now, onCopy, ...table }: Props) {
  const { t, i18n } = useTranslation("links");
  const locale = i18n.language;
  usePaintedMark("links-first-rows", table.rows.length > 0);
  // New rows are in the DOM (the bench's "React commit" of a search, app/timing).
  useLayoutEffect(() => {
    markStep("links-rows-committed");
  }, [table.rows]);
  const cells = useCallback(
    (row: LinkRow): Record<ColumnKey, ReactNode> => {
      const { link } = row;
      const queued = isQueuedCreate(row);
      return {
        description: (
          <>
            {/* Long descriptions end in "…" on purpose: the title and the drawer show all. */}
            <div
              className={`${classes.sm} ${classes.truncate}`}
              title={link.description}
              data-truncates
              data-testid="link-description"
            >
              {link.description || t("table.noDescription")}
            </div>
            <div className={classes.slugLine}>
              <span
                className={`${classes.xs} ${classes.truncate} ${classes.dimmed}`}
                title={link.secondaryLink}
                data-truncates
              >
                {link.secondaryLink}
              </span>
              <button
                type="button"
                className={classes.copy}
                title={queued ? t("table.queuedCopy") : t("detail.copy")}
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
              </button>
            </div>
          </>
        ),
        amount: (
          <div className={`${classes.sm} ${classes.mono}`}>
            {formatCentavos(link.amountCentavos)}
          </div>
        ),
        status: <LinkStateBadge state={row.state} write={row.write} />,
        msi: (
          <div className={`${classes.sm} ${classes.truncate}`}>
            {link.months.length > 0
              ? t("table.msiMonths", { months: link.months.join(", ") })
              : "—"}
          </div>
        ),
        expires:
          link.expiredAt == null ? (
            <div className={`${classes.sm} ${classes.truncate} ${classes.dimmed}`}>
              {t("table.noExpiry")}
            </div>
          ) : (
            <div
              title={formatDateTime(link.expiredAt, locale)}
              className={`${classes.sm} ${classes.truncate} ${row.state === "expired" ? classes.expired : ""}`}
            >
              {link.expiredAt <= now
                ? t("table.expiredAgo", {
                    when: formatRelative(link.expiredAt, now, locale),
                  })
                : t("table.expiresIn", {
                    when: formatRelative(link.expiredAt, now, locale),
                  })}
            </div>
          ),
        created: (
          <div className={`${classes.sm} ${classes.truncate}`}>
            {formatDateTime(link.createdAt, locale)}
          </div>
        ),
      };
    },
    [t, locale, now, onCopy],
  );

  return (
    <VirtualTable
      {...table}
      rowId={rowId}
      idPrefix="link-row"
      columns={COLUMNS}
      giveWay={GIVE_WAY_ORDER}
      header={(key) => t(`table.${key}`)}
      cells={cells}
      rowData={rowData}
      label={t("table.label")}
      loadingLabel={t("table.loadingMore")}
      testId="links-table"
      rowTestId="link-row"
    />
  );
});
