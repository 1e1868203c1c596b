import { Button, Group, SegmentedControl, Skeleton, Stack, TextInput, Title } from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconBuildingStore, IconPlugConnected, IconPlus } from "@tabler/icons-react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import type { Draft } from "../bindings";
import { EmptyState } from "../components/EmptyState";
import { ErrorNotice } from "../components/ErrorNotice";
import { IdChecker } from "../forms/IdChecker";
import { ConnectDialog } from "./ConnectDialog";
import { MerchantDetail } from "./MerchantDetail";
import { MerchantDrafts } from "./MerchantDrafts";
import { MerchantsTable } from "./MerchantsTable";
import { useFirstLinkSync, useMerchantDrafts, useMerchantsOverview } from "./queries";
import { RegisterForm } from "./RegisterForm";

/** The Comercios area: merchants, drafts of registrations, registering and connecting. */
export function MerchantsScreen({ onOpenLinks }: { onOpenLinks: (merchantId: string) => void }) {
  const { t } = useTranslation("merchants");
  const overview = useMerchantsOverview();
  const drafts = useMerchantDrafts();
  useFirstLinkSync(overview.data);
  const [search, setSearch] = useState("");
  const [person, setPerson] = useState("all");
  const [registering, setRegistering] = useState<{ draft: Draft | null } | null>(null);
  const [connecting, setConnecting] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const table = useRef<HTMLTableElement>(null);
  const lastOpen = useRef<string | null>(null);
  useHotkeys([
    [
      "mod+N",
      () => {
        setRegistering({ draft: null });
      },
    ],
  ]);

  // Closing the detail puts focus back on its row, so the keyboard carries on where it was.
  useEffect(() => {
    if (openId !== null) {
      lastOpen.current = openId;
      return;
    }
    const id = lastOpen.current;
    lastOpen.current = null;
    const rows = table.current?.querySelectorAll<HTMLElement>("[data-merchant-id]") ?? [];
    Array.from(rows)
      .find((row) => row.dataset.merchantId === id)
      ?.focus();
  }, [openId]);

  const words = search.trim().toLowerCase();
  const rows = (overview.data ?? []).filter(({ merchant }) => {
    const kind =
      merchant.personType === "M" ? "moral" : merchant.personType === "F" ? "fisica" : "";
    const text = `${merchant.name} ${merchant.email} ${merchant.rfc} ${merchant.id}`.toLowerCase();
    return (person === "all" || kind === person) && (words === "" || text.includes(words));
  });
  const open = overview.data?.find((row) => row.merchant.id === openId) ?? null;

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={2}>{t("title")}</Title>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconPlugConnected size={16} aria-hidden />}
            onClick={() => {
              setConnecting(true);
            }}
            data-testid="merchant-connect"
          >
            {t("connect.open")}
          </Button>
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => {
              setRegistering({ draft: null });
            }}
            data-testid="merchant-register"
          >
            {t("register")}
          </Button>
        </Group>
      </Group>

      <MerchantDrafts
        drafts={drafts.data ?? []}
        onResume={(draft) => {
          setRegistering({ draft });
        }}
      />

      <Group gap="xs">
        <TextInput
          style={{ flex: 1, minWidth: 240 }}
          placeholder={t("search")}
          aria-label={t("search")}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
          }}
          data-testid="merchants-search"
        />
        <SegmentedControl
          data={[
            { value: "all", label: t("person.all") },
            { value: "fisica", label: t("person.fisica") },
            { value: "moral", label: t("person.moral") },
          ]}
          value={person}
          onChange={setPerson}
        />
      </Group>

      {overview.isPending ? (
        <Skeleton height={160} />
      ) : overview.isError ? (
        <ErrorNotice error={overview.error} onRetry={() => void overview.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState
          icon={<IconBuildingStore size={34} stroke={1.5} />}
          title={t("empty.title")}
          body={t("empty.body")}
        />
      ) : (
        <MerchantsTable rows={rows} onOpen={setOpenId} ref={table} />
      )}

      <IdChecker />

      {open && (
        <MerchantDetail
          summary={open}
          onClose={() => {
            setOpenId(null);
          }}
          onOpenLinks={onOpenLinks}
        />
      )}
      {registering && (
        <RegisterForm
          draft={registering.draft}
          onClose={() => {
            setRegistering(null);
          }}
          onDone={(merchant) => {
            setRegistering(null);
            notifications.show({
              color: merchant ? "green" : "orange",
              message: merchant ? t("registered", { name: merchant.name }) : t("registerPending"),
            });
            if (merchant) setOpenId(merchant.id);
          }}
        />
      )}
      {connecting && (
        <ConnectDialog
          onClose={() => {
            setConnecting(false);
          }}
          onDone={({ merchant, alreadyConnected }) => {
            setConnecting(false);
            notifications.show({
              color: alreadyConnected ? "blue" : "green",
              message: t(alreadyConnected ? "connect.already" : "connect.done", {
                name: merchant.name,
              }),
            });
            setOpenId(merchant.id);
          }}
        />
      )}
    </Stack>
  );
}
