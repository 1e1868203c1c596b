import {
  Alert,
  Button,
  Divider,
  Drawer,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import {
  IconAlertTriangle,
  IconCopyPlus,
  IconPencil,
  IconPlayerPause,
  IconPlayerPlay,
  IconTrash,
} from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import type { LinkRow, Merchant } from "../bindings";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { Fact } from "../components/Fact";
import { useDerivedText } from "../forms/useDerivedText";
import { formatCentavos } from "../format/money";
import { formatDateTime, formatRelative } from "../format/time";
import { ShareOptions } from "../share/ShareOptions";
import { useShareAction } from "../share/queries";
import { copyNotice } from "./copyNotice";
import { LinkStateBadge } from "./LinkStateBadge";
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
  const { link } = row;
  const locale = i18n.language;
  const url = link.customLinkPath;
  const amount = formatCentavos(link.amountCentavos);
  // Kept here, not in the share options: the drawer hides while the link's form is open.
  const message = useDerivedText(shareMessage(t, merchant, link));
  const unpayable = row.state === "active" ? null : row.state;
  const [confirmDelete, setConfirmDelete] = useState(false);

  const remove = useShareAction();

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

        <ShareOptions
          url={url}
          message={message}
          subject={shareSubject(t, merchant, link)}
          staleWarning={t("share.stale")}
          qrFileName={`liga-${link.secondaryLink}.png`}
          copied={copyNotice(t, row)}
        />

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
