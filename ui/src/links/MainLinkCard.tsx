import { Button, Card, Group, Stack, Text, TextInput } from "@mantine/core";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import type { Merchant } from "../bindings";
import { useErrorMessage } from "../components/useErrorMessage";
import { newWriteKey } from "./linkForm";
import { useSubmitLinkWrite } from "./queries";

/** The merchant's main link slug: the first segment of every link URL. */
export function MainLinkCard({ merchant }: { merchant: Merchant }) {
  const { t } = useTranslation("links");
  const errorMessage = useErrorMessage();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(merchant.mainLink ?? "");
  const key = useRef(newWriteKey());
  const save = useSubmitLinkWrite({
    onSuccess: () => {
      key.current = newWriteKey();
      setEditing(false);
    },
    onError: () => {
      key.current = newWriteKey();
    },
  });

  return (
    <Card withBorder padding="sm" data-testid="main-link">
      {editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (save.isPending) return;
            save.mutate({
              key: key.current,
              request: { op: "configureMainLink", merchantId: merchant.id, mainLink: value },
            });
          }}
        >
          <Group align="flex-end" gap="xs">
            <TextInput
              label={t("mainLink.label")}
              description={t("mainLink.hint")}
              value={value}
              error={save.error ? errorMessage(save.error).text : undefined}
              onChange={(event) => {
                setValue(event.currentTarget.value);
              }}
              style={{ flex: 1 }}
              data-testid="main-link-input"
            />
            <Button type="submit" loading={save.isPending} data-testid="main-link-save">
              {t("mainLink.save")}
            </Button>
            <Button
              variant="default"
              onClick={() => {
                setEditing(false);
              }}
            >
              {t("form.cancel")}
            </Button>
          </Group>
        </form>
      ) : (
        <Group justify="space-between">
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t("mainLink.label")}
            </Text>
            <Text size="sm" ff="monospace" data-testid="main-link-value">
              {merchant.mainLink
                ? `${merchant.domain ?? ""}/${merchant.mainLink}/…`
                : t("mainLink.notSet")}
            </Text>
          </Stack>
          <Button
            variant="subtle"
            size="xs"
            onClick={() => {
              setValue(merchant.mainLink ?? "");
              setEditing(true);
            }}
            data-testid="main-link-edit"
          >
            {merchant.mainLink ? t("mainLink.change") : t("mainLink.configure")}
          </Button>
        </Group>
      )}
    </Card>
  );
}
