import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Code,
  Divider,
  Drawer,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  IconAlertTriangle,
  IconBell,
  IconCopy,
  IconEye,
  IconEyeOff,
  IconRefresh,
  IconShieldCheck,
  IconX,
} from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { commands, type Customer, type Provider } from "../bindings";
import { ErrorNotice } from "../components/ErrorNotice";
import { EmailAddress } from "../components/EmailAddress";
import { Fact } from "../components/Fact";
import { useErrorMessage, useErrorToast } from "../components/useErrorMessage";
import { useDerivedText } from "../forms/useDerivedText";
import { useDiscardGuard } from "../forms/useDiscardGuard";
import { formatCentavos } from "../format/money";
import { formatDateTime, formatRelative } from "../format/time";
import { call, CommandError } from "../ipc";
import { useShareAction } from "../share/queries";
import { ShareOptions } from "../share/ShareOptions";
import { countryCode, displayName, isOverTarget, linkLifetime, pendingFor } from "./kyc";
import { KycStatusBadge, ProviderBadge } from "./KycBadges";
import {
  useChangeCustomerRecord,
  useCheckCustomerStatus,
  useCustomerRecord,
  useRefreshAccount,
  useRequestEnhancedLink,
  useRevealKybPassword,
  type RecordChangeRequest,
} from "./queries";
import { CustomerTimeline } from "./CustomerTimeline";
import { DocumentUpload } from "./DocumentUpload";

/**
 * One customer's page, read from the cache (so it opens offline): details, the verification
 * link with its lifetime and a reminder that reopens the share options, local tags and notes,
 * and the timeline of everything that happened to the case. Esc closes it, after asking when a
 * note or a tag is half typed.
 */
