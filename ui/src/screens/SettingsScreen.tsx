import {
  Card,
  Code,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useTranslation } from "react-i18next";

import type { Locale } from "../bindings";
import { useAppInfo, useSetLocale } from "../app/queries";
import { ErrorNotice } from "../components/ErrorNotice";
import { LOCALES } from "../i18n";
import { SandboxCard } from "../sandbox/SandboxCard";
import { KycPreferencesCard } from "./KycPreferencesCard";

export function SettingsScreen() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={720}>
      <Title order={2}>{t("settings.title")}</Title>
      <LanguageCard />
      <KycPreferencesCard />
      <SandboxCard />
      <AboutCard />
    </Stack>
  );
}

function LanguageCard() {
  const { t, i18n } = useTranslation();
  const setLocale = useSetLocale();
  return (
    <Card withBorder padding="lg">
      <Stack gap="xs">
        <Text fw={600} id="language-label">
          {t("settings.language.label")}
        </Text>
        <Text size="sm" c="dimmed">
          {t("settings.language.description")}
        </Text>
        <SegmentedControl
          aria-labelledby="language-label"
          data-testid="language-switch"
          value={i18n.language}
          disabled={setLocale.isPending}
          onChange={(value) => {
            setLocale.mutate(value as Locale);
          }}
          data={LOCALES.map((locale) => ({ value: locale, label: t(`languages.${locale}`) }))}
        />
        {setLocale.isError && <ErrorNotice error={setLocale.error} />}
      </Stack>
    </Card>
  );
}

function AboutCard() {
  const { t } = useTranslation();
  const info = useAppInfo();
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Text fw={600}>{t("settings.about.title")}</Text>
        {info.isPending && <Loader size="sm" aria-label={t("app.loading")} />}
        {info.isError && (
          <ErrorNotice
            error={info.error}
            onRetry={() => {
              void info.refetch();
            }}
          />
        )}
        {info.data && (
          <Table variant="vertical" withTableBorder={false} data-testid="app-info">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={180}>{t("settings.about.version")}</Table.Th>
                <Table.Td data-testid="app-version">{info.data.version}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t("settings.about.dataDir")}</Table.Th>
                <Table.Td>
                  <Group gap={4}>
                    <Code data-testid="app-data-dir">{info.data.dataDir}</Code>
                  </Group>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t("settings.about.platform")}</Table.Th>
                <Table.Td>{info.data.platform}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
