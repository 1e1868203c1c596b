import {
  Alert,
  Anchor,
  Button,
  Code,
  Divider,
  Drawer,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  IconAlertTriangle,
  IconBrandWhatsapp,
  IconCopy,
  IconCopyPlus,
  IconDownload,
  IconExternalLink,
  IconMail,
  IconPencil,
  IconPlayerPause,
  IconPlayerPlay,
  IconQrcode,
  IconTrash,
} from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { commands, type LinkRow, type Merchant, type ShareTarget } from "../bindings";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { Fact } from "../components/Fact";
import { useErrorMessage } from "../components/useErrorMessage";
import { useDerivedText } from "../forms/useDerivedText";
import { formatCentavos } from "../format/money";
import { formatDateTime, formatRelative } from "../format/time";
import { call, CommandError } from "../ipc";
import { copyNotice } from "./copyNotice";
import { LinkStateBadge } from "./LinkStateBadge";
import { QrCodeView } from "./QrCodeView";
import { useLinkAction } from "./queries";
import { shareMessage, shareSubject } from "./shareMessage";

/**
 * Everything about one link and what to do with it: the URL to copy, the QR to show, copy or
 * save, the browser, WhatsApp and e-mail with a prefilled message, and edit, clone, (de)activate
 * and delete. Everything shown is derived from `row` at each render, so an edit shows at once;
 * a message edited by hand is kept and flagged when the link changes under it. Sharing a link
 * nobody can pay (inactive, expired) is allowed, with a warning.
 */
