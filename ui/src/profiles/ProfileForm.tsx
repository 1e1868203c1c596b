import { Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import type { ProfileInput_Deserialize, Profile_Serialize } from "../bindings";
import { ErrorNotice } from "../components/ErrorNotice";
import { useErrorMessage } from "../components/useErrorMessage";
import { useDiscardGuard } from "../forms/useDiscardGuard";
import { CommandError } from "../ipc";
import { useSaveProfile } from "./queries";

type Field = "name" | "billpocketBaseUrl" | "cryptopocketBaseUrl" | "undostresBaseUrl";
const URL_FIELDS = [
  ["billpocketBaseUrl", "Billpocket"],
  ["cryptopocketBaseUrl", "CryptoPocket"],
  ["undostresBaseUrl", "UnDosTres"],
] as const;

function toForm(profile: Profile_Serialize | null): ProfileInput_Deserialize {
  return {
    name: profile?.name ?? "",
    environment: profile?.environment === "production" ? "production" : "test",
    billpocketBaseUrl: profile?.billpocketBaseUrl ?? "",
    cryptopocketBaseUrl: profile?.cryptopocketBaseUrl ?? "",
    undostresBaseUrl: profile?.undostresBaseUrl ?? "",
  };
}

/** Create (profile = null) or edit a real profile; errors land on the field they name. */
export function ProfileForm({
  profile,
  onClose,
}: {
  profile: Profile_Serialize | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const [initial] = useState(() => toForm(profile));
  const [form, setForm] = useState(initial);
  const guard = useDiscardGuard(JSON.stringify(form) !== JSON.stringify(initial), onClose);
  const save = useSaveProfile(profile, { onSuccess: onClose });
  const error = save.error instanceof CommandError ? save.error : null;
  const fieldError = (field: Field) => {
    if (error?.field !== field) return undefined;
    return error.code === "store.conflict" ? t("profiles.nameTaken") : message(error).text;
  };
  const generalError = save.isError && !error?.field;

  return (
    <Modal
      opened
      onClose={guard.requestClose}
      centered
      title={profile ? t("profiles.form.editTitle") : t("profiles.form.createTitle")}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!save.isPending) save.mutate(form);
        }}
      >
        <Stack>
          <TextInput
            label={t("profiles.form.name")}
            placeholder={t("profiles.form.namePlaceholder")}
            data-testid="profile-name"
            data-autofocus
            required
            value={form.name}
            error={fieldError("name")}
            onChange={(event) => {
              setForm({ ...form, name: event.currentTarget.value });
            }}
          />
          <div>
            <Text size="sm" fw={500} mb={4} id="profile-environment">
              {t("profiles.form.environment")}
            </Text>
            <SegmentedControl
              aria-labelledby="profile-environment"
              value={form.environment}
              onChange={(value) => {
                setForm({ ...form, environment: value as "test" | "production" });
              }}
              data={[
                { value: "test", label: t("environments.test") },
                { value: "production", label: t("environments.production") },
              ]}
            />
          </div>
          {URL_FIELDS.map(([field, provider]) => (
            <TextInput
              key={field}
              label={provider}
              description={t("profiles.form.urlHint")}
              placeholder="https://"
              data-testid={`profile-${field}`}
              value={form[field] ?? ""}
              error={fieldError(field)}
              onChange={(event) => {
                setForm({ ...form, [field]: event.currentTarget.value });
              }}
            />
          ))}
          {generalError && <ErrorNotice error={save.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={guard.requestClose}>
              {t("profiles.form.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="profile-save">
              {t("profiles.form.save")}
            </Button>
          </Group>
        </Stack>
      </form>
      {guard.dialog}
    </Modal>
  );
}
