import { AppShell, Group, NavLink, Stack, Text, Title } from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { CustomersScreen } from "../customers/CustomersScreen";
import { leaveDirtyForms } from "../forms/dirtyForms";
import { LinksScreen } from "../links/LinksScreen";
import { MerchantsScreen } from "../merchants/MerchantsScreen";
import { EnvironmentBadge } from "../profiles/EnvironmentBadge";
import { ProfilesScreen } from "../profiles/ProfilesScreen";
import { useActiveProfile } from "../profiles/useActiveProfile";
import { SettingsScreen } from "../screens/SettingsScreen";
import { AREA_ICONS, AREAS, type Area } from "./areas";
import { useBackendEvents } from "./backendEvents";
import { modKeyLabel } from "./shortcut";

const MOD_KEY = modKeyLabel();

export function App() {
  const { t } = useTranslation();
  const [area, setArea] = useState<Area>("links");
  // The merchant whose links the Ligas area shows; "Ver sus ligas" in Comercios sets it.
  const [linksMerchant, setLinksMerchant] = useState<string | null>(null);
  const activeProfile = useActiveProfile();
  useBackendEvents();
  // Leaving an area closes its forms: one with typed input asks first.
  const goTo = (target: Area) => {
    leaveDirtyForms(() => {
      setArea(target);
    });
  };
  // Area shortcuts work from inside a field too (no tags ignored): Ctrl+digit types nothing.
  useHotkeys(
    AREAS.map((target, index) => [
      `mod+${String(index + 1)}`,
      () => {
        goTo(target);
      },
    ]),
    [],
  );

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 232, breakpoint: 0 }} padding="xl">
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between">
          <Group gap="xs">
            <img src="/icon.svg" alt="" width={28} height={28} />
            <Stack gap={0}>
              <Title order={1} size="h4" data-testid="app-title">
                {t("app.name")}
              </Title>
              <Text size="xs" c="dimmed">
                {t("app.tagline")}
              </Text>
            </Stack>
          </Group>
          {activeProfile && (
            <Group gap="xs" data-testid="active-profile">
              <Text size="sm">{t("profile.active", { name: activeProfile.name })}</Text>
              <EnvironmentBadge environment={activeProfile.environment} />
            </Group>
          )}
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t("nav.label")}>
        {AREAS.map((target, index) => {
          const AreaIcon = AREA_ICONS[target];
          return (
            <NavLink
              key={target}
              component="button"
              data-testid={`nav-${target}`}
              label={t(`nav.${target}`)}
              leftSection={<AreaIcon size={20} stroke={1.6} aria-hidden />}
              rightSection={
                <Text size="xs" c="dimmed" aria-hidden>
                  {MOD_KEY}
                  {index + 1}
                </Text>
              }
              active={area === target}
              aria-current={area === target ? "page" : undefined}
              onClick={() => {
                goTo(target);
              }}
            />
          );
        })}
      </AppShell.Navbar>
      <AppShell.Main data-testid={`area-${area}`}>
        {area === "settings" ? (
          <SettingsScreen />
        ) : area === "profiles" ? (
          <ProfilesScreen />
        ) : area === "links" ? (
          <LinksScreen merchantId={linksMerchant} onMerchantChange={setLinksMerchant} />
        ) : area === "merchants" ? (
          <MerchantsScreen
            onOpenLinks={(merchantId) => {
              leaveDirtyForms(() => {
                setLinksMerchant(merchantId);
                setArea("links");
              });
            }}
          />
        ) : (
          <CustomersScreen />
        )}
      </AppShell.Main>
    </AppShell>
  );
}
