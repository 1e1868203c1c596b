import {
  Button,
  Group,
  Modal,
  PasswordInput,
  SegmentedControl,
  Stack,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import type { ConnectOutcome, ConnectRequest } from "../bindings";
import { ErrorNotice } from "../components/ErrorNotice";
import { useErrorMessage } from "../components/useErrorMessage";
import { useDiscardGuard } from "../forms/useDiscardGuard";
import { CommandError } from "../ipc";
import { useConnectMerchant } from "./queries";

/** Connects a merchant that already exists at Billpocket, by its login or a pasted token. */
export function ConnectDialog({
  onClose,
  onDone,
}: {
  onClose: () => void;
  onDone: (outcome: ConnectOutcome) => void;
}) {
  const { t } = useTranslation("merchants");
  const errorMessage = useErrorMessage();
  const [by, setBy] = useState<"login" | "token">("login");
  const [email, setEmail] = useState("");
  const [secret, setSecret] = useState("");
  const [name, setName] = useState("");
  const guard = useDiscardGuard(email !== "" || secret !== "" || name !== "", onClose);
  const connect = useConnectMerchant({
    onSuccess: (outcome) => {
      onDone(outcome);
    },
  });
  const request: ConnectRequest =
    by === "login" ? { by, email, password: secret, name } : { by, token: secret, name };
  const fieldError =
    connect.error instanceof CommandError && connect.error.field
      ? errorMessage(connect.error).text
      : undefined;
  return (
    <Modal
      opened
      onClose={guard.requestClose}
      title={t("connect.title")}
      size="md"
      data-testid="merchant-connect-dialog"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!connect.isPending) connect.mutate(request);
        }}
      >
        <Stack>
          <SegmentedControl
            data={[
              { value: "login", label: t("connect.byLogin") },
              { value: "token", label: t("connect.byToken") },
            ]}
            value={by}
            onChange={(value) => {
              setBy(value === "token" ? "token" : "login");
              setSecret("");
            }}
            data-testid="connect-by"
            attributes={{ input: { "data-autofocus": true } }}
          />
          <TextInput
            label={t("connect.name")}
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
            }}
          />
          {by === "login" && (
            <TextInput
              label={t("fields.email")}
              type="email"
              value={email}
              onChange={(event) => {
                setEmail(event.currentTarget.value);
              }}
              data-testid="connect-email"
            />
          )}
          <PasswordInput
            label={by === "login" ? t("fields.password") : t("connect.token")}
            value={secret}
            error={fieldError}
            onChange={(event) => {
              setSecret(event.currentTarget.value);
            }}
            data-testid="connect-secret"
          />
          {connect.error && !fieldError && <ErrorNotice error={connect.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={guard.requestClose}>
              {t("form.close")}
            </Button>
            <Button type="submit" loading={connect.isPending} data-testid="connect-submit">
              {t("connect.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
      {guard.dialog}
    </Modal>
  );
}
