import { Card, SegmentedControl, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import type { FieldKind } from "../bindings";
import { ValidatedField } from "./ValidatedField";

const KINDS = ["curp", "rfc", "clabe", "postalCode", "phoneMx"] as const satisfies FieldKind[];
type CheckKind = (typeof KINDS)[number];

/** A support agent's scratch pad: check one Mexican identifier with the same rules as the forms. */
export function IdChecker() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<CheckKind>("curp");
  return (
    <Card withBorder padding="lg" maw={720}>
      <Stack gap="sm">
        <div>
          <Text fw={600}>{t("checker.title")}</Text>
          <Text size="sm" c="dimmed">
            {t("checker.description")}
          </Text>
        </div>
        <SegmentedControl
          aria-label={t("checker.kind")}
          value={kind}
          onChange={(value) => {
            setKind(value);
          }}
          data={KINDS.map((value) => ({ value, label: t(`checker.kinds.${value}`) }))}
        />
        {/* Keyed by kind: switching starts a clean field. */}
        <ValidatedField key={kind} kind={kind} label={t(`checker.kinds.${kind}`)} />
      </Stack>
    </Card>
  );
}
