import { Alert, Group, Stack, Text } from "@mantine/core";
import { IconCloudOff } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * The banner of a provider the last call failed to reach (yellow: what is cached stays usable)
 * or that refused it (red): a title line, one short line saying what still works or what went
 * wrong with the error's code, and an action on the right if any.
 */
export function ProviderAlert({
  offline,
  title,
  hint,
  code,
  action,
  testId,
}: {
  offline: boolean;
  title: ReactNode;
  hint: string;
  code: string;
  action?: ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      color={offline ? "yellow" : "red"}
      variant="light"
      py={6}
      icon={<IconCloudOff size={18} aria-hidden />}
      role="status"
      data-testid={testId}
    >
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <Stack gap={0} style={{ minWidth: 0 }}>
          {title}
          <Text size="xs">
            {hint}{" "}
            <Text span size="xs" c="dimmed">
              {t("sync.code", { code })}
            </Text>
          </Text>
        </Stack>
        {action}
      </Group>
    </Alert>
  );
}
