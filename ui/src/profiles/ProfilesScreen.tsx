import { Badge, Button, Card, Divider, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { IconPlus, IconUserCircle } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import type { ProfileSummary_Serialize, Profile_Serialize } from "../bindings";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { EmptyState } from "../components/EmptyState";
import { ErrorNotice } from "../components/ErrorNotice";
import { CredentialSlots } from "./CredentialSlots";
import { EnvironmentBadge } from "./EnvironmentBadge";
import { ProfileForm } from "./ProfileForm";
import { useDeleteProfile, useProfiles, useSwitchProfile } from "./queries";
import { useActiveProfile } from "./useActiveProfile";

const PROVIDERS = [
  ["Billpocket", "billpocketBaseUrl"],
  ["CryptoPocket", "cryptopocketBaseUrl"],
  ["UnDosTres", "undostresBaseUrl"],
] as const;

/** `null` while closed; `"new"` or the profile being edited while the form is open. */
type Editing = null | "new" | Profile_Serialize;

export function ProfilesScreen() {
  const { t } = useTranslation();
  const profiles = useProfiles();
  const active = useActiveProfile();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Profile_Serialize | null>(null);
  return (
    <Stack gap="lg" maw={760}>
      <Group justify="space-between">
        <Title order={2}>{t("profiles.title")}</Title>
        <Button
          leftSection={<IconPlus size={18} />}
          data-testid="profile-new"
          onClick={() => {
            setEditing("new");
          }}
        >
          {t("profiles.new")}
        </Button>
      </Group>
      {profiles.isPending && <Loader size="sm" aria-label={t("app.loading")} />}
      {profiles.isError && (
        <ErrorNotice
          error={profiles.error}
          onRetry={() => {
            void profiles.refetch();
          }}
        />
      )}
      {profiles.data?.length === 0 && (
        <EmptyState
          icon={<IconUserCircle size={34} stroke={1.5} />}
          title={t("profiles.empty.title")}
          body={t("profiles.empty.body")}
        />
      )}
      {profiles.data?.map((profile) => (
        <ProfileCard
          key={profile.id}
          profile={profile}
          active={profile.id === active?.id}
          onEdit={() => {
            setEditing(profile);
          }}
          onDelete={() => {
            setDeleting(profile);
          }}
        />
      ))}
      {editing !== null && (
        <ProfileForm
          profile={editing === "new" ? null : editing}
          onClose={() => {
            setEditing(null);
          }}
        />
      )}
      {deleting && (
        <DeleteProfile
          profile={deleting}
          onClose={() => {
            setDeleting(null);
          }}
        />
      )}
    </Stack>
  );
}

function ProfileCard({
  profile,
  active,
  onEdit,
  onDelete,
}: {
  profile: ProfileSummary_Serialize;
  active: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const builtIn = profile.environment === "sandbox";
  const use = useSwitchProfile(profile.id);
  return (
    <Card withBorder padding="lg" data-testid={`profile-${builtIn ? profile.id : profile.name}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">
            <Text fw={600}>{profile.name}</Text>
            <EnvironmentBadge environment={profile.environment} />
            {profile.local && (
              <Badge
                variant="light"
                color="grape"
                title={t("profile.localHint")}
                data-testid="profile-local-badge"
              >
                {t("profile.localBadge")}
              </Badge>
            )}
            {active && (
              <Badge variant="outline" color="teal">
                {t("profile.activeBadge")}
              </Badge>
            )}
          </Group>
          <Group gap="xs">
            {!active && (
              <Button
                size="xs"
                variant="light"
                loading={use.isPending}
                onClick={() => {
                  use.mutate();
                }}
              >
                {t("profiles.use")}
              </Button>
            )}
            {!builtIn && (
              <>
                <Button size="xs" variant="default" onClick={onEdit}>
                  {t("profiles.edit")}
                </Button>
                <Button size="xs" variant="subtle" color="red" onClick={onDelete}>
                  {t("profiles.delete")}
                </Button>
              </>
            )}
          </Group>
        </Group>
        {use.isError && <ErrorNotice error={use.error} />}
        {builtIn ? (
          <Text size="sm" c="dimmed">
            {t("profile.embedded")}
          </Text>
        ) : (
          <>
            {PROVIDERS.map(([provider, key]) => (
              <Text size="sm" c="dimmed" key={key}>
                {profile[key]
                  ? t("profile.baseUrl", { provider, url: profile[key] })
                  : t("profile.unset", { provider })}
              </Text>
            ))}
            <Divider my="xs" />
            <CredentialSlots profileId={profile.id} />
          </>
        )}
      </Stack>
    </Card>
  );
}

function DeleteProfile({ profile, onClose }: { profile: Profile_Serialize; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteProfile(profile.id, { onSuccess: onClose });
  return (
    <ConfirmDialog
      title={t("profiles.deleteConfirm.title", { name: profile.name })}
      body={t("profiles.deleteConfirm.body")}
      confirmLabel={t("profiles.deleteConfirm.confirm")}
      cancelLabel={t("profiles.form.cancel")}
      pending={remove.isPending}
      error={remove.error}
      testId="profile-delete-confirm"
      onConfirm={() => {
        remove.mutate();
      }}
      onClose={onClose}
    />
  );
}
