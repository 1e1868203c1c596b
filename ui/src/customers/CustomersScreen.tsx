import { Stack, Title } from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { IconIdBadge2 } from "@tabler/icons-react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { usePreferences } from "../app/queries";
import type { Customer, Provider } from "../bindings";
import { ListStates } from "../components/ListStates";
import { ListSyncBar } from "../components/ListSyncBar";
import { useAppliedFilters } from "../components/useAppliedFilters";
import { PendingWrites } from "../components/PendingWrites";
import { usePendingPanel } from "../components/usePendingPanel";
import { useErrorToast } from "../components/useErrorMessage";
import { nowSeconds } from "../format/time";
import { useNow } from "../links/useNow";
import tableClasses from "../table/VirtualTable.module.css";
import type { TableHandle } from "../table/VirtualTable";
import { CustomerDetail } from "./CustomerDetail";
import { CustomersTable } from "./CustomersTable";
import { CustomersToolbar } from "./CustomersToolbar";
import { activeFilterCount, NO_FILTERS, toQuery, type CustomerFilters } from "./filters";
import { customerKey, DEFAULT_TARGET_DAYS } from "./kyc";
import { NewCustomerForm } from "./NewCustomerForm";
import { describeCustomerWrite } from "./pendingText";
import {
  useCustomerPages,
  useCustomersSync,
  useRefreshCustomers,
  usePendingCustomerWrites,
  useRetryCustomerWrite,
  useDiscardCustomerWrite,
  useCustomersSyncState,
  useExportCustomers,
} from "./queries";
import { UndostresOffline } from "./UndostresOffline";

/**
 * Clientes y KYC: one list across CryptoPocket and UnDosTres from the cache (searchable
 * offline), the oldest pending cases first and those past the agent's target marked, with each
 * customer's page in a drawer.
 */
export function CustomersScreen() {
  const { t, i18n } = useTranslation("customers");
  // The agent's target from Ajustes; the default only until the preferences are read.
  const targetDays = usePreferences().data?.kyc.targetDays ?? DEFAULT_TARGET_DAYS;
  const [filters, setFilters] = useState<CustomerFilters>(NO_FILTERS);
  // The age filters count back from when they were set, so the query (and the scroll position)
  // stays put while the clock on the rows moves.
  const [since, setSince] = useState(nowSeconds);
  const applied = useAppliedFilters(filters);
  const query = useMemo(() => toQuery(applied, since, targetDays), [applied, since, targetDays]);
  const { list, rows, paging, listKey } = useCustomerPages(query);
  const syncState = useCustomersSyncState();
  const sync = useCustomersSync();
  const refreshView = useRefreshCustomers();
  const showError = useErrorToast();
  const pendingWrites = usePendingCustomerWrites();
  const pending = usePendingPanel(
    useRetryCustomerWrite({ onError: showError }),
    useDiscardCustomerWrite({ onError: showError }),
  );
  const now = useNow(30_000);
  const exportCsv = useExportCustomers(query, i18n.language);

  const [open, setOpen] = useState<{ provider: Provider; id: string; share?: boolean } | null>(
    null,
  );
  const [creating, setCreating] = useState(false);
  // Where the keyboard was when the registration form opened (the button, a row, a filter): the
  // focus goes back there when the form closes without opening a customer's page.
  const formOpener = useRef<HTMLElement | null>(null);
  const openForm = useCallback(() => {
    const focused = document.activeElement;
    formOpener.current = focused instanceof HTMLElement ? focused : null;
    setCreating(true);
  }, []);
  // Stable, as the other props of the memoised toolbar.
  const changeFilters = useCallback((next: CustomerFilters) => {
    setFilters(next);
    setSince(nowSeconds());
  }, []);
  useEffect(() => {
    const opener = formOpener.current;
    if (creating || opener === null) return;
    formOpener.current = null;
    if (opener.isConnected) opener.focus();
  }, [creating]);
  useHotkeys([["mod+N", openForm]]);
  const table = useRef<TableHandle>(null);
  // The row whose drawer was closed: the keyboard focus goes back to it once the drawer is gone.
  const returnTo = useRef<string | null>(null);
  useEffect(() => {
    if (open !== null || returnTo.current === null) return;
    table.current?.focusRow(returnTo.current);
    returnTo.current = null;
  }, [open]);

  const filtered = applied.text.trim() !== "" || activeFilterCount(applied) > 0;

  return (
    <Stack
      gap="sm"
      h="calc(100dvh - 56px - 2 * var(--mantine-spacing-xl))"
      className={tableClasses.screen}
      data-testid="customers-screen"
    >
      <Title order={2}>{t("title")}</Title>
      <ListSyncBar
        state={syncState.data?.cryptopocket}
        sync={{ isFetching: sync.isFetching || refreshView.isPending, refetch: sync.refetch }}
        onRefresh={() => {
          // The list (CryptoPocket's statuses with it), then every unsettled case in view:
          // UnDosTres has no list, so its accounts change only when asked one by one.
          void sync.refetch();
          refreshView.mutate(query);
        }}
        now={now}
        rows={paging.first + rows.length}
        more={paging.hasMore}
        provider="CryptoPocket"
        offlineHint={t("sync.offlineHint")}
        namespace="customers"
      />
      <UndostresOffline state={syncState.data?.undostres} />
      <PendingWrites
        namespace="customers"
        writes={pendingWrites}
        describe={(write) => describeCustomerWrite(write, t)}
        {...pending.panel}
      />
      <CustomersToolbar
        filters={filters}
        onChange={changeFilters}
        targetLabel={t("age.targetDays", { count: targetDays })}
        onNew={openForm}
        csv={exportCsv}
      />
      <ListStates
        list={list}
        rows={rows.length}
        filtered={filtered}
        icon={<IconIdBadge2 size={34} stroke={1.5} />}
        namespace="customers"
        loadingTestId="customers-loading"
      >
        <CustomersTable
          ref={table}
          rows={rows}
          listKey={listKey}
          now={now}
          targetDays={targetDays}
          paging={paging}
          onOpen={(customer: Customer) => {
            setOpen({ provider: customer.provider, id: customer.id });
          }}
        />
      </ListStates>
      {open && (
        <CustomerDetail
          key={`${open.provider}-${open.id}`}
          provider={open.provider}
          id={open.id}
          now={now}
          targetDays={targetDays}
          initialShare={open.share === true}
          onClose={() => {
            returnTo.current = customerKey(open);
            setOpen(null);
          }}
        />
      )}
      {creating && (
        <NewCustomerForm
          onClose={() => {
            setCreating(false);
          }}
          onDone={(created) => {
            setCreating(false);
            // A new customer's page opens on its verification link, ready to be sent; the focus
            // is that page's.
            if (created) {
              formOpener.current = null;
              setOpen({ ...created, share: true });
            }
          }}
        />
      )}
    </Stack>
  );
}
