import { Badge, Button, Group, PasswordInput, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import type { SlotStatus } from "../bindings";
import { ErrorNotice } from "../components/ErrorNotice";
import { useCredentialSlot, useCredentialSlots } from "./queries";

/** A profile's keyring slots: set or missing, replace or remove; values never come back. */
export function CredentialSlots({ profileId }: { profileId: string }) {
  const { t } = useTranslation();
  const slots = useCredentialSlots(profileId);
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {t("profiles.credentials.title")}
      </Text>
      <Text size="xs" c="dimmed">
        {t("profiles.credentials.description")}
      </Text>
      {slots.isError && <ErrorNotice error={slots.error} />}
      {slots.data?.map((slot) => (
        <SlotRow key={slot.slot} profileId={profileId} slot={slot} />
      ))}
    </Stack>
  );
}

function SlotRow({ profileId, slot }: { profileId: string; slot: SlotStatus }) {
  const { t } = useTranslation();
  const [value, setValue] = useState("");
  const onSaved = () => {
    setValue("");
  };
  const save = useCredentialSlot(profileId, slot.slot, onSaved);
  const clear = useCredentialSlot(profileId, slot.slot, onSaved);
  const isSet = slot.status === "set";
  return (
    <Stack gap={4} data-testid={`slot-${slot.slot}`}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (value.trim() !== "") save.mutate(value);
        }}
      >
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <PasswordInput
            style={{ flex: 1 }}
            label={
              <Group gap={6} component="span">
                {t(`profiles.credentials.slots.${slot.slot}`)}
                <Badge
                  size="xs"
                  variant="light"
                  color={isSet ? "teal" : "gray"}
                  data-testid="slot-status"
                >
                  {isSet ? t("profiles.credentials.set") : t("profiles.credentials.notSet")}
                </Badge>
              </Group>
            }
            autoComplete="off"
            placeholder={
              isSet
                ? t("profiles.credentials.placeholderReplace")
                : t("profiles.credentials.placeholderNew")
            }
            value={value}
            onChange={(event) => {
              setValue(event.currentTarget.value);
            }}
          />
          <Button type="submit" variant="light" loading={save.isPending} disabled={!value.trim()}>
            {t("profiles.credentials.save")}
          </Button>
          {isSet && (
            <Button
              variant="subtle"
              color="red"
              loading={clear.isPending}
              onClick={() => {
                clear.mutate(null);
              }}
            >
              {t("profiles.credentials.clear")}
            </Button>
          )}
        </Group>
      </form>
      {(save.isError || clear.isError) && <ErrorNotice error={save.error ?? clear.error} />}
    </Stack>
  );
}