export function CustomerDetail({
  provider,
  id,
  now,
  targetDays,
  initialShare = false,
  onClose,
}: {
  provider: Provider;
  id: string;
  now: number;
  targetDays: number;
  /** Opens with the share options of the verification link (a customer just registered). */
  initialShare?: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation("customers");
  const record = useCustomerRecord(provider, id);
  const [note, setNote] = useState("");
  const [tag, setTag] = useState("");
  const guard = useDiscardGuard(note.trim() !== "" || tag.trim() !== "", onClose);

  return (
    <Drawer
      opened
      onClose={guard.requestClose}
      position="right"
      size="lg"
      title={t("detail.title")}
      data-testid="customer-detail"
    >
      {record.isPending ? (
        <Stack gap="sm">
          <Skeleton height={32} />
          <Skeleton height={120} />
        </Stack>
      ) : record.isError ? (
        <ErrorNotice error={record.error} onRetry={() => void record.refetch()} />
      ) : (
        <Stack gap="md">
          <Header customer={record.data.customer} now={now} targetDays={targetDays} />
          <Facts customer={record.data.customer} now={now} />
          {/* UnDosTres verifies through its own app: no link to send. */}
          {record.data.customer.provider === "cryptopocket" && (
            <Verification customer={record.data.customer} now={now} initialShare={initialShare} />
          )}
          {record.data.customer.provider === "cryptopocket" &&
            record.data.customer.kind === "company" && (
              <KybPassword customerId={record.data.customer.id} />
            )}
          {record.data.customer.provider === "cryptopocket" && (
            <DocumentUpload customerId={record.data.customer.id} />
          )}
          {record.data.customer.provider === "undostres" && (
            <UndostresAccount customerId={record.data.customer.id} />
          )}
          <Divider />
          <Notes
            customer={record.data.customer}
            tags={record.data.tags}
            note={note}
            onNote={setNote}
            tag={tag}
            onTag={setTag}
          />
          <Divider label={t("detail.timeline")} labelPosition="left" />
          <CustomerTimeline customer={record.data.customer} entries={record.data.timeline} />
        </Stack>
      )}
      {guard.dialog}
    </Drawer>
  );
}

function Header({
  customer,
  now,
  targetDays,
}: {
  customer: Customer;
  now: number;
  targetDays: number;
}) {
  const { t, i18n } = useTranslation("customers");
  const errorMessage = useErrorMessage();
  const age = pendingFor(customer, now);
  const over = isOverTarget(customer, now, targetDays);
  const ageText = formatRelative(customer.createdAt, now, i18n.language);
  const check = useCheckCustomerStatus({
    onSuccess: (outcome) => {
      notifications.show({
        color: "green",
        message: t("detail.refreshed", {
          provider: t(`providers.${customer.provider}`),
          status: t(`status.${outcome.status}`),
        }),
      });
    },
    onError: (error) => {
      notifications.show({ color: "red", message: errorMessage(error).text });
    },
  });

  return (
    <Stack gap={6}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Title order={3} data-testid="customer-name">
          {displayName(customer)}
        </Title>
        {customer.provider === "cryptopocket" && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconRefresh size={14} aria-hidden />}
            loading={check.isPending}
            style={{ flexShrink: 0 }}
            onClick={() => {
              check.mutate(customer.id);
            }}
            data-testid="customer-refresh"
          >
            {t("detail.refresh")}
          </Button>
        )}
      </Group>
      <Group gap="xs">
        <ProviderBadge provider={customer.provider} />
        <KycStatusBadge customer={customer} />
        {age !== null && (
          <Text
            size="sm"
            c={over ? "orange.9" : "dimmed"}
            fw={over ? 600 : undefined}
            data-testid="customer-age"
          >
            {over
              ? t("age.overTarget", {
                  age: ageText,
                  target: t("age.targetDays", { count: targetDays }),
                })
              : t("age.pending", { age: ageText })}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

function Facts({ customer, now }: { customer: Customer; now: number }) {
  const { t, i18n } = useTranslation("customers");
  const locale = i18n.language;
  const country = countryCode(customer.country);
  return (
    <SimpleGrid cols={2} spacing="sm">
      <Fact label={t("detail.email")}>
        <EmailAddress address={customer.email} />
      </Fact>
      <Fact label={t("detail.identification")}>
        {customer.idNumber === "" ? "" : `${customer.idType} ${customer.idNumber}`}
      </Fact>
      <Fact label={t("detail.country")}>
        {country === null ? customer.country : t(`countries.${country}`)}
      </Fact>
      <Fact label={t("detail.kind")}>{t(`kind.${customer.kind}`)}</Fact>
      <Fact label={t("detail.created")}>{formatDateTime(customer.createdAt, locale)}</Fact>
      <Fact label={t("detail.checked")}>
        {customer.syncedAt == null
          ? t("table.neverChecked")
          : `${formatDateTime(customer.syncedAt, locale)} (${formatRelative(customer.syncedAt, now, locale)})`}
      </Fact>
      <Fact label={t("detail.id", { provider: t(`providers.${customer.provider}`) })}>
        <Text size="xs" ff="monospace" style={{ wordBreak: "break-all" }}>
          {customer.id}
        </Text>
      </Fact>
    </SimpleGrid>
  );
}

/** The link the customer verifies with, how long it lasts, and the reminder that resends it. */
function Verification({
  customer,
  now,
  initialShare,
}: {
  customer: Customer;
  now: number;
  initialShare: boolean;
}) {
  const { t, i18n } = useTranslation("customers");
  const locale = i18n.language;
  const errorMessage = useErrorMessage();
  const [sharing, setSharing] = useState(initialShare);
  // An enhanced link asked for on this page replaces the stored one for reminders.
  const [enhanced, setEnhanced] = useState<string | null>(null);
  const url = enhanced ?? customer.kycUrl ?? null;
  const message = useDerivedText(
    t("detail.reminderMessage", {
      name: customer.kind === "company" ? customer.companyName : customer.firstName,
      url: url ?? "",
    }),
  );
  const requestLink = useRequestEnhancedLink({
    onSuccess: (outcome) => {
      if (outcome.link !== null) {
        setEnhanced(outcome.link);
        setSharing(true);
      } else
        notifications.show({
          color: "orange",
          message: outcome.write.lastErrorCode
            ? errorMessage(new CommandError({ code: outcome.write.lastErrorCode, message: "" }))
                .text
            : t("detail.enhancedPending"),
        });
    },
    onError: (error) => {
      notifications.show({ color: "red", message: errorMessage(error).text });
    },
  });
  const enhancedButton = customer.kind === "person" && (
    <Button
      variant="default"
      leftSection={<IconShieldCheck size={16} aria-hidden />}
      loading={requestLink.isPending}
      onClick={() => {
        requestLink.mutate(customer.id);
      }}
      data-testid="customer-enhanced-link"
    >
      {t("detail.enhancedLink")}
    </Button>
  );
  const lifetime = linkLifetime(customer, now);
  const recorded = useChangeCustomerRecord({
    onSuccess: () => {
      notifications.show({ color: "green", message: t("detail.reminderRecorded") });
    },
    onError: (error) => {
      notifications.show({ color: "red", message: errorMessage(error).text });
    },
  });
  const when =
    lifetime.kind === "unknown"
      ? null
      : {
          date: formatDateTime(lifetime.expiresAt, locale),
          when: formatRelative(lifetime.expiresAt, now, locale),
        };

  return (
    <Stack gap="xs">
      <Divider label={t("detail.verification")} labelPosition="left" />
      <Group gap="xs" justify="space-between">
        <Text size="sm" fw={600}>
          {customer.kind === "company" ? t("detail.kybLink") : t("detail.kycLink")}
        </Text>
        <Text size="sm" c="dimmed" data-testid="customer-link-expiry">
          {when === null ? t("detail.noExpiry") : t("detail.expires", when)}
        </Text>
      </Group>
      {lifetime.kind === "expiresSoon" && when !== null && (
        <Alert
          color="orange"
          icon={<IconAlertTriangle size={18} aria-hidden />}
          data-testid="customer-link-expiring"
        >
          {t("detail.expiresSoon", { when: when.when })}
        </Alert>
      )}
      {lifetime.kind === "expired" && when !== null && (
        <Alert
          color="red"
          icon={<IconAlertTriangle size={18} aria-hidden />}
          data-testid="customer-link-expired"
        >
          {t("detail.expired", when)}
        </Alert>
      )}
      {url === null ? (
        <>
          <Text size="sm" c="dimmed" data-testid="customer-no-link">
            {t("detail.noLink")}
          </Text>
          {enhancedButton && <Group>{enhancedButton}</Group>}
        </>
      ) : (
        <>
          {!sharing && (
            <Code block data-testid="customer-link">
              {url}
            </Code>
          )}
          <Group>
            <Button
              variant={sharing ? "default" : "filled"}
              leftSection={<IconBell size={16} aria-hidden />}
              onClick={() => {
                setSharing((open) => !open);
              }}
              data-testid="customer-remind"
            >
              {sharing ? t("detail.remindHide") : t("detail.remind")}
            </Button>
            {enhanced === null && enhancedButton}
          </Group>
          {sharing && (
            <ShareOptions
              url={url}
              message={message}
              subject={t("detail.reminderSubject")}
              staleWarning={t("detail.reminderStale")}
              qrFileName={`verificacion-${customer.provider}-${customer.id}.png`}
              copied={{ message: t("detail.copied") }}
              onShared={(channel) => {
                const request: RecordChangeRequest = {
                  provider: customer.provider,
                  id: customer.id,
                  change: { op: "reminder", channel },
                };
                recorded.mutate(request);
              }}
            />
          )}
        </>
      )}
    </Stack>
  );
}

/** Local tags (added with Enter or the button, removed with their ×) and a note to save. */
function Notes({
  customer,
  tags,
  note,
  onNote,
  tag,
  onTag,
}: {
  customer: Customer;
  tags: string[];
  note: string;
  onNote: (note: string) => void;
  tag: string;
  onTag: (tag: string) => void;
}) {
  const { t } = useTranslation("customers");
  const errorMessage = useErrorMessage();
  const [errors, setErrors] = useState<{ note?: string; tag?: string }>({});
  const change = useChangeCustomerRecord({
    onSuccess: (_record, { change: done }) => {
      if (done.op === "addNote") onNote("");
      if (done.op === "addTag") onTag("");
      setErrors({});
    },
    onError: (error) => {
      const { text } = errorMessage(error);
      // A refused note or tag is said on its own field, where it is fixed.
      if (error instanceof CommandError && (error.field === "note" || error.field === "tag"))
        setErrors({ [error.field]: text });
      else notifications.show({ color: "red", message: text });
    },
  });
  const send = (request: RecordChangeRequest["change"]) => {
    change.mutate({ provider: customer.provider, id: customer.id, change: request });
  };
  const addTag = () => {
    send({ op: "addTag", tag });
  };

  return (
    <Stack gap="sm">
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          {t("detail.tags")}
        </Text>
        <Group gap={6} data-testid="customer-tags">
          {tags.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("detail.noTags")}
            </Text>
          ) : (
            tags.map((current) => (
              <Badge
                key={current}
                variant="light"
                size="lg"
                data-testid="customer-tag"
                rightSection={
                  <ActionIcon
                    size="xs"
                    variant="transparent"
                    aria-label={t("detail.removeTag", { tag: current })}
                    onClick={() => {
                      send({ op: "removeTag", tag: current });
                    }}
                  >
                    <IconX size={12} aria-hidden />
                  </ActionIcon>
                }
              >
                {current}
              </Badge>
            ))
          )}
        </Group>
        <Group gap="xs" align="flex-start">
          <TextInput
            aria-label={t("detail.addTag")}
            placeholder={t("detail.addTag")}
            value={tag}
            error={errors.tag}
            onChange={(event) => {
              onTag(event.currentTarget.value);
              setErrors({});
            }}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                addTag();
              }
            }}
            style={{ flex: 1 }}
            data-testid="customer-tag-input"
          />
          <Button variant="default" onClick={addTag} data-testid="customer-tag-add">
            {t("detail.addTagButton")}
          </Button>
        </Group>
      </Stack>
      <Textarea
        label={t("detail.notes")}
        placeholder={t("detail.notePlaceholder")}
        autosize
        minRows={2}
        value={note}
        error={errors.note}
        onChange={(event) => {
          onNote(event.currentTarget.value);
          setErrors({});
        }}
        data-testid="customer-note-input"
      />
      <Group>
        <Button
          variant="light"
          loading={change.isPending && change.variables.change.op === "addNote"}
          onClick={() => {
            send({ op: "addNote", text: note });
          }}
          data-testid="customer-note-add"
        >
          {t("detail.addNote")}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * A company's KYB password: absent from the page until the agent asks for it (read from the
 * vault then), copyable, hidden again with one click or when the page closes.
 */
