import { Group, Select, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useDebouncedValue, useHotkeys, useInterval } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconLink, IconSearchOff } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";

import {
  commands,
  type LinkRow,
  type LinkForm,
  type LinkWrite,
  type Merchant,
  type OutboxState,
  type PendingWrite,
  type WriteOutcome,
} from "../bindings";
import { EmptyState } from "../components/EmptyState";
import { ErrorNotice } from "../components/ErrorNotice";
import { useErrorMessage } from "../components/useErrorMessage";
import { nowSeconds } from "../format/time";
import { call } from "../ipc";
import { copyNotice } from "./copyNotice";
import { activeFilterCount, NO_FILTERS, toQuery, type LinkFilters } from "./filters";
import { LinkDetail } from "./LinkDetail";
import { EMPTY_FORM, formFromLink, newWriteKey } from "./linkForm";
import { LinkFormDrawer, type FormMode } from "./LinkFormDrawer";
import { LinksTable } from "./LinksTable";
import { LinksToolbar } from "./LinksToolbar";
import { MainLinkCard } from "./MainLinkCard";
import { PendingWrites } from "./PendingWrites";
import { useLinkPages, useLinksStatus, useLinkSync, useMerchants } from "./queries";
import { SyncBar } from "./SyncBar";

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
    <Stack gap="md" h="calc(100dvh - 56px - 2 * var(--mantine-spacing-xl))">
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
  const client = useQueryClient();
  const [filters, setFilters] = useState<LinkFilters>(NO_FILTERS);
  const [debounced] = useDebouncedValue(filters, 120);
  const query = useMemo(() => toQuery(debounced, merchant.id), [debounced, merchant.id]);
  const pages = useLinkPages(query);
  const status = useLinksStatus(merchant.id);
  const sync = useLinkSync(merchant.id);
  const [now, setNow] = useState(nowSeconds);
  const ticker = useInterval(() => {
    setNow(nowSeconds());
  }, 30_000);
  useEffect(() => {
    ticker.start();
    return ticker.stop;
  }, [ticker]);

  const [openId, setOpenId] = useState<string | null>(null);
  const [form, setForm] = useState<FormMode | null>(null);
  const [busySeq, setBusySeq] = useState<number | null>(null);

  const rows = useMemo(() => pages.data?.pages.flatMap((page) => page.items) ?? [], [pages.data]);
  const open = rows.find((row) => row.link.id === openId) ?? null;
  const writes = useMemo(() => status.data?.writes ?? [], [status.data]);
  const writeStates = useMemo(() => {
    const byLink = new Map<string, OutboxState>();
    for (const write of writes) if (write.linkId) byLink.set(write.linkId, write.state);
    return byLink;
  }, [writes]);

  useHotkeys([
    [
      "mod+N",
      () => {
        setForm({ kind: "create", form: EMPTY_FORM });
      },
    ],
  ]);

  const refresh = () => {
    void client.invalidateQueries({ queryKey: ["links"] });
  };

  /** Tells what happened to a write in words: done, queued, or being checked. */
  function announce(outcome: WriteOutcome, done: string) {
    const state = outcome.write.state;
    if (state === "done") notifications.show({ color: "green", message: done });
    else if (state === "uncertain" || state === "sent")
      notifications.show({ color: "orange", message: t("writes.toastUncertain") });
    else notifications.show({ color: "yellow", message: t("writes.toastQueued") });
    refresh();
  }

  const write = useMutation({
    mutationFn: (request: LinkWrite<LinkForm>) =>
      call(commands.submitLinkWrite(newWriteKey(), request)),
    onError: (error) => {
      notifications.show({ color: "red", message: errorMessage(error).text });
      refresh();
    },
  });

  const retry = useMutation({
    mutationFn: (pending: PendingWrite) => {
      setBusySeq(pending.seq);
      return call(commands.retryLinkWrite(merchant.id, pending.seq));
    },
    onSettled: () => {
      setBusySeq(null);
      refresh();
    },
    onError: (error) => notifications.show({ color: "red", message: errorMessage(error).text }),
  });
  const discard = useMutation({
    mutationFn: (pending: PendingWrite) => call(commands.discardLinkWrite(pending.seq)),
    onSettled: refresh,
  });

  const exportCsv = useMutation({
    mutationFn: () => call(commands.exportLinksCsv({ ...query, limit: 500 }, i18n.language)),
    onSuccess: (report) => {
      if (report)
        notifications.show({
          color: "green",
          message: t("toolbar.exported", { count: report.rows, path: report.path }),
        });
    },
    onError: (error) => notifications.show({ color: "red", message: errorMessage(error).text }),
  });

  const filtered = debounced.text.trim() !== "" || activeFilterCount(debounced) > 0;

  return (
    <>
      <MainLinkCard merchant={merchant} />
      <SyncBar
        sync={status.data?.sync}
        syncing={sync.isFetching}
        now={now}
        onSync={() => void sync.refetch()}
      />
      <PendingWrites
        writes={writes}
        busySeq={busySeq}
        onRetry={(pending) => {
          retry.mutate(pending);
        }}
        onDiscard={(pending) => {
          discard.mutate(pending);
        }}
      />
      <LinksToolbar
        filters={filters}
        onChange={setFilters}
        onNew={() => {
          setForm({ kind: "create", form: EMPTY_FORM });
        }}
        onExport={() => {
          exportCsv.mutate();
        }}
        exporting={exportCsv.isPending}
      />
      {pages.isPending ? (
        <Stack gap="xs" data-testid="links-loading">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} height={44} />
          ))}
        </Stack>
      ) : pages.isError ? (
        <ErrorNotice error={pages.error} onRetry={() => void pages.refetch()} />
      ) : rows.length === 0 ? (
        filtered ? (
          <EmptyState
            icon={<IconSearchOff size={34} stroke={1.5} />}
            title={t("empty.filteredTitle")}
            body={t("empty.filteredBody")}
          />
        ) : (
          <EmptyState
            icon={<IconLink size={34} stroke={1.5} />}
            title={t("empty.title")}
            body={t("empty.body")}
          />
        )
      ) : (
        <>
          <Text size="xs" c="dimmed" data-testid="links-count">
            {t("table.shown", { count: rows.length, more: pages.hasNextPage ? "+" : "" })}
          </Text>
          <LinksTable
            rows={rows}
            listKey={JSON.stringify(query)}
            writes={writeStates}
            now={now}
            hasMore={pages.hasNextPage}
            loadingMore={pages.isFetchingNextPage}
            onLoadMore={() => void pages.fetchNextPage()}
            onOpen={(row: LinkRow) => {
              setOpenId(row.link.id);
            }}
            onCopy={(row: LinkRow) => {
              call(commands.copyText(row.link.customLinkPath)).then(
                () => notifications.show(copyNotice(t, row)),
                (error: unknown) =>
                  notifications.show({ color: "red", message: errorMessage(error).text }),
              );
            }}
          />
        </>
      )}
      {open && (
        <LinkDetail
          opened={!form}
          row={open}
          merchant={merchant}
          now={now}
          busy={write.isPending}
          onClose={() => {
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
            write.mutate(
              { op: "setActive", merchantId: merchant.id, linkId: open.link.id, active },
              {
                onSuccess: (outcome) => {
                  announce(outcome, active ? t("writes.activated") : t("writes.deactivated"));
                },
              },
            );
          }}
          onDelete={async () => {
            const outcome = await write.mutateAsync({
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
