import {
  Badge,
  Button,
  Card,
  Code,
  Group,
  NumberInput,
  Select,
  Stack,
  Switch,
  Text,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ConfirmDialog } from "../components/ConfirmDialog";
import { ErrorNotice } from "../components/ErrorNotice";
import {
  hasFaults,
  NO_FAULTS,
  type FailureTrigger,
  type FaultForm,
  type NextFailure,
} from "./faultPlan";
import { useResetSandbox, useSandboxStatus, useSetFaults } from "./queries";
import { UndostresAccountControl } from "./UndostresAccountControl";

const NEXT: NextFailure[] = [
  "none",
  "status500",
  "status503",
  "status429",
  "malformedBody",
  "commitThenDrop",
  "commitThenReset",
  "foreignPage",
  "ignoreChanges",
];
const TRIGGERS: FailureTrigger[] = ["next", "percent"];

/** The embedded provider doubles: what they hold, failures to simulate, and a reset. */
export function SandboxCard() {
  const { t } = useTranslation();
  const status = useSandboxStatus();
  const [form, setForm] = useState<FaultForm>(NO_FAULTS);
  const [confirming, confirm] = useDisclosure(false);
  const applyFaults = useSetFaults();
  const reset = useResetSandbox({
    onSuccess: () => {
      setForm(NO_FAULTS);
      confirm.close();
    },
  });
  const failing = status.data ? hasFaults(status.data.faults) : false;

  return (
    <Card withBorder padding="lg" data-testid="sandbox-card">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>{t("sandbox.title")}</Text>
          {status.data && (
            <Badge color={failing ? "red" : "gray"} variant="light" data-testid="sandbox-faults">
              {failing ? t("sandbox.faults.active") : t("sandbox.faults.inactive")}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t("sandbox.description")}
        </Text>
        {status.isError && <ErrorNotice error={status.error} />}
        {status.data && (
          <Group gap="xs">
            <Text size="sm">{t("sandbox.billpocketUrl")}:</Text>
            <Code>{status.data.billpocketUrl}</Code>
            <Text size="sm" c="dimmed" data-testid="sandbox-counts">
              {t("sandbox.counts", {
                merchants: status.data.merchants,
                links: status.data.links,
              })}
            </Text>
          </Group>
        )}

        <Text fw={600} size="sm" mt="sm">
          {t("sandbox.faults.title")}
        </Text>
        <Text size="xs" c="dimmed">
          {t("sandbox.faults.description")}
        </Text>
        <Group align="flex-end">
          <NumberInput
            w={220}
            label={t("sandbox.faults.latency")}
            min={0}
            max={30_000}
            step={250}
            value={form.latencyMs}
            onChange={(value) => {
              setForm({ ...form, latencyMs: typeof value === "number" ? value : 0 });
            }}
          />
          <Switch
            mb={8}
            label={t("sandbox.faults.outage")}
            data-testid="sandbox-outage"
            checked={form.outage}
            onChange={(event) => {
              setForm({ ...form, outage: event.currentTarget.checked });
            }}
          />
        </Group>
        <Group align="flex-end" grow>
          <Select
            label={t("sandbox.faults.next")}
            data-testid="sandbox-next"
            allowDeselect={false}
            value={form.next}
            onChange={(value) => {
              if (value) setForm({ ...form, next: value });
            }}
            data={NEXT.map((value) => ({ value, label: t(`sandbox.faults.${value}`) }))}
          />
          <Select
            label={t("sandbox.faults.trigger")}
            allowDeselect={false}
            disabled={form.next === "none"}
            value={form.trigger}
            onChange={(value) => {
              if (value) setForm({ ...form, trigger: value });
            }}
            data={TRIGGERS.map((value) => ({
              value,
              label: t(`sandbox.faults.triggers.${value}`),
            }))}
          />
          <NumberInput
            label={
              form.trigger === "percent" ? t("sandbox.faults.percent") : t("sandbox.faults.count")
            }
            min={1}
            max={100}
            disabled={form.next === "none"}
            value={form.count}
            onChange={(value) => {
              setForm({ ...form, count: typeof value === "number" ? value : 1 });
            }}
          />
        </Group>
        {applyFaults.isError && <ErrorNotice error={applyFaults.error} />}
        <Group>
          <Button
            data-testid="sandbox-apply"
            loading={applyFaults.isPending}
            onClick={() => {
              applyFaults.mutate(form);
            }}
          >
            {t("sandbox.faults.apply")}
          </Button>
          <Button
            variant="default"
            disabled={!failing}
            onClick={() => {
              setForm(NO_FAULTS);
              applyFaults.mutate(NO_FAULTS);
            }}
          >
            {t("sandbox.faults.clear")}
          </Button>
          <Button color="red" variant="light" ml="auto" onClick={confirm.open}>
            {t("sandbox.reset.button")}
          </Button>
        </Group>
        <UndostresAccountControl />
      </Stack>

      <ConfirmDialog
        opened={confirming}
        title={t("sandbox.reset.title")}
        body={t("sandbox.reset.body")}
        confirmLabel={t("sandbox.reset.confirm")}
        cancelLabel={t("sandbox.reset.cancel")}
        pending={reset.isPending}
        error={reset.error}
        testId="sandbox-reset-confirm"
        onConfirm={() => {
          reset.mutate();
        }}
        onClose={confirm.close}
      />
    </Card>
  );
}
