import { Group, Text, Tooltip } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useCallback, type ReactNode, type Ref } from "react";
import { useTranslation } from "react-i18next";

import type { Customer } from "../bindings";
import { formatDateTime, formatRelative } from "../format/time";
import { VirtualTable, type TableHandle } from "../table/VirtualTable";
import type { TablePaging } from "../table/queries";
import { CUSTOMER_COLUMNS, CUSTOMER_GIVE_WAY, type CustomerColumn } from "./customerColumns";
import { countryCode, customerKey, displayName, isOverTarget, pendingFor } from "./kyc";
import { KycStatusBadge, ProviderBadge } from "./KycBadges";

/** The customers list: the virtualised table with a customer's cells. */
export function CustomersTable({
  now,
  targetDays,
  ...table
}: {
  ref?: Ref<TableHandle>;
  rows: Customer[];
  listKey: string;
  now: number;
  targetDays: number;
  paging: TablePaging;
  onOpen: (customer: Customer) => void;
}) {
  const { t, i18n } = useTranslation("customers");
  const locale = i18n.language;

  // Stable between renders, so the table renders only the rows that change (table/TableRow).
  const cells = useCallback(
    (customer: Customer): Record<CustomerColumn, ReactNode> => {
      const age = pendingFor(customer, now);
      const over = isOverTarget(customer, now, targetDays);
      const country = countryCode(customer.country);
      return {
        name: (
          <>
            <Text size="sm" truncate="end" title={displayName(customer)} data-truncates>
              {displayName(customer)}
            </Text>
            <Text size="xs" c="dimmed" truncate="end" title={customer.email} data-truncates>
              {customer.email}
            </Text>
          </>
        ),
        provider: <ProviderBadge provider={customer.provider} />,
        identification: (
          <>
            <Text size="xs" c="dimmed" truncate="end" data-truncates>
              {[country === null ? customer.country : t(`countries.${country}`), customer.idType]
                .filter(Boolean)
                .join(" · ")}
            </Text>
            <Text size="sm" ff="monospace" truncate="end" title={customer.idNumber} data-truncates>
              {customer.idNumber || "—"}
            </Text>
          </>
        ),
        status: (
          <>
            <KycStatusBadge customer={customer} />
            <Text size="xs" c="dimmed" truncate="end" data-testid="last-checked">
              {customer.syncedAt == null
                ? t("table.neverChecked")
                : t("table.checkedAgo", { when: formatRelative(customer.syncedAt, now, locale) })}
            </Text>
          </>
        ),
        pending:
          age === null ? (
            <Text size="sm" c="dimmed">
              {t("age.settled")}
            </Text>
          ) : (
            <Tooltip
              label={over ? t("table.overTargetMark") : formatDateTime(customer.createdAt, locale)}
            >
              <Group gap={4} wrap="nowrap">
                {over && (
                  <IconAlertTriangle
                    size={14}
                    color="var(--mantine-color-orange-7)"
                    aria-label={t("table.overTargetMark")}
                    data-testid="over-target"
                  />
                )}
                <Text
                  size="sm"
                  truncate="end"
                  c={over ? "orange.9" : undefined}
                  data-testid="pending-age"
                >
                  {t("age.pending", { age: formatRelative(customer.createdAt, now, locale) })}
                </Text>
              </Group>
            </Tooltip>
          ),
      };
    },
    [t, locale, now, targetDays],
  );
  const rowData = useCallback(
    (customer: Customer) => ({
      "data-over-target": isOverTarget(customer, now, targetDays) || undefined,
    }),
    [now, targetDays],
  );

  return (
    <VirtualTable
      {...table}
      rowId={customerKey}
      idPrefix="customer-row"
      columns={CUSTOMER_COLUMNS}
      giveWay={CUSTOMER_GIVE_WAY}
      header={(key) => t(`table.${key}`)}
      cells={cells}
      rowData={rowData}
      label={t("table.label")}
      loadingLabel={t("table.loadingMore")}
      testId="customers-table"
      rowTestId="customer-row"
    />
  );
}