function KybPassword({ customerId }: { customerId: string }) {
  const { t } = useTranslation("customers");
  const [shown, setShown] = useState<string | null>(null);
  const showError = useErrorToast();
  const reveal = useRevealKybPassword({ onSuccess: setShown, onError: showError });
  const copy = useShareAction({
    onSuccess: () => {
      notifications.show({ message: t("detail.passwordCopied") });
    },
    onError: showError,
  });
  return (
    <Group gap="xs" justify="space-between" data-testid="kyb-password">
      <Text size="sm" fw={600}>
        {t("detail.kybPassword")}
      </Text>
      {shown === null ? (
        <Button
          size="xs"
          variant="default"
          leftSection={<IconEye size={14} aria-hidden />}
          loading={reveal.isPending}
          onClick={() => {
            reveal.mutate(customerId);
          }}
          data-testid="kyb-password-reveal"
        >
          {t("detail.reveal")}
        </Button>
      ) : (
        <Group gap="xs">
          <Code data-testid="kyb-password-value">{shown}</Code>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconCopy size={14} aria-hidden />}
            onClick={() => {
              copy.mutate(() => call(commands.copyText(shown)));
            }}
            data-testid="kyb-password-copy"
          >
            {t("detail.copyPassword")}
          </Button>
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconEyeOff size={14} aria-hidden />}
            onClick={() => {
              setShown(null);
            }}
          >
            {t("detail.hide")}
          </Button>
        </Group>
      )}
    </Group>
  );
}

