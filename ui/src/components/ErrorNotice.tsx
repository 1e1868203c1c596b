import { Alert, Button, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

import { useErrorMessage } from "./useErrorMessage";

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const { code, text } = useErrorMessage()(error);
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={t("error.title")}
      role="alert"
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{text}</Text>
        <Text size="xs" c="dimmed" data-testid="error-code">
          {t("error.code", { code })}
        </Text>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t("error.retry")}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
