import { Badge, Table, Text } from "@mantine/core";
import type { Ref } from "react";
import { useTranslation } from "react-i18next";

import type { MerchantSummary } from "../bindings";

/** Below this width the table scrolls sideways, its header with it, rather than cutting columns. */
const MIN_TABLE_WIDTH = 640;

/** The merchants list: a row opens its detail (click or Enter). */
export function MerchantsTable({
  rows,
  onOpen,
  ref,
}: {
  rows: MerchantSummary[];
  onOpen: (merchantId: string) => void;
  ref?: Ref<HTMLTableElement>;
}) {
  const { t } = useTranslation("merchants");
  return (
    <Table.ScrollContainer minWidth={MIN_TABLE_WIDTH} type="native">
      <Table highlightOnHover data-testid="merchants-table" ref={ref}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("table.name")}</Table.Th>
            <Table.Th>{t("table.rfc")}</Table.Th>
            <Table.Th>{t("table.person")}</Table.Th>
            <Table.Th>{t("table.clabe")}</Table.Th>
            <Table.Th ta="right">{t("table.links")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ merchant, links }) => (
            <Table.Tr
              key={merchant.id}
              style={{ cursor: "pointer" }}
              tabIndex={0}
              onClick={() => {
                onOpen(merchant.id);
              }}
              onKeyDown={(event) => {
                if (event.key === "Enter") onOpen(merchant.id);
              }}
              data-testid="merchant-row"
              data-merchant-id={merchant.id}
            >
              <Table.Td>
                <Text size="sm">{merchant.name}</Text>
                <Text size="xs" c="dimmed">
                  {merchant.email}
                </Text>
              </Table.Td>
              <Table.Td ff="monospace">{merchant.rfc || "—"}</Table.Td>
              <Table.Td>
                {merchant.personType ? (
                  <Badge
                    variant="light"
                    color={merchant.personType === "M" ? "grape" : "blue"}
                    // Its whole label: the column widens (or the table scrolls) rather than cut it.
                    styles={{ label: { overflow: "visible" } }}
                  >
                    {t(merchant.personType === "M" ? "person.moral" : "person.fisica")}
                  </Badge>
                ) : (
                  "—"
                )}
              </Table.Td>
              <Table.Td>{merchant.bank ?? "—"}</Table.Td>
              <Table.Td ta="right" data-testid="merchant-links">
                {links ?? (
                  <Text span size="xs" c="dimmed">
                    {t("table.notSynced")}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
