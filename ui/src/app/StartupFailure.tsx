import { Center, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../components/ErrorNotice";

/** Shown instead of the shell when the app could not start (e.g. data from a newer version). */
export function StartupFailure({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <Center h="100vh" p="xl" data-testid="startup-failure">
      <Stack maw={560} gap="md">
        <Title order={1} size="h2">
          {t("startup.title")}
        </Title>
        <Text c="dimmed">{t("startup.body")}</Text>
        <ErrorNotice error={error} />
      </Stack>
    </Center>
  );
}
