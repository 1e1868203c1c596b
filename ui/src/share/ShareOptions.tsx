import {
  Alert,
  Anchor,
  Button,
  Code,
  Divider,
  Group,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  IconAlertTriangle,
  IconBrandWhatsapp,
  IconCopy,
  IconDownload,
  IconExternalLink,
  IconMail,
  IconQrcode,
} from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { commands, type ShareTarget } from "../bindings";
import { useErrorMessage } from "../components/useErrorMessage";
import type { DerivedText } from "../forms/useDerivedText";
import { call, CommandError } from "../ipc";
import { QrCodeView } from "./QrCodeView";
import { useShareAction } from "./queries";

/** How a link left the app, for a screen that records it (a reminder sent). */
export type ShareChannel = "copy" | "whatsapp" | "email";

/**
 * Every way to hand a link to someone: the URL to copy or open, its QR to show, copy or save,
 * and WhatsApp or e-mail with a prefilled message. The message is the screen's
 * `useDerivedText` of the record (kept by the screen, so it outlives a hidden drawer): it
 * follows the record until the user edits it; an edited message is kept and flagged with
 * `staleWarning` when the record changes under it.
 */
export function ShareOptions({
  url,
  message,
  subject,
  staleWarning,
  qrFileName,
  copied,
  onShared,
}: {
  url: string;
  message: DerivedText;
  subject: string;
  staleWarning: string;
  qrFileName: string;
  /** The notification after the URL was copied. */
  copied: { message: string; color?: string };
  /** Called once the link went out through a channel. */
  onShared?: (channel: ShareChannel) => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [phone, setPhone] = useState("");
  const [phoneError, setPhoneError] = useState<string | null>(null);

  const action = useShareAction({
    onError: (error) => {
      const { text } = errorMessage(error);
      // A number WhatsApp cannot take is said on its field, where it is fixed.
      if (error instanceof CommandError && error.field === "phone") setPhoneError(text);
      else notifications.show({ color: "red", message: text });
    },
  });

  function run(
    work: () => Promise<unknown>,
    done?: { message: string; color?: string },
    channel?: ShareChannel,
  ) {
    action.mutate(work, {
      onSuccess: () => {
        if (done) notifications.show(done);
        if (channel) onShared?.(channel);
      },
    });
  }
  const share = (target: ShareTarget) => () => call(commands.openShare(target));

  return (
    <>
      <Stack gap={6}>
        <Code block data-testid="detail-url">
          {url}
        </Code>
        <Group gap="xs">
          <Button
            leftSection={<IconCopy size={16} aria-hidden />}
            onClick={() => {
              run(() => call(commands.copyText(url)), copied, "copy");
            }}
            data-testid="detail-copy"
          >
            {t("share.copy")}
          </Button>
          <Button
            variant="default"
            leftSection={<IconExternalLink size={16} aria-hidden />}
            onClick={() => {
              run(share({ kind: "browser", url }));
            }}
            data-testid="detail-open"
          >
            {t("share.open")}
          </Button>
        </Group>
      </Stack>

      <Group align="flex-start" gap="lg" wrap="nowrap">
        <QrCodeView text={url} label={t("share.qrLabel", { url })} />
        <Stack gap="xs">
          <Button
            variant="default"
            leftSection={<IconQrcode size={16} aria-hidden />}
            onClick={() => {
              run(() => call(commands.copyLinkQr(url)), { message: t("share.qrCopied") });
            }}
            data-testid="detail-copy-qr"
          >
            {t("share.copyQr")}
          </Button>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            onClick={() => {
              run(async () => {
                const path = await call(commands.saveLinkQr(url, qrFileName));
                if (path !== null) notifications.show({ message: t("share.qrSaved", { path }) });
                return null;
              });
            }}
            data-testid="detail-save-qr"
          >
            {t("share.saveQr")}
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
            <Text size="sm">{staleWarning}</Text>
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
              undefined,
              "whatsapp",
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
              share({ kind: "email", subject, body: message.text, to: null }),
              undefined,
              "email",
            );
          }}
          data-testid="share-email"
        >
          {t("share.email")}
        </Button>
      </Group>
    </>
  );
}
