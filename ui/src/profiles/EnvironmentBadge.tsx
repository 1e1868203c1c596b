import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

import type { Environment } from "../bindings";

// Sandbox must never be mistaken for real money: it gets the loudest colour.
const COLOURS: Record<Environment, string> = {
  sandbox: "orange",
  test: "yellow",
  production: "teal",
};

export function EnvironmentBadge({ environment }: { environment: Environment }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOURS[environment]} variant="filled" data-testid="environment-badge">
      {t(`environments.${environment}`)}
    </Badge>
  );
}
