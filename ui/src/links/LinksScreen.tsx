import { Group, Select, Skeleton, Stack, Title } from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconLink } from "@tabler/icons-react";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import {
  commands,
  type LinkRow,
  type LinkForm,
  type LinkWrite,
  type Merchant,
  type WriteOutcome,
} from "../bindings";
import { EmptyState } from "../components/EmptyState";
import { ErrorNotice } from "../components/ErrorNotice";
import { ListStates } from "../components/ListStates";
import { ListSyncBar } from "../components/ListSyncBar";
import { useAppliedFilters } from "../components/useAppliedFilters";
import { useErrorMessage, useErrorToast } from "../components/useErrorMessage";
import { markStep } from "../app/timing";
import { call } from "../ipc";
import { copyNotice } from "./copyNotice";
import { activeFilterCount, NO_FILTERS, toQuery, type LinkFilters } from "./filters";
import { LinkDetail } from "./LinkDetail";
import { EMPTY_FORM, formFromLink, newWriteKey } from "./linkForm";
import { LinkFormDrawer, type FormMode } from "./LinkFormDrawer";
import { LinksTable, type LinksTableHandle } from "./LinksTable";
import tableClasses from "../table/VirtualTable.module.css";
import { LinksToolbar } from "./LinksToolbar";
import { MainLinkCard } from "./MainLinkCard";
import { PendingWrites } from "../components/PendingWrites";
import { usePendingPanel } from "../components/usePendingPanel";
import {
  useDiscardLinkWrite,
  useExportLinks,
  useLinkPages,
  useLinksStatus,
  useLinkSync,
  useMerchants,
  useRetryLinkWrite,
  useSubmitLinkWrite,
} from "./queries";
import { useNow } from "./useNow";
import { pendingWriteId, writeStatus } from "../components/writeStatus";
import { differingFields, isQueuedCreate, writeSummary } from "./writeSummary";

/** The Ligas area: pick a merchant (remembered by the shell), then its links. */
export function LinksScreen({
  merchantId,
  onMerchantChange,
}: {
  merchantId: string | null;
  onMerchantChange: (merchantId: string) => void;
}) {
  const { t } = useTranslation("links");
  const merchants = useMerchants();
  const list = merchants.data ?? [];
  const merchant = list.find((m) => m.id === merchantId) ?? list[0];

  return (
    <Stack
      gap="sm"
      h="calc(100dvh - 56px - 2 * var(--mantine-spacing-xl))"
      className={tableClasses.screen}
      data-testid="links-screen"
    >
      <Group justify="space-between">
        <Title order={2}>{t("title")}</Title>
        {list.length > 1 && merchant && (
          <Select
            aria-label={t("merchant")}
            data={list.map((m) => ({ value: m.id, label: m.name }))}
            value={merchant.id}
            allowDeselect={false}
            onChange={(value) => {
              if (value) onMerchantChange(value);
            }}
            w={280}
            data-testid="links-merchant"
          />
        )}
      </Group>
      {merchants.isPending ? (
        <Skeleton height={240} />
      ) : merchants.isError ? (
        <ErrorNotice error={merchants.error} onRetry={() => void merchants.refetch()} />
      ) : merchant ? (
        <MerchantLinks key={merchant.id} merchant={merchant} />
      ) : (
        <EmptyState
          icon={<IconLink size={34} stroke={1.5} />}
          title={t("noMerchants.title")}
          body={t("noMerchants.body")}
        />
      )}
    </Stack>
  );
}

