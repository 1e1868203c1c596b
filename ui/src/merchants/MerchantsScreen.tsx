import {
  Badge,
  Button,
  Card,
  Drawer,
  Group,
  Modal,
  PasswordInput,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconBuildingStore, IconLink, IconPlugConnected, IconPlus } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { commands, type Draft, type Merchant, type MerchantSummary } from "../bindings";
import { EmptyState } from "../components/EmptyState";
import { Fact } from "../components/Fact";
import { ErrorNotice } from "../components/ErrorNotice";
import { useErrorMessage } from "../components/useErrorMessage";
import { IdChecker } from "../forms/IdChecker";
import { useDiscardGuard } from "../forms/useDiscardGuard";
import { ValidatedField } from "../forms/ValidatedField";
import { formatDateTime, formatRelative, nowSeconds } from "../format/time";
import { call, CommandError } from "../ipc";
import { useMerchantDrafts, useMerchantsOverview } from "./queries";
import { formFromDraft } from "./registration";
import { RegisterForm } from "./RegisterForm";

/** The Comercios area: merchants, drafts of registrations, registering and connecting. */
export function MerchantsScreen({ onOpenLinks }: { onOpenLinks: (merchantId: string) => void }) {
  const { t, i18n } = useTranslation("merchants");
  const overview = useMerchantsOverview();
  const drafts = useMerchantDrafts();
  const [search, setSearch] = useState("");
  const [person, setPerson] = useState("all");
  const [registering, setRegistering] = useState<{ draft: Draft | null } | null>(null);
  const [connecting, setConnecting] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const client = useQueryClient();
  useHotkeys([
    [
      "mod+N",
      () => {
        setRegistering({ draft: null });
      },
    ],
  ]);
  const discard = useMutation({
    mutationFn: (id: string) => call(commands.discardDraft(id)),
    onSettled: () => client.invalidateQueries({ queryKey: ["merchants", "drafts"] }),
  });

  const words = search.trim().toLowerCase();
  const rows = (overview.data ?? []).filter(({ merchant }) => {
    const kind =
      merchant.personType === "M" ? "moral" : merchant.personType === "F" ? "fisica" : "";
    const text = `${merchant.name} ${merchant.email} ${merchant.rfc} ${merchant.id}`.toLowerCase();
    return (person === "all" || kind === person) && (words === "" || text.includes(words));
  });
  const open = overview.data?.find((row) => row.merchant.id === openId) ?? null;
  const draftList = drafts.data ?? [];

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

      {draftList.length > 0 && (
        <Card withBorder padding="sm" data-testid="merchant-drafts">
          <Text fw={600} size="sm" mb="xs">
            {t("drafts.title", { count: draftList.length })}
          </Text>
          <Stack gap={6}>
            {draftList.map((draft) => (
              <Group key={draft.id} justify="space-between" data-testid="merchant-draft">
                <Text size="sm">
                  {draft.title || t("drafts.untitled")}{" "}
                  <Text span size="xs" c="dimmed">
                    {t("drafts.saved", {
                      when: formatRelative(draft.updatedAt, nowSeconds(), i18n.language),
                    })}
                  </Text>
                </Text>
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => {
                      setRegistering({ draft });
                    }}
                    data-testid="merchant-draft-resume"
                  >
                    {t("drafts.resume")}
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => {
                      discard.mutate(draft.id);
                    }}
                  >
                    {t("drafts.discard")}
                  </Button>
                </Group>
              </Group>
            ))}
          </Stack>
        </Card>
      )}

      <Group gap="xs">
        <TextInput
          style={{ flex: 1 }}
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
        <Table highlightOnHover data-testid="merchants-table">
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
                  setOpenId(merchant.id);
                }}
                onKeyDown={(event) => {
                  if (event.key === "Enter") setOpenId(merchant.id);
                }}
                data-testid="merchant-row"
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
                    <Badge variant="light" color={merchant.personType === "M" ? "grape" : "blue"}>
                      {t(merchant.personType === "M" ? "person.moral" : "person.fisica")}
                    </Badge>
                  ) : (
                    "—"
                  )}
                </Table.Td>
                <Table.Td>{merchant.bank ?? "—"}</Table.Td>
                <Table.Td ta="right">{links}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
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
          onDone={(merchant) => {
            setConnecting(false);
            notifications.show({
              color: "green",
              message: t("connect.done", { name: merchant.name }),
            });
            setOpenId(merchant.id);
          }}
        />
      )}
    </Stack>
  );
}

