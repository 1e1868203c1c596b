import { Button, Card, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import type { Draft } from "../bindings";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { formatRelative, nowSeconds } from "../format/time";
import { useDiscardDraft, useDiscardOldDrafts } from "./queries";

/** Drafts not touched for this many days can be discarded together. */
export const OLD_DRAFT_DAYS = 30;

/** Registrations in progress, newest first: resume or discard one, or discard the old ones. */
export function MerchantDrafts({
  drafts,
  onResume,
}: {
  drafts: Draft[];
  onResume: (draft: Draft) => void;
}) {
  const { t, i18n } = useTranslation("merchants");
  const [confirming, setConfirming] = useState(false);
  const discard = useDiscardDraft();
  const discardOld = useDiscardOldDrafts(OLD_DRAFT_DAYS, {
    onSuccess: () => {
      setConfirming(false);
    },
  });
  const now = nowSeconds();
  const old = drafts.filter((draft) => now - draft.updatedAt > OLD_DRAFT_DAYS * 86_400).length;
  if (drafts.length === 0) return null;
  return (
    <Card withBorder padding="sm" data-testid="merchant-drafts">
      <Group justify="space-between" mb="xs">
        <Text fw={600} size="sm">
          {t("drafts.title", { count: drafts.length })}
        </Text>
        {old > 0 && (
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            onClick={() => {
              setConfirming(true);
            }}
            data-testid="merchant-drafts-discard-old"
          >
            {t("drafts.discardOld", { days: OLD_DRAFT_DAYS })}
          </Button>
        )}
      </Group>
      <Stack gap={6}>
        {drafts.map((draft) => (
          <Group key={draft.id} justify="space-between" wrap="nowrap" data-testid="merchant-draft">
            <Text size="sm" truncate>
              {draft.title || t("drafts.untitled")}{" "}
              <Text span size="xs" c="dimmed">
                {t("drafts.saved", {
                  when: formatRelative(draft.updatedAt, now, i18n.language),
                })}
              </Text>
            </Text>
            <Group gap="xs" wrap="nowrap">
              <Button
                size="xs"
                variant="light"
                onClick={() => {
                  onResume(draft);
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
      <ConfirmDialog
        opened={confirming}
        title={t("drafts.discardOldConfirm.title", { count: old })}
        body={t("drafts.discardOldConfirm.body", { days: OLD_DRAFT_DAYS })}
        confirmLabel={t("drafts.discardOldConfirm.confirm")}
        cancelLabel={t("drafts.discardOldConfirm.cancel")}
        pending={discardOld.isPending}
        error={discardOld.error}
        testId="merchant-drafts-discard-old-confirm"
        onConfirm={() => {
          discardOld.mutate();
        }}
        onClose={() => {
          setConfirming(false);
        }}
      />
    </Card>
  );
}