function MerchantLinks({ merchant }: { merchant: Merchant }) {
  const { t, i18n } = useTranslation("links");
  const errorMessage = useErrorMessage();
  const [filters, setFilters] = useState<LinkFilters>(NO_FILTERS);
  const applied = useAppliedFilters(filters);
  const query = useMemo(() => toQuery(applied, merchant.id), [applied, merchant.id]);
  // The search typed is applied (the bench's "debounce" step, app/timing).
  useLayoutEffect(() => {
    markStep("links-search-debounced");
  }, [query]);
  const { list, rows, paging, listKey } = useLinkPages(query);
  const status = useLinksStatus(merchant.id);
  const sync = useLinkSync(merchant.id);
  const now = useNow(30_000);
  // Any failed attempt to reach Billpocket (a sync or a write) is recorded on the list's sync
  // state, which the sync bar shows (and retries while it failed).
  const syncState = status.data?.sync;

  const [openId, setOpenId] = useState<string | null>(null);
  const [form, setForm] = useState<FormMode | null>(null);
  const table = useRef<LinksTableHandle>(null);
  // The row whose drawer was closed: the keyboard focus goes back to it once the drawer is gone.
  const returnTo = useRef<string | null>(null);
  useEffect(() => {
    if (openId !== null || returnTo.current === null) return;
    table.current?.focusRow(returnTo.current);
    returnTo.current = null;
  }, [openId]);

  const open = rows.find((row) => row.link.id === openId) ?? null;
  const writes = useMemo(() => status.data?.writes ?? [], [status.data]);

  // Stable, so that typing in the search box does not re-render the (memoised) table.
  const copyRow = useCallback(
    (row: LinkRow) => {
      call(commands.copyText(row.link.customLinkPath)).then(
        () => notifications.show(copyNotice(t, row)),
        (error: unknown) => notifications.show({ color: "red", message: errorMessage(error).text }),
      );
    },
    [t, errorMessage],
  );

  const newLink = useCallback(() => {
    setForm({ kind: "create", form: EMPTY_FORM });
  }, []);
  useHotkeys([["mod+N", newLink]]);

  /** Tells what happened to a write in words: done, queued, or being checked. */
  function announce(outcome: WriteOutcome, done: string) {
    const state = outcome.write.state;
    if (state === "done") notifications.show({ color: "green", message: done });
    else if (state === "not_applied")
      notifications.show({
        color: "red",
        message: t("writes.toastNotApplied", { fields: differingFields(outcome.write, t) }),
      });
    else if (state === "uncertain" || state === "sent")
      notifications.show({ color: "orange", message: t("writes.toastUncertain") });
    else notifications.show({ color: "yellow", message: t("writes.toastQueued") });
    // A write that got through while the list was marked offline: no need to wait for a retry.
    if (state === "done" && syncState?.lastErrorCode != null) void sync.refetch();
  }

  const showError = useErrorToast();
  const submit = useSubmitLinkWrite({ onError: showError });
  /** A write from the drawer's buttons (activate, delete): a new idempotency key each time. */
  const write = (request: LinkWrite<LinkForm>) =>
    submit.mutateAsync({ key: newWriteKey(), request });

  const pending = usePendingPanel(
    useRetryLinkWrite(merchant.id, { onError: showError }),
    useDiscardLinkWrite(merchant.id),
  );
  const { expand: expandPending } = pending;
  const openRow = useCallback(
    (row: LinkRow) => {
      if (!isQueuedCreate(row)) {
        setOpenId(row.link.id);
        return;
      }
      // A queued create has no drawer (nothing to share yet): its line in the pending panel.
      const write = row.write;
      if (!write) return;
      expandPending();
      // Once unfolded; focusing also scrolls the line into view.
      requestAnimationFrame(() => {
        document.getElementById(pendingWriteId(write.seq))?.focus();
      });
    },
    [expandPending],
  );

  const exportCsv = useExportLinks(query, i18n.language);

  const filtered = applied.text.trim() !== "" || activeFilterCount(applied) > 0;

  return (
    <>
      <MainLinkCard merchant={merchant} />
      <ListSyncBar
        state={syncState}
        sync={sync}
        now={now}
        rows={paging.first + rows.length}
        more={paging.hasMore}
        provider="Billpocket"
        offlineHint={t("syncOfflineHint")}
        namespace="links"
      />
      <PendingWrites
        namespace="links"
        writes={writes}
        describe={(write) => {
          const status = writeStatus(write);
          return {
            status,
            summary: writeSummary(write, t),
            detail: t(`writes.detail.${status}`, { fields: differingFields(write, t) }),
          };
        }}
        {...pending.panel}
      />
      <LinksToolbar filters={filters} onChange={setFilters} onNew={newLink} csv={exportCsv} />
      <ListStates
        list={list}
        rows={rows.length}
        filtered={filtered}
        icon={<IconLink size={34} stroke={1.5} />}
        namespace="links"
        loadingTestId="links-loading"
      >
        <LinksTable
          ref={table}
          rows={rows}
          listKey={listKey}
          now={now}
          paging={paging}
          onOpen={openRow}
          onCopy={copyRow}
        />
      </ListStates>
      {open && (
        <LinkDetail
          opened={!form}
          row={open}
          merchant={merchant}
          now={now}
          busy={submit.isPending}
          onClose={() => {
            returnTo.current = open.link.id;
            setOpenId(null);
          }}
          onEdit={() => {
            setForm({
              kind: "edit",
              linkId: open.link.id,
              form: formFromLink(open.link, "edit", now),
            });
          }}
          onClone={() => {
            setForm({ kind: "clone", form: formFromLink(open.link, "clone", now) });
          }}
          onSetActive={(active) => {
            write({ op: "setActive", merchantId: merchant.id, linkId: open.link.id, active }).then(
              (outcome) => {
                announce(outcome, active ? t("writes.activated") : t("writes.deactivated"));
              },
              () => undefined,
            );
          }}
          onDelete={async () => {
            const outcome = await write({
              op: "delete",
              merchantId: merchant.id,
              linkId: open.link.id,
            });
            setOpenId(null);
            announce(outcome, t("writes.deleted"));
          }}
        />
      )}
      {form && (
        <LinkFormDrawer
          merchant={merchant}
          mode={form}
          onClose={() => {
            setForm(null);
          }}
          onDone={(outcome) => {
            setForm(null);
            announce(outcome, form.kind === "edit" ? t("writes.updated") : t("writes.created"));
            if (outcome.link) setOpenId(outcome.link.id);
          }}
        />
      )}
    </>
  );
}
