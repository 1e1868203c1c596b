import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";

import type { Customer, KycStatus, Provider } from "../bindings";

const STATUS_COLORS: Record<KycStatus, string> = {
  unused: "gray",
  processing: "blue",
  valid: "green",
  fail: "red",
};

const PROVIDER_COLORS: Record<Provider, string> = {
  cryptopocket: "violet",
  undostres: "teal",
};

/** Which provider a customer belongs to; its name is in the badge, not only its colour. */
export function ProviderBadge({ provider }: { provider: Provider }) {
  const { t } = useTranslation("customers");
  return (
    <Badge variant="outline" color={PROVIDER_COLORS[provider]} data-testid="provider-badge">
      {t(`providers.${provider}`)}
    </Badge>
  );
}

/**
 * Where the verification stands: CryptoPocket's four statuses, or an UnDosTres account's
 * status with its KYC level.
 */
export function KycStatusBadge({ customer }: { customer: Customer }) {
  const { t } = useTranslation("customers");
  const status = customer.kycStatus;
  const label =
    customer.provider === "undostres" ? t(`undostresStatus.${status}`) : t(`status.${status}`);
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={STATUS_COLORS[status]} variant="light" data-testid="kyc-status">
        {label}
      </Badge>
      {customer.kycLevel != null && (
        <Badge color="gray" variant="default" data-testid="kyc-level">
          {t("level", { level: customer.kycLevel })}
        </Badge>
      )}
    </Group>
  );
}
