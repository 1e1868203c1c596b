import { Button, Group, Modal, Stack, Text } from "@mantine/core";

import { ErrorNotice } from "./ErrorNotice";

/** Asks before something that cannot be undone; stays open, showing the error, if it fails. */
export function ConfirmDialog({
  opened = true,
  title,
  body,
  confirmLabel,
  cancelLabel,
  pending,
  error,
  testId,
  onConfirm,
  onClose,
}: {
  opened?: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  pending: boolean;
  error: unknown;
  testId: string;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack>
        <Text size="sm">{body}</Text>
        {error != null && <ErrorNotice error={error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {cancelLabel}
          </Button>
          <Button color="red" data-testid={testId} loading={pending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