export function LinkDetail({
  opened = true,
  row,
  merchant,
  now,
  busy,
  onClose,
  onEdit,
  onClone,
  onSetActive,
  onDelete,
}: {
  /** False while the link's form is open on top: hidden, but its message kept. */
  opened?: boolean;
  row: LinkRow;
  merchant: Merchant;
  now: number;
  busy: boolean;
  onClose: () => void;
  onEdit: () => void;
  onClone: () => void;
  onSetActive: (active: boolean) => void;
  onDelete: () => Promise<unknown>;
}) {
  const { t, i18n } = useTranslation("links");
  const errorMessage = useErrorMessage();
  const { link } = row;
  const locale = i18n.language;
  const url = link.customLinkPath;
  const amount = formatCentavos(link.amountCentavos);
  const message = useDerivedText(shareMessage(t, merchant, link));
  const unpayable = row.state === "active" ? null : row.state;
  const [phone, setPhone] = useState("");
  const [phoneError, setPhoneError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const action = useLinkAction({
    onError: (error) => {
      const { text } = errorMessage(error);
      // A number WhatsApp cannot take is said on its field, where it is fixed.
      if (error instanceof CommandError && error.field === "phone") setPhoneError(text);
      else notifications.show({ color: "red", message: text });
    },
  });
  const remove = useLinkAction();

  function run(work: () => Promise<unknown>, done?: { message: string; color?: string }) {
    action.mutate(work, {
      onSuccess: () => {
        if (done) notifications.show(done);
      },
    });
  }
  const share = (target: ShareTarget) => () => call(commands.openShare(target));

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="lg"
      title={t("detail.title")}
      data-testid="link-detail"
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={3} data-testid="detail-description">
              {link.description || t("table.noDescription")}
            </Title>
            <Text size="xl" fw={700} ff="monospace">
              {amount}
            </Text>
          </Stack>
          <LinkStateBadge state={row.state} />
        </Group>

        {unpayable && (
          <Alert
            color="orange"
            icon={<IconAlertTriangle size={18} aria-hidden />}
            data-testid="detail-not-payable"
          >
            {t(`share.notActive.${unpayable}`)}
          </Alert>
        )}

        <Stack gap={6}>
          <Code block data-testid="detail-url">
            {url}
          </Code>
          <Group gap="xs">
            <Button
              leftSection={<IconCopy size={16} aria-hidden />}
              onClick={() => {
                run(() => call(commands.copyText(url)), copyNotice(t, row));
              }}
              data-testid="detail-copy"
            >
              {t("detail.copy")}
            </Button>
            <Button
              variant="default"
              leftSection={<IconExternalLink size={16} aria-hidden />}
              onClick={() => {
                run(share({ kind: "browser", url }));
              }}
              data-testid="detail-open"
            >
              {t("detail.open")}
            </Button>
          </Group>
        </Stack>

        <Group align="flex-start" gap="lg" wrap="nowrap">
          <QrCodeView text={url} label={t("detail.qrLabel", { url })} />
          <Stack gap="xs">
            <Button
              variant="default"
              leftSection={<IconQrcode size={16} aria-hidden />}
              onClick={() => {
                run(() => call(commands.copyLinkQr(url)), { message: t("detail.qrCopied") });
              }}
              data-testid="detail-copy-qr"
            >
              {t("detail.copyQr")}
            </Button>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              onClick={() => {
                run(async () => {
                  const path = await call(
                    commands.saveLinkQr(url, `liga-${link.secondaryLink}.png`),
                  );
                  if (path !== null) notifications.show({ message: t("detail.qrSaved", { path }) });
                  return null;
                });
              }}
              data-testid="detail-save-qr"
            >
              {t("detail.saveQr")}
            </Button>
          </Stack>
        </Group>

        <Divider label={t("share.title")} labelPosition="left" />
        <Textarea
          label={t("share.messageLabel")}
          value={message.text}
          autosize
          minRows={3}
          onChange={(event) => {
            message.edit(event.currentTarget.value);
          }}
          data-testid="share-message"
        />
        {message.stale && (
          <Alert
            color="orange"
            icon={<IconAlertTriangle size={18} aria-hidden />}
            data-testid="share-message-stale"
          >
            <Stack gap={4} align="flex-start">
              <Text size="sm">{t("share.stale")}</Text>
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={message.reset}
                data-testid="share-message-reset"
              >
                {t("share.useUpdated")}
              </Anchor>
            </Stack>
          </Alert>
        )}
        <Group align="flex-end" gap="xs">
          <TextInput
            label={t("share.phone")}
            placeholder="55 1234 5678"
            value={phone}
            error={phoneError}
            onChange={(event) => {
              setPhone(event.currentTarget.value);
              setPhoneError(null);
            }}
            style={{ flex: 1 }}
            data-testid="share-phone"
          />
          <Button
            color="green"
            leftSection={<IconBrandWhatsapp size={16} aria-hidden />}
            onClick={() => {
              run(
                share({
                  kind: "whatsapp",
                  message: message.text,
                  phone: phone.trim() === "" ? null : phone,
                }),
              );
            }}
            data-testid="share-whatsapp"
          >
            {t("share.whatsapp")}
          </Button>
          <Button
            variant="default"
            leftSection={<IconMail size={16} aria-hidden />}
            onClick={() => {
              run(
                share({
                  kind: "email",
                  subject: shareSubject(t, merchant, link),
                  body: message.text,
                  to: null,
                }),
              );
            }}
            data-testid="share-email"
          >
            {t("share.email")}
          </Button>
        </Group>

        <Divider />
        <SimpleGrid cols={2} spacing="sm">
          <Fact label={t("detail.msi")}>
            {link.months.length > 0
              ? t("table.msiMonths", { months: link.months.join(", ") })
              : t("detail.singlePayment")}
          </Fact>
          <Fact label={t("detail.expires")}>
            {link.expiredAt == null
              ? t("table.noExpiry")
              : `${formatDateTime(link.expiredAt, locale)} (${formatRelative(link.expiredAt, now, locale)})`}
          </Fact>
          <Fact label={t("detail.created")}>{formatDateTime(link.createdAt, locale)}</Fact>
          <Fact label={t("detail.updated")}>{formatDateTime(link.updatedAt, locale)}</Fact>
          <Fact label={t("detail.slug")}>{link.secondaryLink}</Fact>
          <Fact label={t("detail.fixedTerm")}>
            {link.isFixedTerm ? t("detail.yes") : t("detail.no")}
          </Fact>
          <Fact label={t("detail.id")}>
            <Text size="xs" ff="monospace" style={{ wordBreak: "break-all" }}>
              {link.id}
            </Text>
          </Fact>
        </SimpleGrid>

        <Divider />
        <Group gap="xs">
          <Button
            variant="light"
            leftSection={<IconPencil size={16} aria-hidden />}
            onClick={onEdit}
            data-testid="detail-edit"
          >
            {t("detail.edit")}
          </Button>
          <Button
            variant="light"
            leftSection={<IconCopyPlus size={16} aria-hidden />}
            onClick={onClone}
            data-testid="detail-clone"
          >
            {t("detail.clone")}
          </Button>
          <Button
            variant="light"
            color={link.status === "active" ? "gray" : "green"}
            loading={busy}
            leftSection={
              link.status === "active" ? (
                <IconPlayerPause size={16} aria-hidden />
              ) : (
                <IconPlayerPlay size={16} aria-hidden />
              )
            }
            onClick={() => {
              onSetActive(link.status !== "active");
            }}
            data-testid="detail-toggle"
          >
            {link.status === "active" ? t("detail.deactivate") : t("detail.activate")}
          </Button>
          <Button
            variant="light"
            color="red"
            leftSection={<IconTrash size={16} aria-hidden />}
            onClick={() => {
              setConfirmDelete(true);
            }}
            data-testid="detail-delete"
          >
            {t("detail.delete")}
          </Button>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirmDelete}
        title={t("detail.deleteTitle")}
        body={t("detail.deleteBody", { description: link.description || link.secondaryLink })}
        confirmLabel={t("detail.deleteConfirm")}
        cancelLabel={t("form.cancel")}
        pending={remove.isPending}
        error={remove.error}
        testId="confirm-delete"
        onConfirm={() => {
          remove.mutate(onDelete);
        }}
        onClose={() => {
          setConfirmDelete(false);
        }}
      />
    </Drawer>
  );
}
