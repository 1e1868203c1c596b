import { Badge, Card, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { IconUserCircle } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

import { commands, type Profile_Serialize } from "../bindings";
import { EmptyState } from "../components/EmptyState";
import { ErrorNotice } from "../components/ErrorNotice";
import { call } from "../ipc";
import { EnvironmentBadge } from "./EnvironmentBadge";
import { useActiveProfile } from "./useActiveProfile";

const PROVIDERS = [
  ["Billpocket", "billpocketBaseUrl"],
  ["CryptoPocket", "cryptopocketBaseUrl"],
  ["UnDosTres", "undostresBaseUrl"],
] as const;

export function ProfilesScreen() {
  const { t } = useTranslation();
  const profiles = useQuery({
    queryKey: ["profiles"],
    queryFn: () => call(commands.listProfiles()),
  });
  const active = useActiveProfile();
  return (
    <Stack gap="lg" maw={720}>
      <Title order={2}>{t("profiles.title")}</Title>
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
        <ProfileCard key={profile.id} profile={profile} active={profile.id === active?.id} />
      ))}
    </Stack>
  );
}

function ProfileCard({ profile, active }: { profile: Profile_Serialize; active: boolean }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" data-testid={`profile-${profile.id}`}>
      <Stack gap="xs">
        <Group gap="xs">
          <Text fw={600}>{profile.name}</Text>
          <EnvironmentBadge environment={profile.environment} />
          {active && (
            <Badge variant="outline" color="teal">
              {t("profile.activeBadge")}
            </Badge>
          )}
        </Group>
        {profile.environment === "sandbox" ? (
          <Text size="sm" c="dimmed">
            {t("profile.embedded")}
          </Text>
        ) : (
          PROVIDERS.map(([provider, key]) => (
            <Text size="sm" c="dimmed" key={key}>
              {profile[key]
                ? t("profile.baseUrl", { provider, url: profile[key] })
                : t("profile.unset", { provider })}
            </Text>
          ))
        )}
      </Stack>
    </Card>
  );
}