function MerchantDetail({
  summary,
  onClose,
  onOpenLinks,
}: {
  summary: MerchantSummary;
  onClose: () => void;
  onOpenLinks: (merchantId: string) => void;
}) {
  const { t, i18n } = useTranslation("merchants");
  const errorMessage = useErrorMessage();
  const client = useQueryClient();
  const { merchant, links } = summary;
  const registration = merchant.registration ? formFromDraft(merchant.registration) : null;
  const [clabe, setClabe] = useState("");
  const save = useMutation({
    mutationFn: () => call(commands.setMerchantClabe(merchant.id, clabe)),
    onSuccess: (saved) => {
      setClabe("");
      notifications.show({ color: "green", message: t("clabe.saved", { bank: saved.bank ?? "" }) });
      void client.invalidateQueries({ queryKey: ["merchants"] });
    },
  });
  const facts: [string, string][] = registration
    ? [
        ["curp", registration.curp],
        ["phone", registration.phone],
        [
          "street",
          `${registration.street} ${registration.exteriorNumber} ${registration.interiorNumber}`,
        ],
        ["neighbourhood", registration.neighbourhood],
        ["postalCode", registration.postalCode],
        ["legalName", registration.legalName],
        ["legalRepresentative", registration.legalRepresentative],
        ["incorporationDate", registration.incorporationDate],
      ]
    : [];
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="lg"
      title={merchant.name}
      data-testid="merchant-detail"
    >
      <Stack gap="md">
        <SimpleGrid cols={2} spacing="sm">
          <Fact label={t("fields.email")}>{merchant.email}</Fact>
          <Fact label={t("fields.rfc")}>{merchant.rfc}</Fact>
          <Fact label={t("detail.id")}>{merchant.id}</Fact>
          <Fact label={t("detail.created")}>
            {formatDateTime(merchant.createdAt, i18n.language)}
          </Fact>
          {facts
            .filter(([, value]) => value.trim() !== "")
            .map(([key, value]) => (
              <Fact key={key} label={t(`fields.${key}` as "fields.curp")}>
                {value}
              </Fact>
            ))}
        </SimpleGrid>
        <Button
          leftSection={<IconLink size={16} aria-hidden />}
          onClick={() => {
            onOpenLinks(merchant.id);
          }}
          data-testid="merchant-open-links"
        >
          {t("detail.links", { count: links })}
        </Button>
        <Card withBorder padding="sm">
          <Stack gap="xs">
            <Text fw={600} size="sm">
              {t("clabe.title")}
            </Text>
            <Text size="sm" data-testid="merchant-clabe">
              {merchant.clabe ? `${merchant.clabe} · ${merchant.bank ?? ""}` : t("clabe.none")}
            </Text>
            <form
              onSubmit={(event) => {
                event.preventDefault();
                if (!save.isPending) save.mutate();
              }}
            >
              <Group align="flex-end" gap="xs">
                <div style={{ flex: 1 }}>
                  <ValidatedField
                    kind="clabe"
                    label={t("clabe.label")}
                    value={clabe}
                    onValueChange={setClabe}
                    error={
                      save.error instanceof CommandError && save.error.field === "clabe"
                        ? errorMessage(save.error).text
                        : null
                    }
                    testId="merchant-clabe-input"
                  />
                </div>
                <Button type="submit" loading={save.isPending} data-testid="merchant-clabe-save">
                  {t("clabe.save")}
                </Button>
              </Group>
            </form>
            {save.error && !(save.error instanceof CommandError && save.error.field) && (
              <ErrorNotice error={save.error} />
            )}
          </Stack>
        </Card>
      </Stack>
    </Drawer>
  );
}

function ConnectDialog({
  onClose,
  onDone,
}: {
  onClose: () => void;
  onDone: (m: Merchant) => void;
}) {
  const { t } = useTranslation("merchants");
  const errorMessage = useErrorMessage();
  const client = useQueryClient();
  const [by, setBy] = useState<"login" | "token">("login");
  const [email, setEmail] = useState("");
  const [secret, setSecret] = useState("");
  const [name, setName] = useState("");
  const guard = useDiscardGuard(email !== "" || secret !== "" || name !== "", onClose);
  const connect = useMutation({
    mutationFn: () =>
      call(
        commands.connectMerchant(
          by === "login" ? { by, email, password: secret, name } : { by, token: secret, name },
        ),
      ),
    onSuccess: (merchant) => {
      void client.invalidateQueries({ queryKey: ["merchants"] });
      onDone(merchant);
    },
  });
  const fieldError =
    connect.error instanceof CommandError && connect.error.field
      ? errorMessage(connect.error).text
      : undefined;
  return (
    <Modal
      opened
      onClose={guard.requestClose}
      title={t("connect.title")}
      size="md"
      data-testid="merchant-connect-dialog"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!connect.isPending) connect.mutate();
        }}
      >
        <Stack>
          <SegmentedControl
            data={[
              { value: "login", label: t("connect.byLogin") },
              { value: "token", label: t("connect.byToken") },
            ]}
            value={by}
            onChange={(value) => {
              setBy(value === "token" ? "token" : "login");
              setSecret("");
            }}
            attributes={{ input: { "data-autofocus": true } }}
          />
          <TextInput
            label={t("connect.name")}
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
            }}
          />
          {by === "login" && (
            <TextInput
              label={t("fields.email")}
              type="email"
              value={email}
              onChange={(event) => {
                setEmail(event.currentTarget.value);
              }}
              data-testid="connect-email"
            />
          )}
          <PasswordInput
            label={by === "login" ? t("fields.password") : t("connect.token")}
            value={secret}
            error={fieldError}
            onChange={(event) => {
              setSecret(event.currentTarget.value);
            }}
            data-testid="connect-secret"
          />
          {connect.error && !fieldError && <ErrorNotice error={connect.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={guard.requestClose}>
              {t("form.close")}
            </Button>
            <Button type="submit" loading={connect.isPending} data-testid="connect-submit">
              {t("connect.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
      {guard.dialog}
    </Modal>
  );
}
