import { Button, Group, Input, NumberInput, SegmentedControl, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../components/ErrorNotice";
import { useSetUndostresAccount } from "./queries";

/** The first seeded UnDosTres account (the double's seed starts at 1001). */
const FIRST_SEEDED_ACCOUNT = 1001;
const LEVELS = ["1", "2", "3"];

/**
 * The UnDosTres double's stand-in for the provider's undocumented upgrade path: puts one of its
 * accounts at a KYC level, active or suspended, so the customers screen can show the change.
 */
export function UndostresAccountControl() {
  const { t } = useTranslation();
  // The account number as typed (Mantine keeps text such as "" or "01005" as a string).
  const [typedId, setTypedId] = useState<number | string>(FIRST_SEEDED_ACCOUNT);
  const [level, setLevel] = useState(2);
  const [suspended, setSuspended] = useState(false);
  const customerId = Number(typedId);
  const validId = Number.isInteger(customerId) && customerId >= 1;
  const apply = useSetUndostresAccount();
  const statusLabel = (suspended: boolean) =>
    suspended ? t("sandbox.undostres.suspended") : t("sandbox.undostres.active");

  return (
    <Stack gap="xs" data-testid="sandbox-undostres">
      <Text fw={600} size="sm" mt="sm">
        {t("sandbox.undostres.title")}
      </Text>
      <Text size="xs" c="dimmed">
        {t("sandbox.undostres.description")}
      </Text>
      <Group align="flex-end">
        <NumberInput
          w={160}
          label={t("sandbox.undostres.customerId")}
          data-testid="sandbox-undostres-id"
          min={1}
          allowDecimal={false}
          value={typedId}
          onChange={setTypedId}
        />
        <Input.Wrapper label={t("sandbox.undostres.level")}>
          <SegmentedControl
            display="flex"
            data-testid="sandbox-undostres-level"
            value={String(level)}
            onChange={(value) => {
              setLevel(Number(value));
            }}
            data={LEVELS}
          />
        </Input.Wrapper>
        <Input.Wrapper label={t("sandbox.undostres.status")}>
          <SegmentedControl
            display="flex"
            data-testid="sandbox-undostres-status"
            value={suspended ? "suspended" : "active"}
            onChange={(value) => {
              setSuspended(value === "suspended");
            }}
            data={[
              { value: "active", label: statusLabel(false) },
              { value: "suspended", label: statusLabel(true) },
            ]}
          />
        </Input.Wrapper>
        <Button
          variant="default"
          data-testid="sandbox-undostres-apply"
          loading={apply.isPending}
          disabled={!validId}
          onClick={() => {
            apply.mutate({ customerId, level, suspended });
          }}
        >
          {t("sandbox.undostres.apply")}
        </Button>
      </Group>
      {apply.isError && <ErrorNotice error={apply.error} />}
      {apply.isSuccess && (
        <Text size="sm" c="teal" data-testid="sandbox-undostres-done">
          {t("sandbox.undostres.done", {
            id: apply.data.customerId,
            level: apply.data.level,
            status: statusLabel(apply.data.suspended),
          })}
        </Text>
      )}
    </Stack>
  );
}