/** An UnDosTres account's credit line and available credit, read again on demand. */
function UndostresAccount({ customerId }: { customerId: string }) {
  const { t } = useTranslation("customers");
  const errorMessage = useErrorMessage();
  const refresh = useRefreshAccount({
    onSuccess: () => {
      notifications.show({ color: "green", message: t("detail.accountRefreshed") });
    },
    onError: (error) => {
      notifications.show({ color: "red", message: errorMessage(error).text });
    },
  });
  const balance = refresh.data?.balance ?? null;
  return (
    <Stack gap="xs" data-testid="undostres-account">
      <Divider label={t("detail.account")} labelPosition="left" />
      {balance !== null && (
        <SimpleGrid cols={2} spacing="sm">
          <Fact label={t("detail.creditLine")}>
            <span data-testid="account-credit-line">{formatCentavos(balance.creditLine)}</span>
          </Fact>
          <Fact label={t("detail.available")}>{formatCentavos(balance.availableCredit)}</Fact>
        </SimpleGrid>
      )}
      <Group>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconRefresh size={14} aria-hidden />}
          loading={refresh.isPending}
          onClick={() => {
            refresh.mutate(customerId);
          }}
          data-testid="account-refresh"
        >
          {t("detail.refreshAccount")}
        </Button>
      </Group>
    </Stack>
  );
}
